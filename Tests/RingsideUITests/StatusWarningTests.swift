import RingsideSimulation
import Testing
@testable import RingsideUI

/// User test at 80×24: `u` after a lookup left the status line at "… U redo, acting
/// he…": the warning of what acting there forgets was the part cut. The fields give way
/// to it as to an error, and it comes before the step's label.
@Suite struct StatusWarningTests {
    @Test func theTimeTravelWarningShowsWholeAt80x24() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "60")
        let size = Size(width: 80, height: 24)
        frontEnd.press(.character("l"), size: size)
        frontEnd.type("5")
        frontEnd.press(.enter, size: size)
        frontEnd.press(.character("n"), size: size)
        frontEnd.press(.character("n"), size: size)
        frontEnd.press(.character("u"), size: size)
        let status = try #require(frontEnd.screen(size).last)
        let newest = frontEnd.model.timeline.steps
        #expect(status.contains("acting here forgets step \(newest)"), "\(status)")
    }

    @Test func aWarningTakesTheRoomOfTheFieldsLeastNeeded() throws {
        let message = "U redo, acting here forgets steps 15\u{2013}16 \u{00B7} \u{203A} lookup 5 from 60"
        let line = StatusLine(speed: 2, time: 6, seed: 1, selection: "60 B", position: "time: step 14 of 16",
                              message: message, isWarningMessage: true)
        var grid = Grid(width: 80, height: 1)
        line.render(into: &grid, area: grid.area)
        let shown = try #require(grid.lines().first)
        #expect(shown.contains("time: step 14 of 16  U redo, acting here forgets steps 15\u{2013}16"), "\(shown)")
        #expect(!shown.contains("seed 1"))
    }
}
