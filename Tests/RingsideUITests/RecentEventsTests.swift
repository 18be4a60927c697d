import RingsideSimulation
import Testing
@testable import RingsideUI

/// The engine's bounded index of events by step.
@Suite struct RecentEventsTests {
    static func notes(_ count: Int, from first: Int = 0) -> [SimulationEvent] {
        (first..<first + count).map { .note(time: UInt64($0), text: "e\($0)") }
    }

    @Test func windowEndsAtTheCursorsStep() {
        var recent = RecentEvents()
        recent.append(Self.notes(2), step: 1)
        recent.append([], step: 2)
        recent.append(Self.notes(3, from: 2), step: 3)
        #expect(recent.window(upTo: 0, limit: 10) == EventWindow())
        #expect(recent.window(upTo: 2, limit: 10).events.map(\.text) == ["e0", "e1"])
        #expect(recent.window(upTo: 3, limit: 10).events.count == 5)
        let newest = recent.window(upTo: 3, limit: 2)
        #expect(newest.events.map(\.text) == ["e3", "e4"])
        #expect(newest.hasEarlier)
    }

    @Test func aBranchForgetsLaterSteps() {
        var recent = RecentEvents()
        recent.append(Self.notes(2), step: 1)
        recent.append(Self.notes(2, from: 2), step: 2)
        recent.forget(after: 1)
        #expect(recent.count == 2)
        recent.append(Self.notes(1, from: 9), step: 2)
        #expect(recent.window(upTo: 5, limit: 10).events.map(\.text) == ["e0", "e1", "e9"])
    }

    @Test func keepsAtMostItsCapacityPlusAQuarter() {
        var recent = RecentEvents(capacity: 8)
        for step in 1...100 { recent.append(Self.notes(1, from: step), step: step) }
        #expect(recent.count <= 10)
        #expect(recent.count >= 8)
        let window = recent.window(upTo: 100, limit: 100)
        #expect(window.events.last?.text == "e100")
        #expect(window.hasEarlier)
        // Steps whose events were forgotten show nothing rather than something wrong.
        #expect(recent.window(upTo: 50, limit: 100).events.isEmpty)
    }

    @Test func theEngineReportsTheWindowAtTheCursor() throws {
        var core = EngineCore(world: try Fixtures.model(Fixtures.lectureRing).world)
        _ = core.serve(.command("lookup 15 from 90", origin: .key))
        let done = core.serve(.finish)
        #expect(done.recentEvents.events.filter { $0.kind == .deliver }.count == 3)
        let back = core.serve(.travel(.back))
        #expect(back.recentEvents.events.filter { $0.kind == .deliver }.count == 2)
        #expect(back.recentEvents.events.map(\.seq) == done.recentEvents.events.dropLast().map(\.seq))
        // The world at the cursor has no events waiting to be taken.
        #expect(back.world.eventLog.pendingCount == 0)
    }
}
