import Testing
@testable import RingsideUI

/// `… N more` under a cut finger table counts fingers, and a short panel still shows
/// some: at 60×16 it read `… 3 more` with none of node 10's 7 fingers shown, at 60×19
/// `1-5 …` then `… 2 more`.
@Suite struct FingerCountTests {
    @Test func shownAndHiddenFingersAddUpToM() throws {
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "10")
        for height in 6...9 {
            var grid = Grid(width: 33, height: height)
            FingerTablePanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
            let lines = grid.trimmed.map { String($0.dropFirst(2)).trimmingBlanks() }
            var shown = 0
            for line in lines {
                let first = line.split(separator: " ").first.map(String.init) ?? ""
                let bounds = first.split(separator: "-").compactMap { Int($0) }
                if bounds.count == 2 { shown += bounds[1] - bounds[0] + 1 } else if bounds.count == 1, Int(first) != nil { shown += 1 }
            }
            let hidden = lines.compactMap { line -> Int? in
                guard line.hasPrefix("\u{2026} ") else { return nil }
                return Int(line.dropFirst(2).split(separator: " ").first ?? "")
            }.first ?? 0
            #expect(shown > 0, "height \(height): \(lines)")
            #expect(shown + hidden == 7, "height \(height): \(lines)")
        }
    }
}
