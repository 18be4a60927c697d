import Testing
@testable import RingsideSimulation

/// The last hop's node speaks of the key from its own pointers, and an observer's aside says
/// whether it is the owner after all (user test: "60: owns 20" while the live 32 owned 20).
@Suite struct LastHopNarrationTests {
    @Test func aStaleSuccessorAnswersAsAWrongOwner() throws {
        // 10's notify to 32 is lost: 10 takes 32 for failed and 60 for its successor.
        let world = try run("bits 7\nadd 10 32 60 90 105 120\nasync stabilize 10\nstep 2\ndrop m3\nwait\nlookup 20 from 10\n").world
        let trace = traceText(world)
        #expect(trace.contains("60: answers 10 for 20, a wrong owner: 32 owns 20 (20 ∉ (32,60] by its predecessor pointer; find_successor ends at the successor reached)"))
        #expect(!trace.contains { $0.contains("60: owns 20") })
        // The hop before says so too: 10's pointers make 60 the owner.
        #expect(trace.contains("10: 20 ∈ (10,60] → successor 60 owns it (a wrong owner: 32 owns 20)"))
    }

    /// A joiner the ring does not know yet owns keys already: both the hop that takes 60 for
    /// the owner and 60 itself (its range by its predecessor pointer holds the key) say so.
    @Test func aJoinerNotYetKnownIsTheOwner() throws {
        let trace = traceText(try run("bits 7\nadd 10 32 60 90 105 120\njoin 50 via 10\nlookup 45 from 90\n").world)
        #expect(trace.contains("32: 45 ∈ (32,60] → successor 60 owns it (a wrong owner: 50 owns 45)"))
        #expect(trace.contains("60: answers 90 for 45, a wrong owner: 50 owns 45 (45 ∈ (32,60] by its predecessor pointer; find_successor ends at the successor reached)"))
    }

    /// A join's own lookup is not judged: the joiner is live before the ring knows it.
    @Test func aJoinsLookupGetsNoAside() throws {
        let world = try run("bits 6\nadd 8 15 20 32 35 44 58\njoin 50 via 15\n").world
        #expect(traceText(world).contains("44: 50 ∈ (44,58] → successor 58 owns it"))
    }

    @Test func aStalePredecessorPointerStillOwns() throws {
        let world = try run("bits 7\nadd 10 32 60 90 105 120\nfail 32\nlookup 20 from 10\n").world
        #expect(traceText(world).contains("60: answers 10 for 20, its owner after all: its predecessor 32 is down (20 ∉ (32,60] by its predecessor pointer; find_successor ends at the successor reached)"))
    }

    @Test func theOwnerSaysSoWhenItsRangeHoldsTheKey() throws {
        let world = try run("bits 7\nadd 10 32 60 90 105 120\nlookup 15 from 90\n").world
        #expect(traceText(world).contains("32: owns 15 → answer 90"))
    }
}

/// `replication N` below the quorum is allowed (script.md checks W and R at `quorum`), and
/// the trace says why the puts and gets that follow fail.
@Suite struct ReplicationBelowQuorumTests {
    @Test func theTraceSaysTheQuorumIsAboveN() throws {
        let (outputs, world) = try run("bits 7\nadd 10 32 60\nreplication 2\nquorum 2 2\nreplication 1\nget k from 10\n")
        #expect(traceText(world).contains { $0.hasPrefix("replication 1 leaves the quorum W=2 R=2 above N") })
        #expect(outputs.contains { if case let .report(text) = $0 { text == "get k from 10 failed (1 of 2 replies)" } else { false } })
    }
}
