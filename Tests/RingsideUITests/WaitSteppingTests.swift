import RingsideSimulation
import Testing
@testable import RingsideUI

/// A script's `wait` is stepped like a command: each message it delivers is one press of
/// n and one step of the timeline (run at once, `ringside play` of an async/wait script
/// opened already finished, and time travel had one step, `› wait`, for all of them).
@Suite struct WaitSteppingTests {
    static let script = """
        bits 7
        add 10 32 60 90 105 120
        async lookup 100 from 10
        async lookup 50 from 90
        wait
        say done
        """

    @Test func eachMessageOfAWaitIsOnePressOfN() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.script)
        #expect(engine.core.transcript.last == "wait")
        let idleAtOnce = frontEnd.model.world.isIdle
        #expect(!idleAtOnce)
        #expect(frontEnd.model.caption == nil)
        var presses = 0
        while presses < 100, frontEnd.model.caption != "done" {
            frontEnd.press(.character("n"))
            presses += 1
        }
        // The two lookups sent their first hops when they began: six messages are left.
        #expect(presses == 6, "one press a message: \(presses)")
        let idle = frontEnd.model.world.isIdle
        #expect(idle)
        let expected = StateJSON.encode(try ScriptPlaysAsHeadlessTests.headless(Self.script))
        #expect(StateJSON.encode(frontEnd.model.world) == expected)
        // Time travel reaches every message: the wait's steps follow its own.
        let waitStep = try #require(engine.core.transcript.firstIndex(of: "wait"))
        #expect(waitStep > 0)
        #expect(frontEnd.model.timeline.steps >= 5 + 6)
    }

    /// Play mode's N finishes the wait and the script goes on.
    @Test func nFinishesTheWait() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.script)
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.caption == "done")
        #expect(StateJSON.encode(frontEnd.model.world) == StateJSON.encode(try ScriptPlaysAsHeadlessTests.headless(Self.script)))
    }

    /// A session stepped through a wait records it as `wait`; one cut short by a crash
    /// mid-way records the steps it took; both replay to the session's state.
    @Test func aSteppedWaitRecordsExactly() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.script)
        for _ in 0..<100 where frontEnd.model.caption != "done" { frontEnd.press(.character("n")) }
        var recording = engine.core.recording(title: "wait")
        #expect(recording.isExact)
        #expect(recording.lines.suffix(3) == ["async lookup 50 from 90", "wait", "say done"])

        (frontEnd, engine) = try Fixtures.scripted(Self.script)
        for _ in 0..<3 { frontEnd.press(.character("n")) }
        frontEnd.select("60")
        frontEnd.press(.character("x"))
        for _ in 0..<100 where frontEnd.model.caption != "done" { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.caption == "done")
        recording = engine.core.recording(title: "wait cut short")
        #expect(recording.isExact)
        #expect(recording.lines.contains("fail 60"))
        let replayed = try RecordReplayTests.runHeadless(recording)
        #expect(StateJSON.encode(replayed) == StateJSON.encode(frontEnd.model.world))
    }
}
