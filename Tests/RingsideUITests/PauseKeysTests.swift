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

    /// A lookup typed at a pause is stepped by `n` while the script stays; once it is done,
    /// `n` goes on. The first `n` used to end the pause and deliver nothing, though the
    /// events panel showed the lookup's first message as next.
    @Test func nStepsACommandTypedAtAPauseThenGoesOn() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        frontEnd.press(.character(":"))
        frontEnd.type("lookup 100 from 10")
        frontEnd.press(.enter)
        #expect(frontEnd.model.isUserWorkUnderWay)
        #expect(frontEnd.model.isWaitingAtPause)
        #expect(!frontEnd.model.world.isIdle)
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.isWaitingAtPause)
        #expect(!engine.requests.contains(.resume))
        #expect(engine.requests.last == .step(1))
        var presses = 0
        while frontEnd.model.isUserWorkUnderWay, presses < 50 {
            frontEnd.press(.character("n"))
            presses += 1
        }
        #expect(frontEnd.model.world.chord.lookups.count == 1)
        #expect(frontEnd.model.isWaitingAtPause)
        frontEnd.press(.character("n"))
        #expect(!frontEnd.model.isWaitingAtPause)
        #expect(engine.requests.last == .resume)
    }

    /// `N` at a pause finishes a typed command at once and the script stays.
    @Test func capitalNFinishesACommandTypedAtAPause() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        frontEnd.press(.character(":"))
        frontEnd.type("lookup 100 from 10")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.world.chord.lookups.count == 1)
        #expect(frontEnd.model.isWaitingAtPause)
        #expect(!frontEnd.model.isUserWorkUnderWay)
        #expect(!engine.requests.contains(.resume))
    }

    /// The help's scroll keys scroll it at a pause; ↓ used to go on with the script and End
    /// (bound to nothing outside the help) too.
    @Test func helpScrollsAtAPause() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        frontEnd.press(.character("?"))
        for key: Key in [.down, .down, .end, .home, .pageDown] {
            frontEnd.press(key)
            #expect(frontEnd.model.isHelpVisible)
            #expect(frontEnd.model.isWaitingAtPause)
        }
        #expect(frontEnd.model.helpScroll > 0)
        #expect(!engine.requests.contains(.resume))
    }

    /// End and Home have jobs elsewhere (the timeline bar, the help): at a pause they do
    /// not go on, as a key bound to nothing does.
    @Test func endAndHomeDoNotGoOnAtAPause() throws {
        var (frontEnd, engine) = try Fixtures.scripted(EngineTests.scenario)
        for key: Key in [.end, .home] {
            frontEnd.press(key)
            let paused = frontEnd.model.isWaitingAtPause
            #expect(paused)
            #expect(frontEnd.model.status?.text.contains("the script is paused: n goes on") == true)
        }
        #expect(!engine.requests.contains(.resume))
    }
}
