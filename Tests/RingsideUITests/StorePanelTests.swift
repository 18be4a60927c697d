import Foundation
import RingsideKernel
import RingsideSimulation
import Testing
@testable import RingsideUI

/// The store view (issue 10 item 5) on the lecture's key-value scenarios, its keys, and
/// play mode's periodic hinted handoff in Dynamo mode.
@Suite struct StorePanelTests {
    static func scenarioText(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Assets/scenarios/\(name)"), encoding: .utf8)
    }

    /// The scenario played statement by statement (N; a pause waits for a key: N again)
    /// until a caption starting with `stop`, or the end; then the store view.
    static func scenario(_ name: String, until stop: String? = nil) throws -> FrontEnd {
        var (frontEnd, _) = try Fixtures.scripted(try scenarioText(name), name: name)
        for _ in 0..<2_000 where frontEnd.model.scriptRemaining > 0 || frontEnd.model.isWaitingAtPause
            || !frontEnd.model.world.isIdle {
            if let stop, frontEnd.model.caption?.contains(stop) == true { break }
            frontEnd.press(.character("n"))
        }
        while frontEnd.model.mainView != .store { frontEnd.press(.character("v")) }
        return frontEnd
    }

    static func names(_ members: [StorePanelModel.Member]) -> [String] { members.map(\.name) }

    /// User test on the demo at 120×40 (60 selected, `P carol 42`, `N`, `v v v`): the
    /// replies were cut mid-word with no `…` ("→ put s") while the replica-set column,
    /// about 60 wide, stood mostly blank.
    @Test func theRepliesGetTheWidthAndACutEndsInAnEllipsis() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "60")
        frontEnd.press(.character("P"))
        frontEnd.type("carol 42")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        for _ in 0..<3 { frontEnd.press(.character("v")) }
        #expect(frontEnd.model.mainView == .store)
        let screen = frontEnd.screen()
        let ack = try #require(screen.first { $0.contains("store_put_ack") })
        #expect(ack.contains("→ put succeeded"), "\(ack)")
        // In a narrower panel the replies are cut after a whole word, with `…`.
        var grid = Grid(width: 60, height: 30)
        StorePanel(model: frontEnd.model, glyphs: .unicode).render(into: &grid, area: grid.area)
        let cut = try #require(grid.trimmed.first { $0.contains("store_put_ack") })
        let inside = String(cut.dropLast()).trimmingBlanks()
        #expect(inside.hasSuffix("…"), "\(cut)")
        #expect(inside.dropLast().last != " ")
    }

    // MARK: The view model on the lecture's scenarios

    /// quorum-k14 at its end: K14's replica set is {N1, N3, N4}; the newest get's answer and
    /// its messages as they arrived.
    @Test func quorumK14ShowsTheReplicaSetAndTheLastOperation() throws {
        let frontEnd = try Self.scenario("quorum-k14.ringside")
        let view = StorePanelModel(model: frontEnd.model)
        #expect(view.key == Identifier(14))
        #expect(!view.dynamo && view.replication == 3 && view.writeQuorum == 2 && view.readQuorum == 2)
        #expect(Self.names(view.members) == ["1", "3", "4"])
        #expect(view.members.allSatisfy { $0.isReplica && $0.isAlive })
        // As headless: the put to N3 was dropped, so N3 still holds the old V14.
        #expect(view.members.map { $0.versions.map(\.value) } == [["V14new"], ["V14"], ["V14new"]])
        #expect(view.members[0].versions.first?.version == "(20,8)")
        #expect(view.command?.hasPrefix("put 14") == true || view.command?.hasPrefix("get 14") == true)
        #expect(view.replies.contains { $0.type == "store_put_ack" || $0.type == "store_get_reply" })
    }

    /// A put under way (built headless: async, two steps): the quorum count is pending and
    /// its messages are listed as in flight.
    @Test func aPutUnderWayShowsItsMessagesInFlight() throws {
        var model = try Fixtures.model(["bits 4", "latency 5..5", "add 1 3 4 8", "replication 3", "quorum 2 2",
                                        "put 14 V14 from 8", "async put 14 V14new from 8", "step 2"])
        model.mainView = .store
        let view = StorePanelModel(model: model)
        let operation = try #require(view.operation)
        #expect(operation.isPut && operation.outcome == "pending" && operation.needed == 2)
        #expect(operation.value?.value == "V14new")
        #expect(view.coordinatorName == "8")
        let inFlight = view.replies.filter { $0.state == .inFlight }
        #expect(Set(inFlight.map(\.to)) == ["1", "3", "4"])
        #expect(inFlight.allSatisfy { $0.type == "store_put" && $0.from == "8" })
        let screen = AppView.render(model, size: Size(width: 120, height: 40), glyphs: .unicode).trimmed
        #expect(screen.contains { $0.contains("W=2: asked 3, 0 acks, 0 silent") && $0.contains("pending") })
        #expect(screen.contains { $0.contains("8 → 3 store_put in flight") })
    }

    /// sloppy-quorum-dynamo after the sloppy put: C and D are down, E and F stand in, each
    /// with a hint naming the node it replaces.
    @Test func sloppyQuorumShowsStandInsAndHints() throws {
        let frontEnd = try Self.scenario("sloppy-quorum-dynamo.ringside", until: "W = 2 acks came")
        let view = StorePanelModel(model: frontEnd.model)
        #expect(view.key == Identifier(25) && view.dynamo)
        #expect(Self.names(view.members).prefix(5) == ["30 B", "50 C", "70 D", "90 E", "110 F"])
        #expect(view.members.prefix(3).allSatisfy { $0.isReplica })
        #expect(view.members[2].isAlive)  // D is back (it recovers first, by the caption), still with v1
        #expect(view.members[2].versions.map(\.value) == ["v1"])
        let standIns = view.members.filter { !$0.hints.isEmpty }
        #expect(Self.names(standIns) == ["90 E", "110 F"])
        #expect(Set(standIns.flatMap { $0.hints.map(\.intended) }) == ["50 C", "70 D"])
        #expect(standIns.allSatisfy { $0.hints.first?.value.value == "v2" && $0.hints.first?.value.version == "[B:2]" })
        #expect(view.command == "put 25 v2 from B")
    }

    /// At the end of the scenario handoff has run: no hints are left, and C holds v2.
    @Test func afterHandoffTheHintsAreGone() throws {
        let frontEnd = try Self.scenario("sloppy-quorum-dynamo.ringside")
        let view = StorePanelModel(model: frontEnd.model)
        #expect(view.members.allSatisfy { $0.hints.isEmpty })
        #expect(view.members[1].versions.map(\.value) == ["v2"])
        #expect(view.answer == ["v2"])
    }

    /// vector-clocks-cart after the two concurrent puts: every replica keeps both siblings.
    @Test func vectorClocksShowSiblings() throws {
        let frontEnd = try Self.scenario("vector-clocks-cart.ringside", until: "A reads the cart")
        let view = StorePanelModel(model: frontEnd.model)
        #expect(view.key == frontEnd.model.world.storeKey("cart"))
        let replicas = view.members.filter { $0.isReplica }
        #expect(replicas.count == 3)
        for replica in replicas {
            #expect(replica.versions.map(\.version) == ["[A:1]", "[B:1]"])
        }
        // The command waiting its turn is not answered by an older get of the key.
        #expect(view.answer == nil)
    }

    // MARK: Keys

    private func lectureStore() throws -> AppModel {
        try Fixtures.model(["bits 7", "add 10 32 60 90 105 120", "replication 3"], selecting: "32")
    }

    private func typeLine(_ model: inout AppModel, key: Character, _ text: String) -> [AppEffect] {
        let size = Size(width: 120, height: 40)
        _ = model.update(.key(.character(key)), size: size, now: 0)
        for character in text { _ = model.update(.key(.character(character)), size: size, now: 0) }
        return model.update(.key(.enter), size: size, now: 0)
    }

    @Test func putGetAndQuorumKeysSendScriptCommands() throws {
        var model = try lectureStore()
        #expect(typeLine(&model, key: "P", "14 v1") == [.engine(.command("put 14 v1 from 32", origin: .key))])
        #expect(typeLine(&model, key: "g", "cart") == [.engine(.command("get cart from 32", origin: .key))])
        #expect(typeLine(&model, key: "Q", "3 2 2") == [.engine(.command("replication 3", origin: .key)),
                                                       .engine(.command("quorum 2 2", origin: .key))])
        #expect(typeLine(&model, key: "Q", "2 1") == [.engine(.command("quorum 2 1", origin: .key))])
        #expect(typeLine(&model, key: "P", "14").isEmpty)
        #expect(model.status?.isError == true)
    }

    @Test func theKeyKeyChoosesWhatTheStoreViewShows() throws {
        var model = try lectureStore()
        #expect(typeLine(&model, key: "K", "cart").isEmpty)
        #expect(model.mainView == .store)
        #expect(model.storeKey == model.world.storeKey("cart"))
        #expect(StorePanelModel(model: model).isChosen)
        // The word stays in the title beside its id, as a put's key does.
        let key = try #require(model.world.storeKey("cart"))
        #expect(model.keyText(key, width: 12, glyphs: .unicode).hasPrefix("cart \u{2192} "))
        #expect(model.status?.text.contains("cart") == true)
        #expect(typeLine(&model, key: "K", "").isEmpty)
        #expect(model.storeKey == nil)
        #expect(typeLine(&model, key: "K", "-3").isEmpty)
        #expect(model.status?.isError == true)
    }

    @Test func theStoreViewIsInTheCycleAndItsKeysAreFree() {
        #expect(MainView.convergence.next == .store)
        #expect(MainView.store.next == .ring)
        #expect(KeyMap.default.duplicateKeys().isEmpty)
        #expect(KeyMap.default.bindings(in: .store).map(\.action) == [.storePut, .storeGet, .storeSettings, .storeKey])
        let help = HelpOverlay(keyMap: .default, scroll: 0, notes: [])
        var grid = Grid(size: Size(width: 120, height: 80))
        help.render(into: &grid, area: grid.area)
        #expect(grid.trimmed.contains { $0.contains("Key-value store") })
    }

    // MARK: Play mode's periodic handoff

    @Test func playModeHandsOffHintsInDynamoModeOnly() throws {
        let size = Size(width: 120, height: 40)
        let due = AppModel.maintenanceIntervalMillis + 100
        let sloppy = ["bits 7", "latency 5..5", "add A=10 B=30 C=50 D=70 E=90 F=110", "store-mode dynamo",
                      "replication 3", "quorum 2 2", "put 25 v1 from B", "fail C", "fail D", "put 25 v2 from B",
                      "recover C via A", "recover D via A"]
        var model = try Fixtures.model(sloppy)
        #expect(model.world.holdsHints)
        _ = model.update(.key(.space), size: size, now: 0)
        _ = model.update(.tick, size: size, now: 100)
        #expect(model.update(.tick, size: size, now: due) == (AppModel.maintenanceCommands + ["handoff"]).map {
            .engine(.command($0, origin: .maintenance))
        })
        // Without hints (before the failures) and in strict mode: Chord's maintenance only.
        for lines in [Array(sloppy.prefix(7)), ["bits 7", "add 10 32", "replication 2", "put 5 x from 10"]] {
            var quiet = try Fixtures.model(lines)
            _ = quiet.update(.key(.space), size: size, now: 0)
            _ = quiet.update(.tick, size: size, now: 100)
            #expect(quiet.update(.tick, size: size, now: due) == AppModel.maintenanceCommands.map {
                .engine(.command($0, origin: .maintenance))
            })
        }
    }

    /// Played through the engine on a script that never hands off by itself, play mode's
    /// periodic handoff gives the hints back.
    @Test func playingHandsTheHintsBack() throws {
        let script = ["bits 7", "latency 5..5", "add A=10 B=30 C=50 D=70 E=90 F=110", "store-mode dynamo",
                      "replication 3", "quorum 2 2", "put 25 v1 from B", "fail C", "fail D", "put 25 v2 from B",
                      "recover C via A", "recover D via A"].joined(separator: "\n")
        var (frontEnd, _) = try Fixtures.scripted(script, name: "handoff.ringside")
        for _ in 0..<500 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
        }
        #expect(frontEnd.model.world.holdsHints)
        frontEnd.press(.space)
        var now: Int64 = 0
        for _ in 0..<1_000 where frontEnd.model.world.holdsHints {
            now += 100
            frontEnd.handle(.tick, size: Size(width: 120, height: 40), now: now)
        }
        #expect(!frontEnd.model.world.holdsHints)
        #expect(frontEnd.model.notes.contains { $0.text.contains("handoff") })
    }

    // MARK: Screens

    @Test func store80x24() throws {
        let lines = try Self.scenario("sloppy-quorum-dynamo.ringside", until: "W = 2 acks came").screen(Size(width: 80, height: 24))
        #expect(lines.first?.contains("Store") == true)
        Snapshot.assert(lines, matches: Snapshots.store80x24, named: "store80x24")
    }

    @Test func store120x40() throws {
        let lines = try Self.scenario("vector-clocks-cart.ringside", until: "A reads the cart").screen(Size(width: 120, height: 40))
        Snapshot.assert(lines, matches: Snapshots.store120x40, named: "store120x40")
    }

    @Test func store200x60() throws {
        let lines = try Self.scenario("quorum-k14.ringside").screen(Size(width: 200, height: 60))
        Snapshot.assert(lines, matches: Snapshots.store200x60, named: "store200x60")
    }

    @Test func noTrapAtAnySizeAndAsciiStaysAscii() throws {
        for frontEnd in [try Self.scenario("sloppy-quorum-dynamo.ringside", until: "W = 2 acks came"), try Self.scenario("vector-clocks-cart.ringside")] {
            OddSizes.check(frontEnd) { model, glyphs, grid in StorePanel(model: model, glyphs: glyphs).render(into: &grid, area: grid.area) }
        }
    }

    @Test func anEmptyStoreSaysWhichKeysToUse() throws {
        var model = try lectureStore()
        model.mainView = .store
        let lines = AppView.render(model, size: Size(width: 120, height: 40), glyphs: .unicode).trimmed
        #expect(lines.contains { $0.contains("no put or get yet: P puts, g gets") })
    }
}
