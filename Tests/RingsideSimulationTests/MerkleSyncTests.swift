import Testing
@testable import RingsideSimulation
import RingsideKernel
import RingsideStore

private func results(_ script: String) throws -> [String] {
    try run(script).outputs.compactMap { if case let .report(text) = $0 { text } else { nil } }
}

/// Six nodes, N = 3; C misses two puts while down, so C and D differ on keys 14 and 40.
/// Each second put follows a get (its context), so it descends from the first.
private let diverged = """
bits 7
latency 5..5
add A=10 B=30 C=50 D=70 E=90 F=110
store-mode dynamo
replication 3
quorum 2 2
put 12 a from A
put 14 b from A
put 20 c from A
put 25 d from A
put 40 e from A
fail C
get 14 from A
put 14 b2 from A
get 40 from A
put 40 e2 from A
recover C via A

"""

@Suite("merkle-sync: Merkle trees over shared key ranges")
struct MerkleSyncTests {
    @Test func syncLeavesBothReplicasIdenticalOnSharedRanges() throws {
        let (_, world) = try run(diverged + "merkle-sync C D\ninvariants\n")
        let sim = world.simulation
        let c = try #require(sim.state.index(ofName: "C")), d = try #require(sim.state.index(ofName: "D"))
        #expect(sim.sharedRanges(c, d).map { "(\($0.lo),\($0.hi)]" } == ["(10,30]", "(30,50]"])
        for key in [12, 14, 20, 25, 40] as [UInt64] {
            #expect(sim.kv.siblings[c]?[Identifier(key)] == sim.kv.siblings[d]?[Identifier(key)], "key \(key)")
        }
        #expect(sim.kv.siblings[c]?[14].map(\.value) == ["b2"])
        #expect(sim.kv.siblings[c]?[40].map(\.value) == ["e2"])
        let trace = traceText(world)
        #expect(trace.contains("70: 2 hashes compared; differ: root of (10,30], root of (30,50]"))
        #expect(trace.contains { $0.contains("equal (skipped with everything under them): (26,30] (level 1)") })
        #expect(try results(diverged + "merkle-sync C D\ninvariants\n") == ["get 14 from A = b", "get 40 from A = e", "invariants hold"])
    }

    @Test func identicalReplicasExchangeOnlyTheRoots() throws {
        let (_, world) = try run(diverged + "merkle-sync B D\n")
        let trace = traceText(world)
        #expect(trace.contains("merkle-sync 30–70 done: 1 hash and 0 values sent"))
        #expect(trace.contains("70: 1 hash compared; equal (skipped with everything under them): root of (10,30]"))
    }

    @Test func merkleMessagesTravelTheNetwork() throws {
        let state = try #require(try dumps(diverged + "async merkle-sync C D\ndump\nstep\ndump\n").last)
        let types = (state["inFlight"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
        #expect(types == ["merkle_differ"])
        let first = try #require(try dumps(diverged + "async merkle-sync C D\ndump\n").last)
        #expect((first["inFlight"] as? [[String: Any]])?.compactMap { $0["type"] as? String } == ["merkle_hashes"])
    }

    @Test func strictModeSyncRepairsALostPut() throws {
        let script = """
        bits 4
        latency 5..5
        add 1 3 4 8
        replication 3
        quorum 2 2
        put 14 V14 from 8
        async put 14 V14new from 8
        step 2
        drop m12
        wait
        merkle-sync 1 3
        invariants
        dump

        """
        let state = try #require(try dumps(script).last)
        let store = node(state, 3)?["store"] as? [String: [[String: Any]]]
        #expect(store?["14"]?.first?["value"] as? String == "V14new")
        #expect(try results(script) == ["invariants hold"])
    }

    @Test func costGrowsWithDifferencesTimesLogKeys() {
        let result = MerkleBenchmark.run(keys: 1 << 14, differPercent: 1, seed: 7)
        let bound = Double(result.differing) * 14
        #expect(result.differing == 164)
        #expect(Double(result.cost.hashes) <= 2 * bound)   // O(d · log n)
        #expect(result.cost.hashes < (1 << 14) / 4)       // far below sending every key's hash
        #expect(result.cost.differingLeaves >= result.differing * 9 / 10)
        let none = MerkleBenchmark.run(keys: 1 << 14, differPercent: 0, seed: 7)
        #expect(none.cost.hashes == 1 && none.cost.keysSent == 0)
    }
}

@Suite("Store invariants")
struct StoreInvariantTests {
    @Test func replicasNewestCatchesAStaleMember() throws {
        var (_, world) = try run("bits 4\nadd 1 3 4 8\nreplication 3\nput 14 new from 8\n")
        #expect(world.invariantViolations().isEmpty)
        world.kv.replicas[2]?.remove(14)  // node index 2 is N4, a member of 14's replica set
        world.kv.replicas[2, default: ReplicaStore()].accept(14, VersionedValue(value: "old", version: Version(time: 0, node: 1)))
        #expect(world.invariantViolations().map(\.line) == ["invariant violated: ReplicasNewest: key 14: replica 4 holds old (0,1), not the newest new (0,8)"])
    }

    @Test func replicasNewestWaitsOutFaultsUntilRepair() throws {
        var (_, world) = try run("bits 4\nadd 1 3 4 8\nreplication 3\nput 14 new from 8\nfail 3\n")
        world.kv.replicas[2]?.remove(14)
        #expect(world.invariantViolations().isEmpty)  // a crash since the last repair: not judged
    }

    @Test func hintsHandedOffCatchesAHintLeftBehind() throws {
        let script = "bits 7\nadd A=10 B=30 C=50 D=70 E=90 F=110\nstore-mode dynamo\nreplication 3\nquorum 2 2\nfail C\nput 25 v from B\nrecover C via A\nhandoff\n"
        var (_, world) = try run(script)
        #expect(world.invariantViolations().isEmpty)
        let e = try #require(world.state.index(ofName: "E")), c = try #require(world.state.index(ofName: "C"))
        world.kv.hints[e] = [Hint(intended: c, key: 25, value: ClockedValue(value: "v", clock: VectorClock(["B": 1])))]
        #expect(world.invariantViolations().map(\.line) == ["invariant violated: HintsHandedOff: node 90 still holds a hint for 50 (key 25) after handing off to 50"])
    }

    @Test func hintsForNodesStillDownAreNoViolation() throws {
        let script = "bits 7\nadd A=10 B=30 C=50 D=70 E=90 F=110\nstore-mode dynamo\nreplication 3\nfail C\nput 25 v from B\nhandoff\ninvariants\n"
        #expect(try results(script) == ["invariants hold"])
    }

    @Test func merkleReplicasAgreeCatchesADifferenceLeftBehind() throws {
        var (_, world) = try run(diverged + "merkle-sync C D\n")
        #expect(world.invariantViolations().isEmpty)
        let c = try #require(world.state.index(ofName: "C"))
        world.kv.siblings[c]?.accept(20, ClockedValue(value: "x", clock: VectorClock(["C": 1])))
        #expect(world.invariantViolations().map(\.line) == ["invariant violated: MerkleReplicasAgree: after merkle-sync 50 70, key 20 is c [A:1], x [C:1] at 50 but c [A:1] at 70"])
    }
}
