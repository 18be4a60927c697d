import RingsideSimulation
import Testing
@testable import RingsideUI

/// Golden screens of the timeline bar and the in-flight list, at the sizes a lecture
/// uses (80×24 on a projector, 120×40 on a laptop) and 200×60.
@Suite struct TimeTravelScreenTests {

    /// The demo, a lookup of 15 from 90 two hops in, two steps back, the bar open.
    private func timelineOpen() throws -> FrontEnd {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        for _ in 0..<3 { frontEnd.press(.character("n")) }
        frontEnd.press(.character("t"))
        frontEnd.press(.left)
        frontEnd.press(.left)
        return frontEnd
    }

    /// The stored screen for a golden size (the sizes a lecture uses, and a big monitor).
    private static func golden(_ name: String, width: Int) -> String {
        switch (name, width) {
        case ("timelineBar", 80): Snapshots.timelineBar80x24
        case ("timelineBar", 120): Snapshots.timelineBar120x40
        case ("timelineBar", _): Snapshots.timelineBar200x60
        case (_, 80): Snapshots.messageList80x24
        case (_, 120): Snapshots.messageList120x40
        default: Snapshots.messageList200x60
        }
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func timelineBar(width: Int, height: Int) throws {
        let lines = try timelineOpen().screen(Size(width: width, height: height))
        #expect(lines.contains { $0.contains("Timeline · step 14 of 16") })
        #expect(lines.last?.contains("time: step 14 of 16") == true)
        Snapshot.assert(lines, matches: Self.golden("timelineBar", width: width), named: "timelineBar\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func messageList(width: Int, height: Int) throws {
        var (frontEnd, _) = try MessageListTests.twoLookups()
        frontEnd.press(.character("m"))
        frontEnd.press(.down)
        let lines = frontEnd.screen(Size(width: width, height: height))
        #expect(lines.contains { $0.contains("find_successor") })
        Snapshot.assert(lines, matches: Self.golden("messageList", width: width), named: "messageList\(width)x\(height)")
    }

    /// Neither overlay traps or spills on the smallest screen or in ASCII.
    @Test func smallestScreenAndAscii() throws {
        var frontEnd = try timelineOpen()
        for glyphs in [Glyphs.unicode, .ascii] {
            let grid = frontEnd.render(size: ScreenLayout.minimumSize, glyphs: glyphs)
            #expect(grid.lines().allSatisfy { TextWidth.of($0) == ScreenLayout.minimumSize.width })
            if !glyphs.isUnicode { #expect(grid.lines().joined().allSatisfy { $0.isASCII }) }
        }
        frontEnd.press(.escape)
        frontEnd.press(.character("m"))
        for glyphs in [Glyphs.unicode, .ascii] {
            let grid = frontEnd.render(size: ScreenLayout.minimumSize, glyphs: glyphs)
            #expect(grid.lines().allSatisfy { TextWidth.of($0) == ScreenLayout.minimumSize.width })
            if !glyphs.isUnicode { #expect(grid.lines().joined().allSatisfy { $0.isASCII }) }
        }
    }
}
