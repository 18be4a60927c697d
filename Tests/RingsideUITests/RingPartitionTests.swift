import RingsideSimulation
import Testing
@testable import RingsideUI

/// The ring shows who cannot reach whom under a partition (issue 8, item 2): the title
/// names the groups and the nodes cut off from the selected one are drawn apart.
@Suite struct RingPartitionTests {
    private func ring(_ lines: [String], selecting id: String, glyphs: Glyphs = .unicode, width: Int = 60) throws -> [String] {
        let model = try Fixtures.model(Fixtures.lectureRing + lines, selecting: id)
        let area = Rect(x: 0, y: 0, width: width, height: 26)
        var grid = Grid(size: area.size)
        RingPanel(model: model, glyphs: glyphs).render(into: &grid, area: area)
        return grid.lines()
    }

    @Test func theNodesBeyondThePartitionAreCutOffFromTheSelection() throws {
        let lines = try ring(["partition 10,32 | 60,90,105,120"], selecting: "10")
        let text = lines.joined(separator: "\n")
        #expect(lines[0].contains("cut N10 N32 | N60 N90 N105 N120"))
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
        let lines = try ring(["partition 10 | 60"], selecting: "10", width: 70)
        #expect(lines[0].contains("cut N10 | N60 | N32 N90 N105 N120"))
        let all = try ring(["partition 10,32 | 60,90,105,120"], selecting: "10")
        #expect(all[0].contains("cut N10 N32 | N60 N90 N105 N120 ─"))
    }

    /// A title too long for the panel is cut between words, never inside a node's id
    /// (at 120×40 the title read "… 32 90 105 1…", as if naming a node 1).
    @Test func aLongTitleIsCutBetweenIDs() throws {
        let model = try Fixtures.model(Fixtures.lectureRing + ["partition 10 | 60"], selecting: "10")
        for width in 20...70 {
            var grid = Grid(size: Size(width: width, height: 26))
            RingPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
            let top = grid.lines()[0]
            guard let cut = top.range(of: "…"), let start = top.range(of: "┌─ ") else { continue }
            let kept = String(top[start.upperBound..<cut.lowerBound])
            let full = "Ring · m=7 · 6 live · cut N10 | N60 | N32 N90 N105 N120"
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
        #expect(lines[0].contains("cut N10 N32 | N60 N90 N105 N120"))
    }
}

/// The ring's title names a partition's nodes as the events' `partition:` line does
/// (it said `cut 10 32 | 60 90 | 50…` beside `partition: P,A | B,N90 | …`), and a zoomed
/// arc's ends are whole numbers (`4029891…` read as 10 digits where the id has 9).
@Suite struct RingTitleNamesTests {
    @Test func thePartitionIsNamedAsInTheEvents() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "10")
        frontEnd.press(.character("p"))
        frontEnd.type("10,32 | 60,90")
        frontEnd.press(.enter)
        let screen = frontEnd.screen(Size(width: 160, height: 40))
        #expect(screen[0].contains("cut P A | B N90 | N105 N120"), "\(screen[0])")
        #expect(frontEnd.model.world.trace.events.contains { $0.text.contains("partition: P,A | B,N90 | N105,N120") })
    }

    @Test func aZoomedArcShowsWholeIDs() throws {
        var model = try Fixtures.model(["bits 32", "add 402989123 1000 3000000000"], selecting: "402989123")
        model.zoom = 3
        var grid = Grid(width: 80, height: 30)
        RingPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
        let title = grid.lines()[0]
        #expect(!title.contains("\u{2026}"), "\(title)")
        #expect(title.contains("zoom \u{00D7}8 ["), "\(title)")
    }
}
