import RingsideSimulation
import Testing
@testable import RingsideUI

/// Keys pressed on the in-memory front end: the commands the engine receives and the
/// screen that results.
@Suite struct KeyHandlingTests {
    let size = Size(width: 120, height: 40)

    /// The brief's walk-through: on the demo with node 90 selected, `l 15 Enter n n`
    /// shows the lookup at node 10, one hop taken and the next in flight.
    @Test func stepThroughALookupHopByHop() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        #expect(frontEnd.screen()[38].hasPrefix("lookup from 90 · key:"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        #expect(engine.core.transcript.last == "lookup 15 from 90")
        // Begun, not run: nothing has moved yet.
        #expect(frontEnd.model.world.chord.lookups.isEmpty || frontEnd.model.world.chord.lookups[0].path == [])
        frontEnd.press(.character("n"))
        frontEnd.press(.character("n"))
        #expect(Array(engine.requests.suffix(3)) == [
            .command("lookup 15 from 90", origin: .key), .step(1), .step(1),
        ])
        let world = frontEnd.model.world
        let record = try #require(world.chord.lookups.last)
        #expect(record.path.map { world.commandReference($0) } == ["90", "10"])
        #expect(record.owner == nil)

        let grid = frontEnd.render(size: size, glyphs: .unicode)
        let lines = grid.trimmed
        #expect(lines.contains { $0.contains("90: 15 ∉ (90,105] → forward to closest preceding finger 10") })
        #expect(lines.contains { $0.contains("10: 15 ∈ (10,32] → successor 32 owns it") })
        #expect(lines.contains { $0.contains("next ▸ t=") && $0.contains("10 → 32  find_successor(15) last hop") })
        let layout = ScreenLayout(size: size)
        let ringRoles = grid.roles(in: layout.ring)
        #expect(ringRoles.contains(.hopActive))
        #expect(ringRoles.contains(.hopDone))
        #expect(grid.text(in: layout.ring).last?.contains("lookup 15: 90 → 10 → …") == true)

        // Two more steps: the owner answers and the lookup finishes at 32 after 2 hops.
        frontEnd.press(.character("n"))
        frontEnd.press(.character("."))
        #expect(frontEnd.screen().contains { $0.contains("90: lookup(15) → 32 after 2 hops") })
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.status?.text.hasPrefix("nothing in flight") == true)
    }

    @Test func everyActionKeyIsAScriptCommand() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("s"))
        frontEnd.press(.character("f"))
        frontEnd.press(.character("c"))
        frontEnd.press(.character("w"))
        frontEnd.type("put X 9")
        frontEnd.press(.enter)
        frontEnd.press(.character("a"))
        frontEnd.type("32")
        frontEnd.press(.enter)
        frontEnd.press(.character("j"))
        frontEnd.type("77")
        frontEnd.press(.enter)
        frontEnd.press(.character(":"))
        frontEnd.type("join-mode eager")
        frontEnd.press(.enter)
        // The commands after `s` waited for it (in the order given); N runs them all.
        frontEnd.press(.character("N"))
        frontEnd.press(.character("L"))
        frontEnd.press(.character("x"))
        let expected = ["stabilize", "fix-fingers 90", "commit", "write 90 put X 9", "sync 90 32",
                        "join 77 via 90", "join-mode eager", "leave 90", "fail 90"]
        #expect(Array(engine.core.transcript.suffix(expected.count)) == expected)
        #expect(frontEnd.model.world.eagerJoin)
        #expect(frontEnd.model.world.state.index(ofName: "N77") != nil)
    }

    /// Enter on an empty join prompt draws a random free id from the engine's generator.
    @Test func joinWithAnEmptyAnswerPicksARandomID() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "32")
        frontEnd.press(.character("j"))
        frontEnd.press(.enter)
        #expect(engine.requests.last == .join(spec: nil, via: "32"))
        let line = try #require(engine.core.transcript.last)
        #expect(line.hasPrefix("join ") && line.hasSuffix(" via 32"))
        #expect(frontEnd.model.world.state.count == 7)
        // Joining takes messages: step until done, and the new node is on the ring.
        for _ in 0..<100 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.world.isIdle)
    }

    /// `select` and `highlight` of an unknown node are ignored headless (script.md); on
    /// screen the user is told, and the selection stays as it was.
    @Test func viewControlNamingAnUnknownNodeSaysSo() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        for command in ["select 33", "highlight 10 99"] {
            frontEnd.press(.character(":"))
            frontEnd.type(command)
            frontEnd.press(.enter)
            let status = try #require(frontEnd.model.status)
            #expect(status.isError, "\(command)")
            #expect(status.text.contains("does not exist"), "\(command)")
        }
        #expect(frontEnd.model.selection == frontEnd.model.world.state.index(ofID: 90).map { NodeIndexValue($0) })
    }

    @Test func errorsAreShownNotThrown() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character(":"))
        frontEnd.type("lookup 15 from 33")
        frontEnd.press(.enter)
        let status = try #require(frontEnd.model.status)
        #expect(status.isError)
        #expect(status.text.contains("node 33 does not exist; nodes are 10 32 60 90 105 120"))
        let grid = frontEnd.render(size: size, glyphs: .unicode)
        #expect(grid.roles(in: ScreenLayout(size: size).events).contains(.error))
        #expect(grid.roles(in: ScreenLayout(size: size).status).contains(.error))
        frontEnd.press(.character(":"))
        frontEnd.type("frobnicate")
        frontEnd.press(.enter)
        #expect(frontEnd.model.status?.text.contains("unknown command 'frobnicate'") == true)
        // A failed node cannot be failed again: an error, no crash.
        frontEnd.press(.character("x"))
        frontEnd.press(.character("x"))
        #expect(frontEnd.model.status?.text.contains("is down") == true)
    }

    @Test func promptsCancelWithEscapeAndKeepTheirOwnHistory() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        let before = engine.requests.count
        frontEnd.press(.character("l"))
        frontEnd.type("40")
        frontEnd.press(.escape)
        #expect(frontEnd.model.prompt == nil)
        #expect(engine.requests.count == before)
        frontEnd.press(.character("l"))
        frontEnd.type("70")
        frontEnd.press(.enter)
        frontEnd.press(.character("l"))
        frontEnd.press(.up)
        #expect(frontEnd.model.prompt?.editor.text == "70")
        frontEnd.press(.escape)
        frontEnd.press(.character(":"))
        frontEnd.press(.up)
        #expect(frontEnd.model.prompt?.editor.text == "")
    }

    @Test func viewKeys() throws {
        var (frontEnd, _) = try Fixtures.demo()
        #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == "10")
        frontEnd.press(.right)
        frontEnd.press(.down)
        frontEnd.press(.tab)
        #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == "90")
        frontEnd.press(.backTab)
        frontEnd.press(.left)
        frontEnd.press(.up)
        frontEnd.press(.up)
        #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == "120")
        frontEnd.press(.character("+"))
        frontEnd.press(.character("="))
        #expect(frontEnd.model.speed == 8)
        frontEnd.press(.character("-"))
        #expect(frontEnd.model.speed == 4)
        frontEnd.press(.character("z"))
        frontEnd.press(.character("z"))
        #expect(frontEnd.model.zoom == 2)
        frontEnd.press(.character("Z"))
        #expect(frontEnd.model.zoom == 1)
        frontEnd.press(.character("?"))
        #expect(frontEnd.screen()[0].hasPrefix("┌─ Keys"))
        frontEnd.press(.escape)
        #expect(!frontEnd.model.isHelpVisible)
        frontEnd.press(.space)
        #expect(frontEnd.model.isPlaying)
        #expect(frontEnd.screen()[39].hasPrefix(" ▶ playing  4 msg/s"))
        frontEnd.press(.function(5))
        #expect(frontEnd.model.status?.text == "F5 is not bound to anything; ? shows the keys")
        let afterQ = frontEnd.press(.character("q"))
        let afterCtrlC = frontEnd.press(.ctrlC)
        #expect(!afterQ && !afterCtrlC)
    }

    @Test func helpNotesFitEightyColumns() {
        // The overlay's body at 80 columns leaves 74 cells after the indent.
        #expect(AppView.helpNotes.allSatisfy { TextWidth.of($0) <= 74 })
    }

    @Test func helpListsTheNotesAboutQueueing() throws {
        var (frontEnd, _) = try Fixtures.demo()
        let small = Size(width: 100, height: 30)
        frontEnd.press(.character("?"), size: small)
        frontEnd.press(.end, size: small)
        let screen = frontEnd.screen(small).joined(separator: "\n")
        #expect(screen.contains("Commands given while messages are in flight wait their turn;"))
    }

    @Test func clickingANodeSelectsIt() throws {
        var (frontEnd, _) = try Fixtures.demo()
        let layout = ScreenLayout(size: size)
        let scene = RingScene(model: frontEnd.model, area: RingPanel.canvasArea(in: layout.ring), glyphs: .unicode)
        let mark = try #require(scene.marks.first { $0.label.hasPrefix("60") })
        frontEnd.press(.mouse(MouseEvent(x: mark.labelCell.x, y: mark.labelCell.y, button: .left)), size: size)
        #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == "60")
        frontEnd.press(.mouse(MouseEvent(x: 0, y: 0, button: .left)), size: size)
        #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == "60")
    }

    /// A click finds the node where the frame drew it: in projector mode and under a
    /// caption of two lines the ring is elsewhere than in the usual layout.
    @Test func clicksFollowTheLayoutDrawn() throws {
        let text = try String(contentsOfFile: BayouPanelTests.scenarioPath("lecture-ring.ringside"), encoding: .utf8)
        var (frontEnd, _) = try Fixtures.scripted(text, name: "lecture-ring.ringside")
        for _ in 0..<100 where frontEnd.model.caption?.contains("Finger table of node 90") != true {
            frontEnd.press(.character("n"))
        }
        for projector in [false, true] {
            if projector { frontEnd.press(.character("b")) }
            for target in ["60", "105"] {
                let layout = AppView.layout(frontEnd.model, size: size)
                // (b at the pause was the key it waited for: the caption is a shorter one then.)
                if !projector { #expect(layout.promptLine.height == 2) }
                let scene = RingScene(model: frontEnd.model, area: RingPanel.canvasArea(in: layout.ring), glyphs: .unicode)
                let mark = try #require(scene.marks.first { $0.label.hasPrefix(target) })
                frontEnd.press(.mouse(MouseEvent(x: mark.cell.x, y: mark.cell.y, button: .left)), size: size)
                #expect(frontEnd.model.selection.map(frontEnd.model.world.commandReference) == target, "projector \(projector)")
            }
        }
    }

    /// Issue 8: `x` on 10, then `l`: no prompt opens for a crashed node (the command
    /// could only fail after the key was typed).
    @Test func noPromptOpensForACrashedNode() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "10")
        frontEnd.press(.character("x"))
        for key in ["l", "j", "w", "a"] {
            frontEnd.press(.character(Character(key)))
            #expect(frontEnd.model.prompt == nil, "\(key)")
            #expect(frontEnd.model.status?.text.contains("is down") == true)
        }
        frontEnd.press(.character("r"))
        #expect(frontEnd.model.prompt != nil)
    }

    /// Failing a node while a lookup is on its way: it acts at once and the route times out.
    @Test func failingANodeMidLookup() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        frontEnd.press(.character("n"))  // 90 forwards to 10
        frontEnd.press(.tab)
        frontEnd.press(.tab)
        frontEnd.press(.tab)  // 10
        frontEnd.press(.character("x"))
        #expect(!frontEnd.model.world.state.isAlive(try #require(frontEnd.model.world.state.index(ofName: "P"))))
        for _ in 0..<50 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        #expect(frontEnd.screen().joined().contains("timeout") || frontEnd.model.world.chord.lookups.last?.owner != nil)
    }
}

@Suite struct FinishKeyTests {
    @Test func capitalNFinishesTheCommandAtOnce() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        let world = frontEnd.model.world
        #expect(world.isIdle)
        let lookup = try #require(world.chord.lookups.last)
        #expect(lookup.path.map { world.state.id($0).description } == ["90", "10", "32"])
        #expect(lookup.owner.map { world.state.id($0).description } == "32")
        #expect(frontEnd.screen().joined(separator: "\n").contains("90: lookup(15) → 32 after 2 hops"))
    }
}
