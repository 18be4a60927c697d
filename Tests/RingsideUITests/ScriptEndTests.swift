import RingsideSimulation
import Testing
@testable import RingsideUI

/// How a scenario ends in the TUI (issue 8, item 8).
@Suite struct ScriptEndTests {
    /// "end of the script" comes after the last command's messages, not when it began.
    @Test func theEndIsLoggedAfterTheLastCommandRan() throws {
        var (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32 60 90\nlookup 15 from 90")
        #expect(!frontEnd.model.notes.contains { $0.text == "end of the script" })
        for _ in 0..<50 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        let texts = frontEnd.model.notes.map(\.text)
        #expect(texts.last == "end of the script")
        #expect(texts.filter { $0 == "end of the script" }.count == 1)
    }

    /// Playing stops at the end of a script, so maintenance does not push the result away.
    @Test func playStopsAtTheEndOfTheScript() throws {
        var (frontEnd, engine) = try Fixtures.scripted("bits 7\nadd P=10 A=32\nwrite A put X 1\nsync P A\nsay converged")
        frontEnd.press(.space)
        var now: Int64 = 0
        for _ in 0..<600 {
            now += 100
            frontEnd.handle(.tick, size: Size(width: 120, height: 40), now: now)
        }
        #expect(frontEnd.model.scriptRemaining == 0)
        #expect(!frontEnd.model.isPlaying)
        #expect(!engine.requests.contains(.command("stabilize", origin: .maintenance)))
        #expect(frontEnd.model.caption == "converged")
    }

    /// `dump` prints the state for `ringside run`; in the TUI one dim line says the panels
    /// show it (the explore scenarios' "The state, for a closer look:" was followed by
    /// nothing), and no JSON or its size.
    @Test func dumpLinesSayWhereTheStateIs() throws {
        let (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32\ndump")
        let dumps = frontEnd.model.notes.filter { $0.text.contains("dump") }
        #expect(dumps.count == 1)
        #expect(dumps.first?.role == .dim)
        #expect(!frontEnd.screen().joined().contains("bytes of state JSON"))
        #expect(!frontEnd.screen().joined().contains("\"version\""))
    }
}
