import RingsideSimulation
import Testing
@testable import RingsideUI

/// The ring shows who cannot reach whom under a partition (issue 8, item 2): the title
/// names the groups and the nodes cut off from the selected one are drawn apart.
@Suite struct RingPartitionTests {
    private func ring(_ lines: [String], selecting id: String, glyphs: Glyphs = .unicode) throws -> [String] {
        let model = try Fixtures.model(Fixtures.lectureRing + lines, selecting: id)
        let area = Rect(x: 0, y: 0, width: 60, height: 26)
        var grid = Grid(size: area.size)
        RingPanel(model: model, glyphs: glyphs).render(into: &grid, area: area)
        return grid.lines()
    }

    @Test func theNodesBeyondThePartitionAreCutOffFromTheSelection() throws {
        let lines = try ring(["partition 10,32 | 60,90,105,120"], selecting: "10")
        let text = lines.joined(separator: "\n")
        #expect(lines[0].contains("cut 10 32 | 60 90 105 120"))
        #expect(text.filter { $0 == "◌" }.count == 4)
        #expect(text.filter { $0 == "●" }.count == 2)
    }

    @Test func fromTheOtherSideTheOtherGroupIsCutOff() throws {
        let text = try ring(["partition 10,32 | 60,90,105,120"], selecting: "90").joined(separator: "\n")
        #expect(text.filter { $0 == "◌" }.count == 2)
        #expect(text.filter { $0 == "●" }.count == 4)
    }

    @Test func nodesNotNamedFormOneMoreGroup() throws {
        // 60 is named alone; the four others are the one more group, with 10.
        let text = try ring(["partition 60"], selecting: "10").joined(separator: "\n")
        #expect(text.filter { $0 == "◌" }.count == 1)
    }

    /// User test: `partition 10 | 60` made three groups but the title said `cut 10 | 60`.
    @Test func theTitleNamesTheGroupOfNodesNamedInNone() throws {
        let lines = try ring(["partition 10 | 60"], selecting: "10")
        #expect(lines[0].contains("cut 10 | 60 | 32 90 105 120"))
        let all = try ring(["partition 10,32 | 60,90,105,120"], selecting: "10")
        #expect(all[0].contains("cut 10 32 | 60 90 105 120 ─"))
    }

    /// A title too long for the panel is cut between words, never inside a node's id
    /// (at 120×40 the title read "… 32 90 105 1…", as if naming a node 1).
    @Test func aLongTitleIsCutBetweenIDs() throws {
        let model = try Fixtures.model(Fixtures.lectureRing + ["partition 10 | 60"], selecting: "10")
        for width in 20...60 {
            var grid = Grid(size: Size(width: width, height: 26))
            RingPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
            let top = grid.lines()[0]
            guard let cut = top.range(of: "…"), let start = top.range(of: "┌─ ") else { continue }
            let kept = String(top[start.upperBound..<cut.lowerBound])
            let full = "Ring · m=7 · 6 live · cut 10 | 60 | 32 90 105 120"
            #expect(full.hasPrefix(kept) && full.dropFirst(kept.count).first == " ", "width \(width): \(top)")
        }
    }

    @Test func healingDrawsEveryNodeAgain() throws {
        let lines = try ring(["partition 10,32 | 60,90,105,120", "heal"], selecting: "10")
        #expect(!lines[0].contains("cut"))
        #expect(!lines.joined().contains("◌"))
    }

    @Test func asciiHasItsOwnMark() throws {
        let lines = try ring(["partition 10,32 | 60,90,105,120"], selecting: "10", glyphs: .ascii)
        #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) })
        #expect(lines[0].contains("cut 10 32 | 60 90 105 120"))
    }
}
