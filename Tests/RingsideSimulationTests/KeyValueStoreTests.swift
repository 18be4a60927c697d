import Testing
@testable import RingsideSimulation
import RingsideKernel
import RingsideStore

/// The reports (`# ...` lines) a script printed.
private func reports(_ script: String) throws -> [String] {
    try run(script).outputs.compactMap { if case let .report(text) = $0 { text } else { nil } }
}

/// The values (with version time) a node's dump holds for `key`.
private func stored(_ state: [String: Any], node id: Int, key: Int) -> [String] {
    let store = node(state, id)?["store"] as? [String: [[String: Any]]]
    return (store?["\(key)"] ?? []).map { "\($0["value"] as? String ?? "?")@\((($0["version"] as? [String: Any])?["time"] as? Int) ?? -1)" }
}

private let ring = """
bits 4
latency 5..5
add 1 3 4 8
replication 3
quorum 2 2

"""

@Suite("Strict key-value store: versions, replica sets, quorums")
struct KeyValueStoreTests {
    @Test func putThenGetReturnsTheValueFromEveryCoordinator() throws {
        let lines = try reports(ring + "put 14 v1 from 8\nget 14 from 1\nget 14 from N4\nget 7 from 3\n")
        #expect(lines == ["get 14 from 1 = v1", "get 14 from N4 = v1", "get 7 from 3 = (none)"])
    }

    @Test func valuesLiveExactlyOnTheReplicaSet() throws {
        let state = try #require(try dumps(ring + "put 14 v1 from 8\ndump\n").last)
        // Key 14 wraps to owner 1; the next two live nodes are 3 and 4; 8 holds nothing.
        for id in [1, 3, 4] { #expect(stored(state, node: id, key: 14) == ["v1@0"]) }
        #expect(stored(state, node: 8, key: 14) == [])
        #expect(state["replication"] as? Int == 3)
        #expect((state["quorum"] as? [String: Int]) == ["w": 2, "r": 2])
        let gets = try #require(try dumps(ring + "put 14 v1 from 8\nget 14 from 3\nget 2 from 3\ndump\n").last?["gets"] as? [[String: Any]])
        #expect(gets.count == 2)
        #expect(gets[0]["values"] as? [String] == ["v1"] && gets[0]["ok"] as? Bool == true && gets[0]["from"] as? Int == 3)
        #expect(gets[1]["values"] as? [String] == [] && gets[1]["ok"] as? Bool == true)
    }

    @Test func quorumIsCheckedAgainstReplication() throws {
        let error = try #require(scriptError("replication 2\nquorum 3 1\n"))
        #expect(error.message.contains("W=3") && error.message.contains("N=2"))
        #expect(scriptError("replication 3\nquorum 3 1\n") == nil)
        #expect(scriptError("add 1 2\nput k v from 9\n") != nil)
    }

    @Test func aLaterPutWinsAndAnOlderOneArrivingLateIsIgnored() throws {
        let lines = try reports(ring + "put 14 old from 8\nput 14 new from 3\nget 14 from 4\n")
        #expect(lines == ["get 14 from 4 = new"])
    }

    @Test func getFailsWhenTooFewRepliesCome() throws {
        // Replicas 3 and 4 are unreachable: only the owner answers, 1 of R=2.
        let lines = try reports(ring + "put 14 v from 8\npartition 8,1 | 3,4\nget 14 from 8\n")
        #expect(lines == ["get 14 from 8 failed (1 of 2 replies)"])
        let state = try #require(try dumps(ring + "put 14 v from 8\npartition 8,1 | 3,4\nget 14 from 8\ndump\n").last)
        let get = try #require((state["gets"] as? [[String: Any]])?.first)
        #expect(get["ok"] as? Bool == false && get["values"] as? [String] == [])
    }

    /// Two nodes and R = 3: the get cannot succeed from the start, but both replicas
    /// answer, and the failure line counts them, as a put counts its acks (it said
    /// "0 of 3" after two replies had come).
    @Test func aGetThatCannotReachRCountsTheRepliesThatCame() throws {
        let lines = try reports("bits 7\nadd 10 60\nreplication 3\nquorum 3 3\nput k v from 10\nget k from 60\n")
        #expect(lines == ["get k from 60 failed (2 of 3 replies)"])
    }

    @Test func aPutWithTooFewAcksFailsButStillLeavesItsValueWhereItArrived() throws {
        let (_, world) = try run(ring + "put 14 v from 8\npartition 8,1 | 3,4\nput 14 w from 8\n")
        #expect(traceText(world).contains("8: put failed (1 of W=2 acks)"))
        #expect(world.storedValues(0).first?.value.value == "w")  // node index 0 is N1
    }

    @Test func everyPutAndGetIsMessagesOnTheNetwork() throws {
        let state = try #require(try dumps(ring + "async put 14 v from 8\nstep 2\ndump\n").last)
        let types = (state["inFlight"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(types == ["store_put", "store_put", "store_put"])
    }

    @Test func aFailedOwnerLeavesTheNextReplicaServingAndSettleRestoresN() throws {
        let script = ring + "put 14 v from 8\nfail 1\nget 14 from 8\nsettle\ndump\n"
        #expect(try reports(script) == ["get 14 from 8 = v"])
        let state = try #require(try dumps(script).last)
        // After settle the replica set of 14 is {3, 4, 8}: 8 received a copy.
        for id in [3, 4, 8] { #expect(stored(state, node: id, key: 14) == ["v@0"]) }
        #expect(stored(state, node: 1, key: 14) == [])
    }

    @Test func aJoinMovesValuesToTheNewOwnerAndTheLastReplicaDropsIts() throws {
        let script = ring + "put 14 v from 8\njoin 14 via 3\nsettle\ndump\n"
        let state = try #require(try dumps(script).last)
        // Replica set of 14 is now {14, 1, 3}: 4 dropped its copy.
        for id in [14, 1, 3] { #expect(stored(state, node: id, key: 14) == ["v@0"]) }
        #expect(stored(state, node: 4, key: 14) == [])
        #expect(try reports(script + "get 14 from 4\n") == ["get 14 from 4 = v"])
    }

    @Test func aLeaveHandsValuesOn() throws {
        let state = try #require(try dumps(ring + "put 14 v from 8\nleave 3\ndump\n").last)
        for id in [1, 4, 8] { #expect(stored(state, node: id, key: 14) == ["v@0"]) }
        #expect(stored(state, node: 3, key: 14) == [])
    }

    @Test func addPlacesValuesByOracle() throws {
        let state = try #require(try dumps(ring + "put 14 v from 8\nadd 15\ndump\n").last)
        for id in [15, 1, 3] { #expect(stored(state, node: id, key: 14) == ["v@0"]) }
        #expect(stored(state, node: 4, key: 14) == [])
    }

    @Test func storeRunsAreDeterministic() throws {
        let script = "seed 5\nadd 1 20 40 60 80 100 120\nreplication 3\nquorum 2 2\nloss 0.2\nput a 1 from 20\nput a 2 from 60\nget a from 100\ndump\n"
        let a = try run(script).outputs
        let b = try run(script).outputs
        #expect(a == b)
    }
}

@Suite("Key-value store worked examples from the lecture")
struct KeyValueLectureTests {
    @Test func concurrentPutsReachingReplicasInReverseOrderAgreeByVersion() throws {
        let text = try scenario("reverse-order-k14")
        let state = try #require(try dumps(text).last)
        #expect(stored(state, node: 1, key: 14) == ["V14''@10"])
        #expect(stored(state, node: 3, key: 14) == ["V14''@10"])
        #expect(try reports(text) == ["get 14 from 8 = V14''"])
        let (_, world) = try run(text)
        #expect(traceText(world).contains("3: put V14' (0,8) is not newer than V14'' (10,8) → keep V14'', ack"))
    }

    @Test func quorumGetFromAnyTwoReplicasReturnsTheNewValue() throws {
        let text = try scenario("quorum-k14")
        let state = try #require(try dumps(text).last)
        #expect(stored(state, node: 1, key: 14) == ["V14new@20"])
        #expect(stored(state, node: 3, key: 14) == ["V14@0"])  // the put to N3 was lost
        #expect(stored(state, node: 4, key: 14) == ["V14new@20"])
        #expect(try reports(text) == ["get 14 from 8 = V14new", "get 14 from 8 = V14new"])
        let (_, world) = try run(text)
        let trace = traceText(world)
        #expect(trace.contains("8: 2 of W=2 acks → put succeeded"))
        #expect(trace.contains("8: 2 of R=2 replies (V14 (0,8), V14new (20,8)) → newest wins: V14new"))
        #expect(trace.contains("8: 2 of R=2 replies (V14new (20,8), V14 (0,8)) → newest wins: V14new"))
    }
}

@Suite("Store building blocks")
struct StoreUnitTests {
    @Test func versionsCompareTimeThenNode() {
        #expect(Version(time: 3, node: 10) < Version(time: 4, node: 1))
        #expect(Version(time: 3, node: 1) < Version(time: 3, node: 10))
        var replica = ReplicaStore()
        let kept = replica.accept(14, VersionedValue(value: "b", version: Version(time: 5, node: 1)))
        let older = replica.accept(14, VersionedValue(value: "a", version: Version(time: 4, node: 9)))
        #expect(kept && !older)
        #expect(replica[14]?.value == "b")
    }

    @Test func quorumCountsSucceedAndFail() {
        var q = QuorumCount(needed: 2)
        q.asking(3)
        let first = q.reply(), silent = q.timeout(), second = q.reply()
        #expect(!first && !silent && second)
        #expect(q.outcome == .succeeded)
        var f = QuorumCount(needed: 2)
        f.asking(3)
        let one = f.timeout(), two = f.timeout()
        #expect(!one && two)
        #expect(f.outcome == .failed)
    }

    @Test func replicaSetWrapsAndShrinksToTheRing() {
        #expect(ReplicaSet.members(ring: [1, 3, 4, 8], ownerAt: 3, replication: 3) == [8, 1, 3])
        #expect(ReplicaSet.members(ring: [1, 3], ownerAt: 1, replication: 3) == [3, 1])
    }
}
