import RingsideSimulation
import Testing
@testable import RingsideUI

/// The status line never outlives what it describes (issue 8, item 8).
@Suite struct StatusFreshnessTests {
    @Test func aLaterSuccessReplacesAnOldError() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.enterCommand("lookup 15 from 77")
        #expect(frontEnd.model.status?.isError == true)
        frontEnd.enterCommand("stabilize")
        #expect(frontEnd.model.status?.isError != true)
    }

    @Test func finishingGoesWhenFinished() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("s"))
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.world.isIdle)
        #expect(frontEnd.model.status?.text.hasPrefix("finishing") != true)
    }

    @Test func theLookupHintGoesWhenTheLookupEnds() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        #expect(frontEnd.model.status?.text.contains("n delivers the next message") == true)
        for _ in 0..<50 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.world.isIdle)
        #expect(frontEnd.model.status?.text.contains("n delivers the next message") != true)
    }

    /// Play was on when the script reached `pause`: the status says paused, not playing.
    @Test func aScriptPauseIsNotPlaying() throws {
        var (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32 60\nstabilize\npause\nsay done")
        frontEnd.press(.space)
        var now: Int64 = 0
        for _ in 0..<200 where !frontEnd.model.isWaitingAtPause {
            now += 100
            frontEnd.handle(.tick, size: Size(width: 120, height: 40), now: now)
        }
        #expect(frontEnd.model.isWaitingAtPause)
        let status = try #require(frontEnd.screen().last)
        #expect(status.contains("paused"))
        #expect(!status.contains("playing"))
    }
}
