import RingsideSimulation
import Testing
@testable import RingsideUI

/// At a script's `pause`, a key either goes on or does what it always does; none is half
/// taken as "go on" with the rest of what was typed falling through as single-key commands
/// (`:select 999` ran `s` as stabilize and `lookup ect 999 from 10`).
@Suite struct PauseKeysTests {
    @Test func colonOpensTheCommandLineAndTheScriptStays() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        #expect(frontEnd.model.isWaitingAtPause == true)
        frontEnd.press(.character(":"))
        #expect(frontEnd.model.prompt?.action == .commandLine)
        frontEnd.type("say typed at the pause")
        frontEnd.press(.enter)
        #expect(frontEnd.model.isWaitingAtPause == true)
        #expect(engine.core.transcript.last == "say typed at the pause")
        #expect(!engine.core.transcript.contains("stabilize"))
        #expect(!engine.requests.contains(.resume))
        frontEnd.press(.character("n"))
        #expect(!frontEnd.model.isWaitingAtPause)
    }

    @Test func slashOpensTheSearchAndTheScriptStays() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        frontEnd.press(.character("/"))
        #expect(frontEnd.model.prompt?.action == .searchEvents)
        frontEnd.type("add")
        frontEnd.press(.enter)
        #expect(frontEnd.model.isWaitingAtPause == true)
        #expect(frontEnd.model.eventsSearch == "add")
        #expect(!engine.requests.contains(.resume))
    }

    /// A key that asks for an argument opens its prompt; one that acts acts, and the
    /// script still waits for n.
    @Test func promptingAndActingKeysDoTheirJobAtAPause() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        frontEnd.select("10")
        frontEnd.press(.character("l"))
        #expect(frontEnd.model.prompt?.action == .lookup)
        frontEnd.press(.escape)
        #expect(frontEnd.model.isWaitingAtPause == true)
        frontEnd.press(.character("x"))
        #expect(engine.core.transcript.last == "fail 10")
        #expect(frontEnd.model.isWaitingAtPause == true)
        #expect(!engine.requests.contains(.resume))
        // A key bound to nothing goes on, as n does.
        frontEnd.press(.character("#"))
        #expect(!frontEnd.model.isWaitingAtPause)
    }
}
