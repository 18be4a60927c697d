import RingsideSimulation
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
        // Lines break between words: the heading takes both rows.
        #expect(grid.lines() == ["Terminal too", "   small    "])
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

    /// User test at 30×10: `x` crashed node 10 that nobody could see and `l` left a hidden
    /// prompt. While the notice shows, keys do nothing but quit.
    @Test func keysDoNothingButQuitWhileTooSmall() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "10")
        let small = Size(width: 30, height: 10)
        let before = engine.requests.count
        for key: Key in [.character("x"), .character("l"), .character(":"), .character("?"), .space, .tab,
                         .character("v"), .mouse(MouseEvent(x: 5, y: 5, button: .left))] {
            let keepRunning = frontEnd.press(key, size: small)
            #expect(keepRunning)
        }
        #expect(engine.requests.count == before)
        #expect(frontEnd.model.world.state.isAlive(try #require(frontEnd.model.world.state.index(ofName: "P"))))
        #expect(frontEnd.model.prompt == nil)
        #expect(!frontEnd.model.isHelpVisible && !frontEnd.model.isPlaying)
        #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == "10")
        #expect(frontEnd.model.mainView == .ring)
        // Resizing back to a usable size: keys act again.
        frontEnd.press(.resize, size: small)
        frontEnd.press(.character("x"))
        #expect(!frontEnd.model.world.state.isAlive(try #require(frontEnd.model.world.state.index(ofName: "P"))))
        let afterQ = frontEnd.press(.character("q"), size: small)
        let afterCtrlC = frontEnd.press(.ctrlC, size: small)
        #expect(!afterQ && !afterCtrlC)
    }
}
