import RingsideSimulation
import Testing
@testable import RingsideUI

/// The recording's own verdict (`isExact`, a warning in the file) is honest at every
/// point of a session, including those a version-2 script cannot stop at exactly.
@Suite struct RecordingExactnessTests {
    @Test func isExactSaysWhetherTheHeadlessRunMatchesAtEveryStep() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        RecordReplayTests.command("lookup 70 from 10", &frontEnd)
        frontEnd.press(.character("n"))
        frontEnd.select("60")
        frontEnd.press(.character("x"))
        var exactAtEnd = false
        for _ in 0..<40 {
            frontEnd.press(.character("n"))
            let recording = engine.core.recording(title: "demo")
            let replayed = StateJSON.encode(try RecordReplayTests.runHeadless(recording))
            #expect((replayed == StateJSON.encode(engine.core.world)) == recording.isExact)
            #expect(recording.lines.contains { $0.hasPrefix("# warning") } == !recording.isExact)
            exactAtEnd = recording.isExact
        }
        #expect(exactAtEnd)
    }
}
