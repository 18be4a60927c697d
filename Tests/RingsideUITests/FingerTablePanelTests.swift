import Foundation
import Testing
@testable import RingsideUI

@Suite struct FingerTablePanelTests {
    private func render(_ model: AppModel, width: Int = 44, height: Int = 12) -> Grid {
        var grid = Grid(width: width, height: height)
        FingerTablePanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
        return grid
    }

    /// The slide "Finger Table of Node 10": the same starts, intervals and nodes.
    @Test func node10MatchesTheLecture() throws {
        let grid = render(try Fixtures.model(Fixtures.lectureRing, selecting: "10"))
        Snapshot.assert(grid.trimmed, matches: Snapshots.fingerTableOfNode10, named: "fingerTableOfNode10")
        let rows = grid.trimmed.dropFirst(2).prefix(7).map { line in
            line.dropFirst(2).split(separator: " ").map(String.init)
        }
        #expect(rows.map { $0[0] } == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(rows.map { $0[1] } == ["11", "12", "14", "18", "26", "42", "74"])
        #expect(rows.map { $0[2] } == ["[11,12)", "[12,14)", "[14,18)", "[18,26)", "[26,42)", "[42,74)", "[74,10)"])
        #expect(rows.map { $0[3] } == ["32", "32", "32", "32", "32", "60", "90"])
        #expect(grid.trimmed[9].contains("succ 32 · pred 120 · list 32 60 90"))
        #expect(grid.trimmed[10].contains("keys none"))  // 15 is stored at 32, the first node at or after it
        #expect(!grid.roles(in: grid.area).contains(.warning))
    }

    /// User test: at 60×16 the panel said "(a taller window sho" and in --big at 80×24
    /// and 60×18 the header's `node` read `no`. At every width from the narrowest the
    /// panel gets, no word of the header or of the "more" line is cut, and each node shows.
    @Test func narrowPanelsCutNoWord() throws {
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "90")
        for width in 22...50 {
            for height in [5, 6, 12] {
                let lines = render(model, width: width, height: height).trimmed.map {
                    String($0.dropFirst(2).dropLast(2)).trimmingBlanks()
                }
                let header = lines[1].split(separator: " ")
                #expect(header.last == "node" && header.contains("interval"), "\(width)×\(height): \(lines[1])")
                for line in lines where line.contains("more") {
                    #expect(line.hasSuffix("more") || line.hasSuffix("more (a taller window)")
                            || line.hasSuffix("more (a taller window shows them)"), "\(width)×\(height): \(line)")
                }
                let table = lines.filter { $0.first?.isNumber == true && $0.contains("[") }
                #expect(!table.isEmpty || lines.contains { $0.contains("more") })
                for row in table {
                    #expect(["105", "120", "10", "32"].contains(row.split(separator: " ").last.map(String.init) ?? ""),
                            "\(width)×\(height): \(row)")
                }
            }
        }
    }

    /// The slide's other table: node 90 (k = 6 wraps: [122,26) → 10).
    @Test func node90MatchesTheLecture() throws {
        let grid = render(try Fixtures.model(Fixtures.lectureRing, selecting: "90"))
        let rows = grid.trimmed.dropFirst(2).prefix(7).map { $0.dropFirst(2).split(separator: " ").map(String.init) }
        #expect(rows.map { $0[1] } == ["91", "92", "94", "98", "106", "122", "26"])
        #expect(rows.map { $0[2] } == ["[91,92)", "[92,94)", "[94,98)", "[98,106)", "[106,122)", "[122,26)", "[26,90)"])
        #expect(rows.map { $0[3] } == ["105", "105", "105", "105", "120", "10", "32"])
    }

    /// After 32 crashes, node 10's fingers 1–5 still point at it: stale, marked `!` in the warning role.
    @Test func staleFingersAreMarked() throws {
        let grid = render(try Fixtures.model(Fixtures.lectureRing + ["fail 32"], selecting: "10"))
        let stale = grid.trimmed.dropFirst(2).prefix(7).filter { $0.contains("32 !") }
        #expect(stale.count == 5)
        #expect(grid.roles(in: grid.area).contains(.warning))
        #expect(grid.roles(in: grid.area).contains(.failed))  // the dead node's label
        #expect(grid.trimmed[9].contains("succ 32!"))
    }

    @Test func tallTablesFoldRunsOfEqualFingers() throws {
        let model = try Fixtures.model(["bits 160", "add alice bob carol dave erin frank"], selecting: "alice")
        let grid = render(model, width: 60, height: 14)
        let lines = grid.trimmed
        #expect(lines[1].contains("start"))
        // Symbolic starts and intervals, as in the slide's definitions.
        #expect(lines[2].contains("n+2^0"))
        #expect(lines.contains { $0.contains("-") && $0.contains("[n+2^") })
        #expect(lines.count == 14)
        let folded = FingerTablePanel.fold(
            (1...160).map { FingerTablePanel.Row(first: $0, last: $0, node: $0 < 150 ? 1 : 2, isStale: false) }, toFit: 5)
        #expect(folded.shown == [
            FingerTablePanel.Row(first: 1, last: 149, node: 1, isStale: false),
            FingerTablePanel.Row(first: 150, last: 160, node: 2, isStale: false),
        ])
        #expect(folded.hidden == 0)
        let cut = FingerTablePanel.fold((1...10).map { FingerTablePanel.Row(first: $0, last: $0, node: Int32($0), isStale: false) }, toFit: 4)
        #expect(cut.shown.count == 3 && cut.hidden == 7)
    }

    @Test func noSelectionAndTinyAreasDoNotTrap() throws {
        let empty = AppModel()
        #expect(render(empty).trimmed[1].contains("no node selected"))
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "10")
        for (w, h) in [(0, 0), (1, 1), (3, 2), (10, 3), (200, 1), (5, 50)] {
            _ = render(model, width: w, height: h)
        }
    }

    /// User test, thousand-node-hops at 120×40: node n228's finger 23 read `n516` (its id
    /// too long for the column) among rows of ids, and the list gave n516 as `10146694`.
    /// One label form per panel: names throughout, the list's too.
    @Test func oneLabelFormForEveryNodeOfThePanel() throws {
        let path = BayouPanelTests.scenarioPath("thousand-node-hops.ringside")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("bits") || $0.hasPrefix("add") }
        let model = try Fixtures.model(lines, selecting: "n228")
        func isName(_ label: Substring) -> Bool { label.hasPrefix("n") }
        var mixedBefore = false
        for width in 36...80 {
            let rows = render(model, width: width, height: 20).trimmed
            let shown = rows.joined(separator: "\n")
            let fingerNodes = rows.compactMap { row -> Substring? in
                let cells = row.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")).split(separator: " ")
                guard let k = cells.first, k.first?.isNumber == true, cells.count >= 3 else { return nil }
                return cells[cells.count - 1] == "!" ? cells[cells.count - 2] : cells[cells.count - 1]
            }
            #expect(fingerNodes.count > 5, "\(shown)")
            let names = fingerNodes.filter(isName).count
            #expect(names == 0 || names == fingerNodes.count, "width \(width): \(shown)")
            if let list = rows.first(where: { $0.contains("list ") }) {
                let entries = list.components(separatedBy: "list ")[1].split(separator: " ").prefix(3)
                #expect(entries.allSatisfy { isName($0) == (names > 0) }, "width \(width): \(shown)")
            }
            if names > 0 { mixedBefore = true }
        }
        #expect(mixedBefore, "some width is too narrow for the ids")
    }
}

/// Issue 8: the finger panel follows the node a lookup is at, hop by hop; Esc (or the
/// lookup's end) gives it back to the selection.
@Suite struct FingerPanelFollowsLookupTests {
    private func title(_ frontEnd: FrontEnd) -> String? {
        frontEnd.screen().first { $0.contains("Fingers of") }
    }

    @Test func thePanelFollowsTheLookup() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        frontEnd.press(.character("n"))  // 90 forwards to 10: 10's fingers route it next
        #expect(title(frontEnd)?.contains("Fingers of 10 P · lookup 15 here") == true)
        for _ in 0..<50 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        #expect(title(frontEnd)?.contains("Fingers of 90 ") == true)
    }

    @Test func escapeGivesThePanelBack() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        frontEnd.press(.character("n"))
        frontEnd.press(.escape)
        #expect(title(frontEnd)?.contains("Fingers of 90 ") == true)
    }

}
