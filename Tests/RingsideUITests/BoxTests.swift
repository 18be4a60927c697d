import Testing
@testable import RingsideUI

@Suite struct BoxTests {
    @Test func boxWithTitleAndFooter() {
        var grid = Grid(width: 20, height: 4)
        let inner = grid.drawBox(grid.area, title: "Ring", footer: "3 nodes")
        #expect(inner == Rect(x: 1, y: 1, width: 18, height: 2))
        #expect(grid.lines() == [
            "┌─ Ring ───────────┐",
            "│                  │",
            "│                  │",
            "└──────── 3 nodes ─┘",
        ])
        #expect(grid[x: 0, y: 0]?.style == Style(.border))
        #expect(grid[x: 3, y: 0]?.style == Style(.title, bold: true))
    }

    @Test func longTitlesAreTruncated() {
        var grid = Grid(width: 12, height: 3)
        grid.drawBox(grid.area, title: "A very long title")
        #expect(grid.lines()[0] == "┌─ A ver… ─┐")
    }

    @Test func asciiFallback() {
        var grid = Grid(width: 12, height: 3)
        grid.drawBox(grid.area, title: "A very long title", glyphs: .ascii)
        #expect(grid.lines() == [
            "+- A v... -+",
            "|          |",
            "+----------+",
        ])
    }

    @Test func tinyRectsDrawNothing() {
        var grid = Grid(width: 3, height: 3)
        let before = grid
        #expect(grid.drawBox(Rect(x: 0, y: 0, width: 1, height: 3)).isEmpty)
        #expect(grid.drawBox(Rect(x: 0, y: 0, width: 3, height: 1)).isEmpty)
        #expect(grid.drawBox(Rect(x: 0, y: 0, width: -3, height: -3)).isEmpty)
        #expect(grid == before)
        grid.drawBox(Rect(x: 0, y: 0, width: 2, height: 2), title: "no room")
        #expect(grid.trimmed == ["┌┐", "└┘", ""])
    }

    @Test func boxesPartlyOutsideTheGridAreClipped() {
        var grid = Grid(width: 4, height: 3)
        grid.drawBox(Rect(x: -2, y: 1, width: 5, height: 10))
        #expect(grid.trimmed == ["", "──┐", "  │"])
        var huge = Grid(width: 3, height: 2)
        huge.drawBox(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max))
        huge.drawBox(Rect(x: 1, y: 0, width: Int.max, height: Int.max), title: "t")
        #expect(huge.trimmed == [" ┌─", " │"])
    }
}
