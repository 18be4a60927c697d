import RingsideSimulation
import Testing
@testable import RingsideUI

/// Going back and forth in time on the in-memory front end: what the panels show at a
/// step is what a fresh engine stopped at that step shows.
@Suite struct TimeTravelTests {
    let size = Size(width: 120, height: 40)

    /// The demo with node 90 selected and `l 15 Enter`, then `n` pressed `steps` times
    /// (a negative count: the lookup is not even begun).
    private func lookup(steps: Int) throws -> (FrontEnd, SynchronousEngine) {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        guard steps >= 0 else { return (frontEnd, engine) }
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        for _ in 0..<steps { frontEnd.press(.character("n")) }
        return (frontEnd, engine)
    }

    /// Everything above the status line (the status line says where the cursor is).
    private func panels(_ frontEnd: FrontEnd, size: Size) -> [String] {
        Array(frontEnd.screen(size).dropLast())
    }

    @Test func backOneStepShowsWhatAFreshEngineShowsThere() throws {
        var (frontEnd, engine) = try lookup(steps: 3)
        let newest = frontEnd.model.timeline
        #expect(newest.cursor == newest.steps)
        #expect(engine.core.timeline.stepCount == newest.steps)
        for back in 1...4 {
            frontEnd.press(.character("u"))
            #expect(frontEnd.model.timeline.cursor == newest.steps - back)
            #expect(frontEnd.model.timeline.steps == newest.steps)
            let (fresh, _) = try lookup(steps: 3 - back)
            #expect(fresh.model.timeline.steps == newest.steps - back)
            for size in [size, Size(width: 80, height: 24)] {
                // The events' next line says what n does; back in time it offers U instead
                // (n there would act on a new branch): every other row is the fresh one's.
                var shown = panels(frontEnd, size: size)
                let expected = panels(fresh, size: size)
                if let row = shown.firstIndex(where: { $0.contains("next back in time: U redoes") }), row < expected.count {
                    #expect(expected[row].contains("next nothing in flight"))
                    shown[row] = expected[row]
                }
                #expect(shown == expected, "\(back) back at \(size)")
            }
            #expect(frontEnd.model.caption == fresh.model.caption)
            #expect(frontEnd.model.lookupFocus == fresh.model.lookupFocus)
        }
        // Four back is before the lookup began: its echo and hops are gone from the log.
        let screen = frontEnd.screen()
        #expect(!screen.contains { $0.contains("lookup 15 from 90") })
        #expect(frontEnd.model.world.chord.lookups.isEmpty)
        #expect(screen.last?.contains("step \(newest.steps - 4) of \(newest.steps)") == true)
        #expect(engine.core.transcript.last != "lookup 15 from 90")
    }

    @Test func redoGoesForwardAlongTheSameBranch() throws {
        var (frontEnd, _) = try lookup(steps: 3)
        let before = panels(frontEnd, size: size)
        let newest = frontEnd.model.timeline.steps
        for _ in 0..<3 { frontEnd.press(.character("u")) }
        #expect(panels(frontEnd, size: size) != before)
        for _ in 0..<3 { frontEnd.press(.character("U")) }
        #expect(frontEnd.model.timeline.cursor == newest)
        #expect(panels(frontEnd, size: size) == before)
        // At the newest step there is nothing to redo: no request, a hint.
        frontEnd.press(.character("U"))
        #expect(frontEnd.model.timeline.cursor == newest)
        #expect(frontEnd.model.status?.text.contains("nothing to redo") == true)
    }

    @Test func actingAfterGoingBackStartsANewBranch() throws {
        var (frontEnd, engine) = try lookup(steps: 3)
        let newest = frontEnd.model.timeline.steps
        for _ in 0..<4 { frontEnd.press(.character("u")) }  // before the lookup was begun
        let cursor = frontEnd.model.timeline.cursor
        frontEnd.press(.character("s"))
        #expect(frontEnd.model.timeline.cursor == cursor + 1)
        #expect(frontEnd.model.timeline.steps == cursor + 1)
        #expect(engine.core.timeline.stepCount == cursor + 1)
        #expect(engine.core.transcript.last == "stabilize")
        #expect(!engine.core.transcript.contains("lookup 15 from 90"))
        #expect(!frontEnd.model.notes.contains { $0.text.contains("lookup 15") })
        // The old branch is gone: U has nothing to redo.
        frontEnd.press(.character("U"))
        #expect(frontEnd.model.timeline.steps == cursor + 1)
        #expect(newest > cursor + 1)
        // And the new branch runs on as usual.
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.timeline.steps == cursor + 2)
    }

    @Test func captionsAndPausesFollowTheCursor() throws {
        var (frontEnd, _) = try Fixtures.scripted(EngineTests.scenario)
        #expect(frontEnd.model.isWaitingAtPause)
        let pauseStep = frontEnd.model.timeline.cursor
        frontEnd.press(.character("n"))  // past the pause: the lookup is begun
        for _ in 0..<10 where frontEnd.model.caption != "It took two hops." { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.caption == "It took two hops.")
        #expect(!frontEnd.model.isWaitingAtPause)
        // Back to the pause: the first caption, and the script waits there again.
        frontEnd.press(.character("t"))
        #expect(frontEnd.model.overlay == .timeline)
        while frontEnd.model.timeline.cursor > pauseStep { frontEnd.press(.left) }
        #expect(frontEnd.model.caption == "Where does 15 live?")
        #expect(frontEnd.model.isWaitingAtPause)
        #expect(frontEnd.model.scriptRemaining > 0)
        // Home: the empty world before the script; End: the newest step again.
        frontEnd.press(.home)
        #expect(frontEnd.model.timeline.cursor == 0)
        #expect(frontEnd.model.caption == nil)
        #expect(frontEnd.model.world.state.count == 0)
        #expect(frontEnd.model.visibleNotes.isEmpty)
        frontEnd.press(.end)
        #expect(frontEnd.model.caption == "It took two hops.")
        #expect(!frontEnd.model.timeline.isBack)
        frontEnd.press(.enter)
        #expect(frontEnd.model.overlay == nil)
    }

    @Test func goingBackStopsPlayAndClearsFlashes() throws {
        var (frontEnd, _) = try lookup(steps: 1)
        frontEnd.press(.space)
        #expect(frontEnd.model.isPlaying)
        frontEnd.press(.character("u"))
        #expect(!frontEnd.model.isPlaying)
        #expect(frontEnd.model.flashUntil.isEmpty)
        #expect(frontEnd.screen().last?.contains("time: step \(frontEnd.model.timeline.cursor) of") == true)
        #expect(frontEnd.model.status?.text.contains("U redo") == true)
    }

    /// A random join draws its id without touching the world: replaying the timeline
    /// gives the same worlds (the engine's determinism check stays clean).
    @Test func replayAfterARandomJoinDoesNotDiverge() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("j"))
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        let joined = frontEnd.model.world.state.count
        #expect(joined == 7)
        frontEnd.press(.character("t"))
        frontEnd.press(.home)
        frontEnd.press(.end)
        #expect(engine.core.timeline.replayDivergence == nil)
        #expect(frontEnd.model.world.state.count == joined)
    }
}
