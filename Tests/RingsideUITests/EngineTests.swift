import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

@Suite struct EngineTests {
    static let scenario = """
        # a small scenario
        bits 7
        add 10 32 60 90 105 120
        say Where does 15 live?
        pause
        lookup 15 from 90
        say It took two hops.
        fail 32
        lookup 15 from 90
        """

    @Test func scriptsRunInstantStatementsThenStopAtPause() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.scenario)
        let model = frontEnd.model
        #expect(model.world.state.count == 6)
        #expect(model.caption == "Where does 15 live?")
        #expect(model.isWaitingAtPause)
        // The caption stays at the pause, followed by the pause notice (issue 8, item 5).
        #expect(frontEnd.screen().contains { $0.contains("Where does 15 live?") && $0.contains("press n") })
        // `n` at a pause only continues the script (any key does); it delivers nothing.
        frontEnd.press(.character("n"))
        #expect(!frontEnd.model.isWaitingAtPause)
        #expect(engine.requests.last == .resume)
        #expect(engine.core.transcript.last == "lookup 15 from 90")
        #expect(frontEnd.model.world.chord.lookups.isEmpty)
        // Step the lookup through; when it ends the script goes on by itself.
        for _ in 0..<4 { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.world.chord.lookups.count == 1)
        #expect(frontEnd.model.caption == "It took two hops.")
        #expect(engine.core.transcript.suffix(3) == ["say It took two hops.", "fail 32", "lookup 15 from 90"])
        #expect(!frontEnd.model.world.state.isAlive(try #require(frontEnd.model.world.state.index(ofName: "N32"))))
        for _ in 0..<100 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.scriptRemaining == 0)
        #expect(frontEnd.model.notes.contains { $0.text == "end of the script" })
    }

    /// At a pause, keys that only change the view act and the script stays: `v` twice
    /// (converging-32 says so) reaches the convergence view, `?` shows the help.
    @Test func viewKeysActAtAPauseWithoutGoingOn() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.scenario)
        #expect(frontEnd.model.isWaitingAtPause)
        frontEnd.press(.character("v"))
        frontEnd.press(.character("v"))
        #expect(frontEnd.model.isWaitingAtPause)
        #expect(frontEnd.model.mainView != .ring)
        frontEnd.press(.character("?"))
        #expect(frontEnd.model.isWaitingAtPause && frontEnd.model.isHelpVisible)
        frontEnd.press(.escape)
        frontEnd.press(.character("n"))
        #expect(!frontEnd.model.isWaitingAtPause)
    }

    @Test func qStillQuitsAtAPause() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.scenario)
        #expect(frontEnd.model.isWaitingAtPause)
        let keepsRunning = frontEnd.press(.character("q"))
        #expect(!keepsRunning)
    }

    /// An error the headless check could not see (the user changed the ring) shows in
    /// compiler form and stops the script.
    @Test func laterScriptErrorsShowWithFileLineAndColumn() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.scenario, name: "ring.ringside")
        frontEnd.press(.character("n"))  // past the pause: the lookup is begun
        frontEnd.select("90")
        frontEnd.press(.character("x"))  // the user crashes 90, where the script's lookups start
        for _ in 0..<20 { frontEnd.press(.character("n")) }
        let error = try #require(frontEnd.model.notes.first { $0.role == .error })
        #expect(error.text.hasPrefix("ring.ringside:9:16: error: node 90 is down"))
        #expect(frontEnd.model.scriptRemaining == 0)
        #expect(engine.core.transcript.last == "fail 32")
    }

    @Test func scenarioScriptsKeepTheRunnersLineNumbers() throws {
        let script = try ScenarioScript(name: "x", bytes: Array("bits 7\r\n\r\n# c\r\nadd 1 2 # two\r\nsay hi # no\r\n".utf8))
        #expect(script.lines.map(\.statement.line) == [1, 4, 5])
        #expect(script.lines.map(\.text) == ["bits 7", "add 1 2", "say hi"])
        #expect(throws: ScriptError.self) { try ScenarioScript(name: "x", text: "bits 7\nadd\n") }
    }

    @Test func stepBatchesStopWhenIdleAndReportIt() throws {
        var core = EngineCore(world: try Fixtures.model(Fixtures.lectureRing).world)
        var report = core.serve(.step(5))
        #expect(report.events == [.idle])
        #expect(report.stepsTaken == 0)
        report = core.serve(.command("stabilize", origin: .key))
        #expect(report.events == [.began("stabilize", origin: .key)])
        #expect(!report.world.isIdle)
        report = core.serve(.step(1_000_000))
        #expect(report.world.isIdle)
        #expect(report.stepsTaken > 6)
        #expect(report.stepsTaken <= EngineCore.stepBatchMax)
    }

    /// The threaded host gives the same answers as the inline engine, in order.
    @Test func hostRunsRequestsInOrderOnItsOwnQueue() throws {
        let world = try Fixtures.model(Fixtures.lectureRing).world
        let host = EngineHost(core: EngineCore(world: world))
        let inline = SynchronousEngine(core: EngineCore(world: world))
        let requests: [EngineRequest] = [.command("lookup 15 from 90", origin: .key), .step(1), .step(1), .step(10)]
        for request in requests {
            host.send(request)
            inline.send(request)
        }
        var reports: [EngineReport] = []
        let deadline = Date().addingTimeInterval(10)
        while reports.count < requests.count, Date() < deadline {
            reports += host.takeReports()
            Thread.sleep(forTimeInterval: 0.002)
        }
        let expected = inline.takeReports()
        #expect(reports.count == expected.count)
        #expect(reports.map(\.events) == expected.map(\.events))
        #expect(reports.map(\.stepsTaken) == expected.map(\.stepsTaken))
        #expect(reports.last?.world.chord.lookups == expected.last?.world.chord.lookups)
        #expect(host.transcript() == ["lookup 15 from 90"])
    }
}
