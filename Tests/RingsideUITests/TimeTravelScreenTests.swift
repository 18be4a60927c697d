import RingsideSimulation
import Testing
@testable import RingsideUI

/// Golden screens of the timeline bar and the in-flight list, at the sizes a lecture
/// uses (80×24 on a projector, 120×40 on a laptop).
@Suite struct TimeTravelScreenTests {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)
    static let huge = Size(width: 200, height: 60)

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

    @Test func timelineBar80x24() throws {
        let frontEnd = try timelineOpen()
        let lines = frontEnd.screen(Self.small)
        #expect(lines.contains { $0.contains("Timeline · step 14 of 16") })
        Snapshot.assert(lines, matches: Snapshots.timelineBar80x24, named: "timelineBar80x24")
    }

    @Test func timelineBar120x40() throws {
        let frontEnd = try timelineOpen()
        let lines = frontEnd.screen(Self.large)
        #expect(lines.last?.contains("time: step 14 of 16") == true)
        Snapshot.assert(lines, matches: Snapshots.timelineBar120x40, named: "timelineBar120x40")
    }

    @Test func messageList80x24() throws {
        var (frontEnd, _) = try MessageListTests.twoLookups()
        frontEnd.press(.character("m"))
        frontEnd.press(.down)
        let lines = frontEnd.screen(Self.small)
        Snapshot.assert(lines, matches: Snapshots.messageList80x24, named: "messageList80x24")
    }

    @Test func messageList120x40() throws {
        var (frontEnd, _) = try MessageListTests.twoLookups()
        frontEnd.press(.character("m"))
        frontEnd.press(.down)
        let lines = frontEnd.screen(Self.large)
        Snapshot.assert(lines, matches: Snapshots.messageList120x40, named: "messageList120x40")
    }

    @Test func timelineBar200x60() throws {
        let frontEnd = try timelineOpen()
        let lines = frontEnd.screen(Self.huge)
        #expect(lines.contains { $0.contains("Timeline · step 14 of 16") })
        Snapshot.assert(lines, matches: Snapshots.timelineBar200x60, named: "timelineBar200x60")
    }

    @Test func messageList200x60() throws {
        var (frontEnd, _) = try MessageListTests.twoLookups()
        frontEnd.press(.character("m"))
        frontEnd.press(.down)
        let lines = frontEnd.screen(Self.huge)
        #expect(lines.contains { $0.contains("find_successor") })
        Snapshot.assert(lines, matches: Snapshots.messageList200x60, named: "messageList200x60")
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
