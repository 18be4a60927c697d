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
        #expect(lines[0].contains("cut N10,N32 | N60,N90,N105,N120"))
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
        #expect(lines[0].contains("cut N10 | N60 | N32,N90,N105,N120"))
        let all = try ring(["partition 10,32 | 60,90,105,120"], selecting: "10")
        #expect(all[0].contains("cut N10,N32 | N60,N90,N105,N120 ─"))
    }

    /// A title too long for the panel loses whole parts, never part of a node's id (at
    /// 120×40 the title read "… 32 90 105 1…", as if naming a node 1).
    @Test func aLongTitleIsCutBetweenIDs() throws {
        let model = try Fixtures.model(Fixtures.lectureRing + ["partition 10 | 60"], selecting: "10")
        let words: Set<Substring> = ["Ring", "m=7", "6", "live", "cut", "N10", "N60", "N32", "N90", "N105", "N120",
                                     "4", "others", "3", "groups", "\u{2026}"]
        for width in 8...70 {
            var grid = Grid(size: Size(width: width, height: 26))
            RingPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
            let top = grid.lines()[0]
            guard let start = top.range(of: "┌─ "), let end = top.range(of: " ─", range: start.upperBound..<top.endIndex) else { continue }
            let shown = top[start.upperBound..<end.lowerBound].split { " ,|·".contains($0) }
            #expect(shown.allSatisfy(words.contains), "width \(width): \(top)")
            #expect(top.contains("cut") || width < 20, "width \(width): \(top)")
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
        #expect(lines[0].contains("cut N10,N32 | N60,N90,N105,N120"))
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
        #expect(screen[0].contains("cut P,A | B,N90 | N105,N120"), "\(screen[0])")
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

/// User test: at 120×40 a partition cut the ring's title (`cut P A | B N90 | N105…`), and a
/// zoomed arc's range, last in the title, never showed on a 32-bit ring. The title drops
/// its less important parts first; the range stays while anything does.
@Suite struct RingTitleFitTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test func thePartitionFitsWithItsGroupsAsTheEventsWriteThem() throws {
        for size in Self.sizes {
            var (frontEnd, _) = try Fixtures.demo(selecting: "10")
            frontEnd.press(.character("p"))
            frontEnd.type("10,32 | 60,90")
            frontEnd.press(.enter)
            let top = frontEnd.screen(size)[0]
            #expect(top.contains("cut P,A | B,N90 | N105,N120 ─"), "\(size): \(top)")
            #expect(!top.contains("\u{2026}"), "\(size): \(top)")
        }
    }

    /// The arc's range whole at every zoom, on a 2^20 and a 2^32 ring, with a partition
    /// and a crash competing for the room.
    @Test(arguments: [20, 32])
    func theZoomedArcsRangeShows(bits: Int) throws {
        let ids = bits == 20 ? "1000000 5 524288 700000" : "4029891265 3359425 2147483648 59679973"
        let first = String(ids.split(separator: " ")[0])
        let script = "bits \(bits)\nadd \(ids)\nfail 5\npartition \(first) | 524288\n"
        for size in Self.sizes {
            var (frontEnd, _) = try Fixtures.scripted(script, selecting: first)
            for zoom in 1...bits {
                frontEnd.press(.character("z"))
                let model = frontEnd.model
                let panel = RingPanel(model: model, glyphs: .unicode)
                let range = try #require(panel.title(notDrawn: 0).zoom?.range)
                let top = frontEnd.screen(size)[0]
                #expect(top.contains(" \(range) ─"), "\(size) zoom \(zoom): \(top)")
                #expect(!top.contains("\u{2026}"), "\(size) zoom \(zoom): \(top)")
            }
        }
    }

    @Test func partsGoLeastImportantFirst() {
        let title = RingTitle(bits: 7, live: "6 live", gone: ["1 down"], groups: [["P", "A"], ["B", "N90"], ["N105", "N120"]],
                              lastGroupIsRest: true, notDrawn: 1, zoom: ("\u{00D7}2", "[106,42)"), separator: "\u{00B7}")
        #expect(title.full == "Ring · m=7 · 6 live · 1 down · cut P,A | B,N90 | N105,N120 · +1 more msg · zoom ×2 [106,42)")
        let expected = [
            "Ring · m=7 · 6 live · 1 down · cut P,A | B,N90 | N105,N120 · zoom ×2 [106,42)",
            "Ring · 6 live · 1 down · cut P,A | B,N90 | N105,N120 · zoom ×2 [106,42)",
            "6 live · 1 down · cut P,A | B,N90 | N105,N120 · zoom ×2 [106,42)",
            "1 down · cut P,A | B,N90 | N105,N120 · zoom ×2 [106,42)",
            "1 down · cut P,A | B,N90 | 2 others · zoom ×2 [106,42)",
            "1 down · cut P,A | B,N90 | 2 others · ×2 [106,42)",
            "1 down · cut 3 groups · ×2 [106,42)",
            "cut 3 groups · ×2 [106,42)",
            "×2 [106,42)",
            "[106,42)",
        ]
        var seen: [String] = []
        for width in stride(from: 100, through: 8, by: -1) {
            let shown = title.fitted(width: width, ellipsis: "\u{2026}")
            #expect(TextWidth.of(shown) <= width)
            if seen.last != shown { seen.append(shown) }
        }
        #expect(seen == [title.full] + expected, "\(seen)")
        // Narrower than the range alone: the one word left is cut.
        #expect(title.fitted(width: 5, ellipsis: "\u{2026}") == "[106\u{2026}")
    }
}
