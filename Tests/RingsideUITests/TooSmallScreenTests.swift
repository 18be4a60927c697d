import Testing
@testable import RingsideUI

@Suite struct TooSmallScreenTests {
    @Test func golden() {
        var grid = Grid(width: 40, height: 8)
        TooSmallScreen(required: Size(width: 80, height: 24), actual: grid.size).render(into: &grid, area: grid.area)
        #expect(grid.trimmed == [
            "",
            "",
            "           Terminal too small",
            "         need 80×24, have 40×8",
            "       enlarge the window or font",
            "                q quits",
            "",
            "",
        ])
        #expect(grid[x: 11, y: 2]?.style == Style(.warning, bold: true))
    }

    @Test func tinyScreensKeepTheFirstLines() {
        var grid = Grid(width: 12, height: 2)
        TooSmallScreen(required: Size(width: 80, height: 24), actual: grid.size, glyphs: .ascii)
            .render(into: &grid, area: grid.area)
        #expect(grid.lines() == ["Terminal too", "need 80x24, "])
        for (w, h) in [(0, 0), (1, 1), (0, 5), (5, 0)] {
            var small = Grid(width: w, height: h)
            TooSmallScreen(required: Size(width: 80, height: 24), actual: small.size).render(into: &small, area: small.area)
        }
    }

    @Test func clearsWhatWasThere() {
        var grid = Grid(width: 30, height: 6, fill: Cell("#"))
        TooSmallScreen(required: Size(width: 80, height: 24), actual: grid.size).render(into: &grid, area: grid.area)
        #expect(!grid.lines().joined().contains("#"))
    }
}
