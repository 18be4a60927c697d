import Testing
@testable import RingsideSimulation
import RingsideKernel
import RingsideStore

/// The reports (`# ...` lines) a script printed, captions left out.
private func results(_ script: String) throws -> [String] {
    try run(script).outputs.compactMap { if case let .report(text) = $0 { text } else { nil } }
}

/// A node's Dynamo siblings for a key in a dump: "value[A:1,B:1]".
private func siblings(_ state: [String: Any], node id: Int, key: Int) -> [String] {
    let store = node(state, id)?["store"] as? [String: [[String: Any]]]
    return (store?["\(key)"] ?? []).map { entry in
        let clock = (entry["version"] as? [String: Int] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
        return "\(entry["value"] as? String ?? "?")[\(clock.joined(separator: ","))]"
    }
}

private func hints(_ state: [String: Any], node id: Int) -> [[String: Any]] {
    node(state, id)?["hints"] as? [[String: Any]] ?? []
}

private let ring = """
bits 7
latency 5..5
add A=10 B=30 C=50 D=70 E=90 F=110
store-mode dynamo
replication 3
quorum 2 2

"""

@Suite("Dynamo mode: sloppy quorums, hinted handoff, vector clocks")
struct DynamoStoreTests {
    @Test func sloppyQuorumScenarioReadsStaleThenHandoffRepairs() throws {
        let text = try scenario("sloppy-quorum-dynamo")
        #expect(try results(text) == ["get 25 from B = v1", "get 25 from C = v1", "get 25 from C = v2", "invariants hold"])
        let state = try #require(try dumps(text).last)
        #expect(state["storeMode"] as? String == "dynamo")
        for id in [30, 50, 70] { #expect(siblings(state, node: id, key: 25) == ["v2[B:2]"]) }
        for id in [10, 90, 110] { #expect(siblings(state, node: id, key: 25) == []) }
        for id in [90, 110] { #expect(hints(state, node: id).isEmpty) }
        let trace = traceText(try run(text).world)
        #expect(trace.contains("30: preference list 30, 50, 70, 90, 110, …; 50, 70 unreachable → sloppy quorum: write to 30, 90 (hint for 50), 110 (hint for 70) (W=2)"))
        #expect(trace.contains("50: get(25): preference list 30, 50, 70, 90, 110, …; 30 unreachable → sloppy quorum: ask 50, 70 (R=2)"))
        #expect(trace.contains("90: 50 acknowledged 25 = v2 → drop the hint"))
    }

    @Test func standInsHoldHintsUntilHandoff() throws {
        let script = ring + "put 25 v1 from B\nfail C\nfail D\nput 25 v2 from B\ndump\nrecover C via A\nhandoff E\ndump\n"
        let states = try dumps(script)
        #expect(hints(states[0], node: 90).map { $0["for"] as? Int } == [50])
        #expect(hints(states[0], node: 90).first?["value"] as? String == "v2")
        #expect(hints(states[0], node: 110).map { $0["key"] as? Int } == [25])
        #expect(siblings(states[0], node: 90, key: 25) == [])  // a hint is not a replica's own value
        // Only E handed off, and only to C (D is still down).
        #expect(hints(states[1], node: 90).isEmpty && hints(states[1], node: 110).count == 1)
        // Two puts from B with no get between them: both carry [B:1] (script.md: an empty
        // context, B's entry incremented); C keeps the later one, handed back to it.
        #expect(siblings(states[1], node: 50, key: 25) == ["v2[B:1]"])
        #expect(siblings(states[1], node: 70, key: 25) == ["v1[B:1]"])  // durable across the crash
    }

    @Test func aStandInAnswersGetsWithWhatItHolds() throws {
        let lines = try results(ring + "put 25 v1 from B\nfail C\nfail D\nput 25 v2 from B\npartition B | A, E, F\nget 25 from E\n")
        #expect(lines == ["get 25 from E = v2"])
    }

    /// The slides' carts: two concurrent first carts kept as siblings, merged by union; then
    /// a delete on each side, concurrent again, and the union brings both deleted items back.
    @Test func shoppingCartSiblingsAndReconciliation() throws {
        let text = try scenario("vector-clocks-cart")
        #expect(try results(text) == [
            "get cart from A = cat-opoly+fancy-feast | furhaven",
            "get cart from B = cat-opoly+fancy-feast+furhaven", "get cart from C = cat-opoly+fancy-feast+furhaven",
            "get cart from D = cat-opoly+furhaven | fancy-feast+furhaven",
            "get cart from E = cat-opoly+fancy-feast+furhaven",
        ])
        let states = try dumps(text)
        #expect(siblings(states[0], node: 110, key: 109) == ["cat-opoly+fancy-feast[A:1]", "furhaven[B:1]"])
        #expect(siblings(states[1], node: 10, key: 109) == ["cat-opoly+fancy-feast+furhaven[A:2,B:2,C:1,D:1]"])
        let gets = try #require(states[1]["gets"] as? [[String: Any]])
        #expect(gets[3]["values"] as? [String] == ["cat-opoly+furhaven", "fancy-feast+furhaven"])
    }

    @Test func twoPutsFromOneNodeNeverShareAClock() throws {
        let state = try #require(try dumps(ring + "put k x from A\nput k y from A\ndump\n").last)
        let key = Int(IdentifierSpace(bits: 7).hash("k").uint64Value!)
        #expect(siblings(state, node: 10, key: key).count <= 1)
        #expect(try results(ring + "put k x from A\nput k y from A\nget k from B\n") == ["get k from B = y"])
    }

    @Test func getsFailWhenTooFewNodesAreReachable() throws {
        let lines = try results(ring + "put 25 v from B\npartition B | A, C, D, E, F\nget 25 from B\nget 99 from C\n")
        #expect(lines == ["get 25 from B failed (1 of 2 replies)", "get 99 from C = (none)"])
    }

    @Test func dynamoRoutesZeroHopWithoutLookups() throws {
        let state = try #require(try dumps(ring + "async put 25 v from A\ndump\n").last)
        let types = (state["inFlight"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(types == ["store_put", "store_put", "store_put"])
        #expect((state["lookups"] as? [Any])?.isEmpty == true)
    }

    @Test func vnodesGiveTokensAndPreferenceListsSkipRepeats() throws {
        let script = "bits 16\nstore-mode dynamo\nvnodes 4\nreplication 3\nadd A B C D\ndump\n"
        let state = try #require(try dumps(script).last)
        let space = IdentifierSpace(bits: 16)
        let a = try #require(node(state, Int(space.hash("A").uint64Value!)))
        #expect(a["tokens"] as? [Int] == (1...4).map { Int(space.hash("A/\($0)").uint64Value!) })
        // Whatever the key, its N = 3 replicas are three different nodes.
        let world = try run(script).world.simulation
        for key in stride(from: 0, to: 65536, by: 997) {
            let list = world.preferenceList(ofKey: Identifier(UInt64(key)))
            #expect(list.count == 4 && Set(list).count == 4)
        }
        #expect(try dumps("bits 7\nadd 10\ndump\n").last.flatMap { node($0, 10)?["tokens"] } == nil)
    }

    @Test func aPutAfterStoreModeSwitchIsRejectedWhileValuesExist() {
        let error = scriptError(ring + "put 25 v from A\nstore-mode strict\n")
        #expect(error?.line == 8)
        #expect(error?.message.hasSuffix("values are held by A B C D E F") == true || error?.message.contains("values are held by") == true)
    }
}

@Suite("Vector clocks and siblings")
struct VectorClockTests {
    /// script.md: a put's context is its node's last get of the key, empty without one, and
    /// the coordinator increments its own entry. A's put after B's put-after-get is an
    /// ancestor of B's version and disappears; C's two puts after one get share a clock,
    /// and every replica keeps the later.
    @Test func aPutWithoutAGetStartsFromTheEmptyContext() throws {
        let script = """
        bits 7
        store-mode dynamo
        add A=10 B=60 C=100
        replication 3
        quorum 3 3
        put k v1 from A
        get k from B
        put k v2 from B
        put k v3 from A
        get k from C
        put k v4 from C
        put k v5 from C
        get k from A
        dump

        """
        #expect(try results(script) == ["get k from B = v1", "get k from C = v2", "get k from A = v5"])
        let state = try #require(try dumps(script).last)
        for id in [10, 60, 100] { #expect(siblings(state, node: id, key: 12) == ["v5[A:1,B:1,C:1]"]) }
    }

    /// Two values under one clock (a node's two puts with no get between): the later put
    /// supersedes the earlier in whatever order a replica hears of them, so replicas that
    /// merge them agree; the same version twice is one.
    @Test func underOneClockTheLaterPutWins() {
        let a1 = VectorClock(["A": 1])
        let first = ClockedValue(value: "y", clock: a1, put: 1), second = ClockedValue(value: "x", clock: a1, put: 2)
        #expect(reconcile([first, second, second]).map(\.value) == ["x"])
        #expect(reconcile([second, first]).map(\.value) == ["x"])
        var inOrder = SiblingStore(), reversed = SiblingStore()
        inOrder.accept(1, first)
        let replaced = inOrder.accept(1, second)
        let again = inOrder.accept(1, second)
        reversed.accept(1, second)
        let older = reversed.accept(1, first)
        #expect(replaced && !again && !older)
        #expect(inOrder == reversed && inOrder[1].map(\.value) == ["x"])
        // A newer clock still wins over a later put, and concurrent clocks stay siblings.
        let b1 = VectorClock(["B": 1])
        #expect(reconcile([ClockedValue(value: "z", clock: a1.merged(with: b1), put: 1), second]).map(\.value) == ["z"])
        #expect(reconcile([ClockedValue(value: "w", clock: b1, put: 3), second]).map(\.value) == ["w", "x"])
    }

    @Test func descendsAndConcurrency() {
        let a1 = VectorClock(["A": 1]), a1b1 = VectorClock(["A": 1, "B": 1]), a1c1 = VectorClock(["A": 1, "C": 1])
        #expect(a1b1.descends(from: a1) && !a1.descends(from: a1b1))
        #expect(a1b1.isConcurrent(with: a1c1))
        #expect(a1b1.merged(with: a1c1) == VectorClock(["A": 1, "B": 1, "C": 1]))
        #expect(a1.setting("A", to: 2).description == "[A:2]")
        let kept = reconcile([ClockedValue(value: "y", clock: a1c1), ClockedValue(value: "x", clock: a1b1), ClockedValue(value: "old", clock: a1)])
        #expect(kept.map(\.value) == ["x", "y"])
        var store = SiblingStore()
        let first = store.accept(1, ClockedValue(value: "x", clock: a1b1))
        let older = store.accept(1, ClockedValue(value: "old", clock: a1))
        let newer = store.accept(1, ClockedValue(value: "z", clock: VectorClock(["A": 2, "B": 1, "C": 1])))
        #expect(first && !older && newer)
        #expect(store[1].map(\.value) == ["z"])
    }
}

@Suite("Dynamo mode on the event log")
struct DynamoEventTests {
    @Test func everyDynamoAndMerkleMessageHasOneOutcome() throws {
        for text in [try scenario("sloppy-quorum-dynamo"), try scenario("vector-clocks-cart"),
                     ring + "put 14 a from A\nfail C\nput 14 b from A\nrecover C via A\nloss 0.5\nmerkle-sync C D\nhandoff\nloss 0\nmerkle-sync C D\n"] {
            let (events, _) = try recordedRun(text)
            assertEverySendHasOneOutcome(events)
            #expect(events.contains { $0.kind == .send && ($0.type?.hasPrefix("store_") ?? false) })
        }
    }

    @Test func sameScriptSameBytes() throws {
        let text = try scenario("sloppy-quorum-dynamo") + "vnodes 3\njoin G via A\nput 77 z from G\nmerkle-sync A G\ndump\n"
        #expect(try run(text, seed: 5).outputs == run(text, seed: 5).outputs)
    }
}
