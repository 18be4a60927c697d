import RingsideSimulation
import Testing
@testable import RingsideUI

/// `--record`: the session written as a version-2 script reproduces the final world when
/// run headless, exactly (the same `dump`), and keeps only the branch the user ended on.
@Suite struct RecordReplayTests {
    /// Runs the recorded script as `ringside run` does: a fresh world, line by line.
    static func runHeadless(_ recording: SessionRecording) throws -> World {
        var runner = ScriptRunner(world: World(seed: 0))
        try runner.run(bytes: Array(recording.text.utf8)) { _ in }
        return runner.world
    }

    static func command(_ line: String, _ frontEnd: inout FrontEnd) {
        frontEnd.press(.character(":"))
        frontEnd.type(line)
        frontEnd.press(.enter)
    }

    @Test func stepsADropAFailMidLookupAndABranchReplayToTheSameDump() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        // A lookup stepped by hand, one of its messages dropped from the message list.
        Self.command("lookup 15 from 90", &frontEnd)
        for _ in 0..<2 { frontEnd.press(.character("n")) }
        frontEnd.press(.character("m"))
        let victim = try #require(frontEnd.model.messageList.selectedMessage)
        frontEnd.press(.character("d"))
        frontEnd.press(.escape)
        #expect(engine.core.transcript.last == "drop m\(victim.id)")
        frontEnd.press(.character("N"))

        // An abandoned branch: a lookup and a step, then back over them with `u`.
        Self.command("lookup 100 from 10", &frontEnd)
        frontEnd.press(.character("n"))
        let abandoned = engine.core.transcript
        frontEnd.press(.character("u"))
        frontEnd.press(.character("u"))
        #expect(frontEnd.model.timeline.cursor < frontEnd.model.timeline.steps)

        // The branch the session ends on: a lookup, a node failed mid-lookup, stepped on.
        Self.command("lookup 70 from 10", &frontEnd)
        frontEnd.press(.character("n"))
        frontEnd.press(.character("n"))
        frontEnd.select("60")
        frontEnd.press(.character("x"))
        for _ in 0..<5 { frontEnd.press(.character("n")) }
        #expect(engine.core.transcript.contains("fail 60") || engine.core.transcript.contains { $0.hasPrefix("fail ") })

        let recording = engine.core.recording(title: "demo")
        #expect(recording.isExact)
        let text = recording.text
        #expect(text.hasPrefix("# Ringside recording of demo"))
        #expect(recording.lines.contains("seed 0"))
        #expect(recording.lines.contains("drop m\(victim.id)"))
        #expect(recording.lines.contains("async lookup 70 from 10"))
        #expect(!recording.lines.contains { $0.contains("lookup 100 from 10") }, "the abandoned branch is not recorded")
        #expect(abandoned.contains("lookup 100 from 10"))
        #expect(recording.lines.contains { $0.hasPrefix("step") })
        #expect(!recording.lines.contains("dump"))

        let replayed = try Self.runHeadless(recording)
        #expect(StateJSON.encode(replayed) == StateJSON.encode(frontEnd.model.world))
        #expect(StateJSON.encode(replayed) == StateJSON.encode(engine.core.world))
    }

    /// A crash, then stabilize stepped past the timeout that drops the dead node: with
    /// nothing in flight that timer fired at `n`, which `step` cannot do, and the recording
    /// lost it and all that followed (it said it was not exact). It is written as `next`, and
    /// so is an action the session began after its last message.
    @Test(arguments: [3, 6, 9, 12])
    func aTimeoutWithNothingInFlightReplays(_ presses: Int) throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "32")
        frontEnd.press(.character("x"))
        frontEnd.press(.character("s"))
        for _ in 0..<presses { frontEnd.press(.character("n")) }
        let recording = engine.core.recording(title: "demo")
        #expect(recording.isExact, "\(recording.lines.suffix(8))")
        #expect(recording.lines.contains("next"))
        let replayed = try Self.runHeadless(recording)
        #expect(StateJSON.encode(replayed) == StateJSON.encode(engine.core.world))
    }

    @Test func aScenarioWithItsOwnSeedAndASessionSeedReplays() throws {
        let script = """
            seed 7
            bits 7
            successors 2
            add 10 32 60 90
            async lookup 15 from 90
            step
            """
        var (frontEnd, engine) = try Fixtures.scripted(script, seed: 3)
        for _ in 0..<3 { frontEnd.press(.character("n")) }
        Self.command("stabilize", &frontEnd)
        for _ in 0..<4 { frontEnd.press(.character("n")) }
        let recording = engine.core.recording(title: "test")
        #expect(recording.lines.prefix(4).contains("seed 3"))
        #expect(recording.isExact)
        #expect(StateJSON.encode(try Self.runHeadless(recording)) == StateJSON.encode(engine.core.world))
    }

    /// Play mode (Space): message steps at the speed and maintenance on a quiet ring are
    /// written out as commands too.
    @Test func aPlayModeSessionWithMaintenanceReplays() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "32")
        frontEnd.press(.character("x"))
        frontEnd.press(.space)
        var now: Int64 = 0
        for _ in 0..<120 {
            now += 250
            frontEnd.handle(.tick, size: Size(width: 120, height: 40), now: now)
        }
        frontEnd.press(.space)
        let recording = engine.core.recording(title: "demo")
        #expect(recording.lines.contains("async stabilize"))
        #expect(recording.lines.contains("async fix-fingers"))
        #expect(recording.isExact)
        #expect(StateJSON.encode(try Self.runHeadless(recording)) == StateJSON.encode(engine.core.world))
    }
}
