import RingsideSimulation
import Testing
@testable import RingsideUI

/// The in-flight list (`m`): it lists the world's messages by id, and Enter / `d` reach
/// the engine as `deliver mID` / `drop mID`.
@Suite struct MessageListTests {
    let size = Size(width: 120, height: 40)

    /// The demo with two lookups started at once, so several messages are in flight.
    static func twoLookups() throws -> (FrontEnd, SynchronousEngine) {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        for line in ["async lookup 15 from 90", "async lookup 70 from 10", "async lookup 100 from 32"] {
            frontEnd.press(.character(":"))
            frontEnd.type(line)
            frontEnd.press(.enter)
        }
        // Begun, not started: the first steps start them and put their messages in flight.
        for _ in 0..<6 where frontEnd.model.world.inFlightCount < 3 { frontEnd.press(.character("n")) }
        return (frontEnd, engine)
    }

    @Test func theListShowsTheInFlightIdsOfTheWorld() throws {
        var (frontEnd, _) = try Self.twoLookups()
        frontEnd.press(.character("m"))
        #expect(frontEnd.model.overlay == .messages)
        let world = frontEnd.model.world
        let inFlight = world.inFlightMessages()
        #expect(inFlight.count >= 3)
        #expect(frontEnd.model.messageList.messages.map(\.id) == inFlight.map(\.id))
        let screen = frontEnd.screen()
        #expect(screen.contains { $0.contains("In flight · \(inFlight.count)") })
        for message in inFlight {
            let line = "m\(message.id) \(world.ringLabel(message.from)) → \(world.ringLabel(message.to)) \(message.type) due t=\(message.deliverAt)"
            #expect(screen.contains { $0.contains(line) }, "\(line)")
        }
        #expect(screen.contains { $0.contains("Enter deliver") && $0.contains("d drop") })
        frontEnd.press(.escape)
        #expect(frontEnd.model.overlay == nil)
        #expect(!frontEnd.screen().contains { $0.contains("In flight ·") })
    }

    @Test func enterDeliversTheSelectedMessageAndDDropsIt() throws {
        var (frontEnd, engine) = try Self.twoLookups()
        frontEnd.press(.character("m"))
        let listed = frontEnd.model.messageList.messages
        try #require(listed.count >= 3)
        frontEnd.press(.down)
        frontEnd.press(.down)
        frontEnd.press(.up)
        let picked = listed[1]
        frontEnd.press(.enter)
        #expect(engine.requests.last == .command("deliver m\(picked.id)", origin: .key))
        #expect(engine.core.transcript.last == "deliver m\(picked.id)")
        #expect(!frontEnd.model.world.inFlightMessages().contains { $0.id == picked.id })
        #expect(frontEnd.model.overlay == .messages)  // still open for the next pick
        #expect(frontEnd.model.messageList.messages.map(\.id) == frontEnd.model.world.inFlightMessages().map(\.id))

        let victim = try #require(frontEnd.model.messageList.selectedMessage)
        frontEnd.press(.character("d"))
        #expect(engine.core.transcript.last == "drop m\(victim.id)")
        #expect(!frontEnd.model.world.inFlightMessages().contains { $0.id == victim.id })
        #expect(frontEnd.screen().contains { $0.contains("m\(victim.id) (") && $0.contains("dropped") })

        // The transcript replays exactly: the same messages in flight, the same lookups.
        var replay = World(seed: 0)
        for line in engine.core.transcript { _ = try replay.execute(line: line) }
        #expect(replay.inFlightMessages() == frontEnd.model.world.inFlightMessages())
        #expect(replay.chord.lookups == frontEnd.model.world.chord.lookups)
    }

    @Test func anEmptyListSaysSoAndEnterDoesNothing() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("m"))
        #expect(frontEnd.screen().contains { $0.contains("nothing in flight") })
        let requests = engine.requests.count
        frontEnd.press(.enter)
        #expect(engine.requests.count == requests)
        #expect(frontEnd.model.status?.isError == true)
    }

    @Test func aLongListScrollsToKeepTheSelectionShown() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        let starts = ["10", "32", "60", "90", "105", "120"]
        for key in 0..<24 {
            frontEnd.press(.character(":"))
            frontEnd.type("async lookup \(key * 5) from \(starts[key % starts.count])")
            frontEnd.press(.enter)
        }
        for _ in 0..<60 where frontEnd.model.world.inFlightCount < 20 { frontEnd.press(.character("n")) }
        frontEnd.press(.character("m"))
        let small = Size(width: 80, height: 24)
        let rows = MessageListPanel.rows(in: ScreenLayout(size: small, bits: 7))
        let count = frontEnd.model.messageList.messages.count
        try #require(count > rows, "needs more messages than rows: \(count) ≤ \(rows)")
        for _ in 0..<count { frontEnd.press(.down, size: small) }
        let last = try #require(frontEnd.model.messageList.messages.last)
        let screen = frontEnd.screen(small)
        #expect(screen.contains { $0.contains("m\(last.id) ") })
        #expect(screen.contains { $0.contains("↑ more") })
    }

    /// `r` on a live node names the nodes that are down, so the user knows what to select.
    @Test func recoverOnALiveNodeNamesTheFailedOnes() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "32")
        frontEnd.press(.character("x"))
        frontEnd.press(.character("N"))
        frontEnd.press(.tab)
        frontEnd.press(.character("r"))
        let text = frontEnd.model.status?.text ?? ""
        #expect(text.contains("is not down") && text.contains("select a failed one with Tab: 32 A down"), "\(text)")
    }

    @Test func recoverAsksForTheNodeToRejoinThrough() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "32")
        frontEnd.press(.character("r"))
        #expect(frontEnd.model.prompt == nil)
        #expect(frontEnd.model.status?.text.contains("is not down") == true)
        #expect(frontEnd.model.status?.text.contains("none is down (x fails one)") == true)
        frontEnd.press(.character("x"))
        frontEnd.press(.character("N"))
        frontEnd.press(.character("r"))
        #expect(frontEnd.screen()[38].hasPrefix("recover 32 A · rejoin through node (Enter = 60):"))
        frontEnd.type("90")
        frontEnd.press(.enter)
        #expect(engine.core.transcript.last == "recover 32 via 90")
        frontEnd.press(.character("N"))
        let node = try #require(frontEnd.model.world.state.index(ofName: "A"))
        #expect(frontEnd.model.world.state.isAlive(node))
    }

    /// User test: Enter alone on `r` only said recovery needs a node (`j` has Enter =
    /// random). It rejoins through the next live node clockwise, which the prompt names.
    @Test func recoverWithAnEmptyAnswerRejoinsThroughTheNextLiveNode() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "120")
        frontEnd.press(.character("x"))
        frontEnd.press(.character("N"))
        frontEnd.press(.character("r"))
        #expect(frontEnd.model.prompt?.editor.prompt.hasSuffix("(Enter = 10): ") == true)
        frontEnd.press(.enter)
        #expect(engine.core.transcript.last == "recover 120 via 10")
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.world.state.isAlive(try #require(frontEnd.model.world.state.index(ofName: "N120"))))
    }

    /// User test: dropping the last message in flight still said "n delivers the next
    /// message"; only the sender's timer is left.
    @Test func droppingTheLastMessageSaysATimeoutIsNext() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("l"))
        frontEnd.type("15")
        frontEnd.press(.enter)
        frontEnd.press(.character("n"))
        try #require(frontEnd.model.world.inFlightCount == 1)
        frontEnd.press(.character("m"))
        frontEnd.press(.character("d"))
        #expect(engine.core.transcript.last?.hasPrefix("drop m") == true)
        #expect(frontEnd.model.world.inFlightCount == 0 && !frontEnd.model.world.isIdle)
        let status = try #require(frontEnd.model.status?.text)
        #expect(status.hasSuffix("nothing in flight: n waits for the next timeout, Space plays"), "\(status)")
        // The events panel's next line agrees (it said n runs the first step of the command).
        frontEnd.press(.escape)
        let screen = frontEnd.screen()
        #expect(screen.contains { $0.contains("next nothing in flight: n runs the next step (a command's first message, or a timeout)") },
                "\(screen.joined(separator: "\n"))")
        // As the hint says: n fires the sender's timeout (the lookup then goes on or fails).
        let before = frontEnd.model.world.trace.total
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.world.trace.total > before)
    }

    @Test func pPartitionsAndHHeals() throws {
        var (frontEnd, engine) = try Fixtures.demo(selecting: "90")
        let b = try #require(frontEnd.model.world.state.index(ofName: "B"))
        let logBefore = frontEnd.model.world.bayouView(of: b).log.count
        frontEnd.press(.character("p"))
        #expect(frontEnd.screen()[38].hasPrefix("partition · groups, e.g. 10,32 | 60,90:"))
        frontEnd.type("10,32 | 60,90")
        frontEnd.press(.enter)
        #expect(engine.core.transcript.last == "partition 10,32 | 60,90")
        #expect(!frontEnd.model.notes.contains { $0.role == .error })
        // P (10) cannot reach B (60): the anti-entropy session's first message is lost.
        frontEnd.select("10")
        frontEnd.press(.character("a"))
        frontEnd.type("B")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.world.bayouView(of: b).log.count == logBefore)
        frontEnd.press(.character("h"))
        #expect(engine.core.transcript.last == "heal")
        frontEnd.press(.character("a"))
        frontEnd.type("B")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.world.bayouView(of: b).log.count > logBefore)
        // An empty answer is refused before the engine sees it.
        frontEnd.press(.character("p"))
        frontEnd.press(.enter)
        #expect(frontEnd.model.status?.isError == true)
        #expect(engine.core.transcript.last == "sync 10 B")
    }
}
