import Chord
import RingsideKernel
import Testing
@testable import RingsideInvariants

/// A hand-built Chord state: `lists` gives successor lists by node id; `dead` are failed.
func chordState(bits: Int = 7, r: Int = 3, _ ids: [UInt64], lists: [UInt64: [UInt64]],
                dead: [UInt64] = []) -> ChordState {
    var state = ChordState(space: IdentifierSpace(bits: bits), successorListLength: r)
    for id in ids { _ = state.addNode(id: Identifier(id), name: "N\(id)") }
    func index(_ id: UInt64) -> NodeIndex { state.index(ofID: Identifier(id))! }
    for id in ids { state.setSuccessorList(index(id), (lists[id] ?? []).map(index)) }
    for id in dead { state.markDead(index(id)) }
    return state
}

func lines(_ violations: [Violation]) -> [String] { violations.map(\.line) }

@Suite("Chord ring invariants on hand-built states")
struct ChordInvariantTests {
    static let lecture: [UInt64] = [10, 32, 60, 90, 105, 120]

    /// The ideal lecture ring: each node's next three live nodes.
    static func idealLists(_ ids: [UInt64], r: Int = 3) -> [UInt64: [UInt64]] {
        var lists: [UInt64: [UInt64]] = [:]
        for (i, id) in ids.enumerated() {
            lists[id] = (1...min(r, ids.count - 1)).map { ids[(i + $0) % ids.count] }
        }
        return lists
    }

    @Test func theIdealLectureRingHoldsEverything() {
        #expect(ChordInvariants.violations(chordState(Self.lecture, lists: Self.idealLists(Self.lecture))) == [])
    }

    /// "AtLeastOneRing: some ring member exists": with no live node none does; the other
    /// three say nothing of an empty system.
    @Test func noLiveNodeAtAllBreaksAtLeastOneRingOnly() {
        let expected = [Violation(name: "AtLeastOneRing", detail: "no node is alive, so no ring member exists")]
        #expect(ChordInvariants.violations(chordState([], lists: [:])) == expected)
        #expect(ChordInvariants.violations(chordState([10, 32], lists: [10: [32], 32: [10]], dead: [10, 32])) == expected)
    }

    @Test func aLoneNodeThatIsItsOwnSuccessorIsARingOfOne() {
        let state = chordState([10], lists: [10: [10]])
        #expect(ChordInvariants.violations(state) == [])
        #expect(BestSuccessorGraph(state).cycleCount == 1)
    }

    @Test func noRingBreaksAtLeastOneRingAndStrandsEveryNode() {
        // 10 → 32 → 60, and 60's only entry is the dead 90: no walk comes back.
        let state = chordState([10, 32, 60, 90], lists: [10: [32], 32: [60], 60: [90], 90: [10]], dead: [90])
        #expect(lines(ChordInvariants.violations(state)) == [
            "invariant violated: AtLeastOneRing: no live node gets back to itself by following best successors (3 live)",
            "invariant violated: ConnectedAppendages: 10 does not reach a ring: following best successors stops at 60, which has no live successor",
            "invariant violated: ConnectedAppendages: 32 does not reach a ring: following best successors stops at 60, which has no live successor",
            "invariant violated: ConnectedAppendages: 60 has no live entry in its successor list",
        ])
    }

    @Test func twoRingsBreakAtMostOneRing() {
        let state = chordState([10, 32, 60, 90], lists: [10: [32], 32: [10], 60: [90], 90: [60]])
        #expect(lines(ChordInvariants.violations(state)) == [
            "invariant violated: AtMostOneRing: ring members 10 32 and 60 90 form two rings",
        ])
    }

    @Test func threeRingsAreListedByTheirSmallestMember() {
        // Node table order differs from id order on purpose.
        let state = chordState([90, 5, 60, 32, 10], lists: [10: [32], 32: [10], 60: [90], 90: [60], 5: [5]])
        #expect(lines(ChordInvariants.violations(state)) == [
            "invariant violated: AtMostOneRing: ring members 5, 10 32 and 60 90 form three rings",
        ])
    }

    @Test func aRingThatSkipsAMemberBreaksOrderedRing() {
        // One cycle 10 → 60 → 32 → 90 → 10: every member is on it, but out of id order.
        let state = chordState([10, 32, 60, 90], lists: [10: [60], 60: [32], 32: [90], 90: [10]])
        #expect(lines(ChordInvariants.violations(state)) == [
            "invariant violated: OrderedRing: ring member 32 lies between 10 and its best successor 60",
            "invariant violated: OrderedRing: ring member 60 lies between 32 and its best successor 90",
            "invariant violated: OrderedRing: ring member 90 lies between 60 and its best successor 32",
        ])
    }

    @Test func aNodeOffTheRingButPointingIntoItIsAConnectedAppendage() {
        // 45 is live and not a ring member, but its best successor 60 is: that is allowed.
        let state = chordState([10, 32, 45, 60], lists: [10: [32], 32: [60], 60: [10], 45: [60]])
        #expect(ChordInvariants.violations(state) == [])
        #expect(!BestSuccessorGraph(state).isMember[Int(state.index(ofID: 45)!)])
    }

    @Test func bestSuccessorSkipsDeadEntries() {
        // 10's list starts with the dead 32; its best successor is 60, so the ring holds.
        let state = chordState([10, 32, 60, 90], lists: [10: [32, 60], 60: [90], 90: [10], 32: [60]], dead: [32])
        #expect(ChordInvariants.violations(state) == [])
    }

    @Test func strandedAppendagesBreakConnectedAppendages() {
        // Ring 10 → 32 → 60; 90 knows only the dead 105; 100 follows 90.
        let state = chordState([10, 32, 60, 90, 100, 105],
                               lists: [10: [32], 32: [60], 60: [10], 90: [105], 100: [90], 105: [10]], dead: [105])
        #expect(lines(ChordInvariants.violations(state)) == [
            "invariant violated: ConnectedAppendages: 90 has no live entry in its successor list",
            "invariant violated: ConnectedAppendages: 100 does not reach a ring: following best successors stops at 90, which has no live successor",
        ])
    }

    @Test func wideIDsAreShortenedAsChordsNotesShortenThem() {
        let a: UInt64 = 1_234_567_890_123_456
        let state = chordState(bits: 64, [7, a], lists: [7: [7], a: [a]])
        #expect(lines(ChordInvariants.violations(state)) == [
            "invariant violated: AtMostOneRing: ring members 7 and 123456… form two rings",
        ])
    }

    @Test func manyStrandedNodesAreCappedWithACount() {
        let ids = (1...30).map { UInt64($0) }
        let state = chordState(bits: 8, ids + [100], lists: [100: [100]])  // 1 ... 30 know nobody
        let violations = ChordInvariants.violations(state)
        #expect(violations.count == ViolationList.limit + 1)
        #expect(violations.first?.detail == "1 has no live entry in its successor list")
        #expect(violations.last == Violation(name: "ConnectedAppendages", detail: "and 10 more nodes"))
    }

    /// Random functional graphs against a per-node walk, written the slow obvious way.
    @Test(arguments: 0..<40)
    func ringMembershipMatchesABruteForceWalk(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let count = 1 + rng.index(below: 40)
        var ids: [UInt64] = []
        while ids.count < count {
            let id = rng.next(below: 256)
            if !ids.contains(id) { ids.append(id) }
        }
        var lists: [UInt64: [UInt64]] = [:]
        for id in ids where rng.next(below: 8) != 0 {
            lists[id] = (0..<(1 + rng.index(below: 3))).map { _ in ids[rng.index(below: ids.count)] }
        }
        let dead = ids.filter { _ in rng.next(below: 5) == 0 }
        let state = chordState(bits: 8, r: 3, ids, lists: lists, dead: dead)
        let graph = BestSuccessorGraph(state)

        func best(_ id: UInt64) -> UInt64? { (lists[id] ?? []).first { !dead.contains($0) } }
        func isMember(_ id: UInt64) -> Bool {
            var current = best(id)
            for _ in 0..<ids.count {
                guard let c = current else { return false }
                if c == id { return true }
                current = best(c)
            }
            return false
        }
        func reachesMember(_ id: UInt64) -> Bool {
            var current: UInt64? = id
            for _ in 0...ids.count {
                guard let c = current else { return false }
                if isMember(c) { return true }
                current = best(c)
            }
            return false
        }
        let live = ids.filter { !dead.contains($0) }
        for id in live {
            let node = Int(state.index(ofID: Identifier(id))!)
            #expect(graph.isMember[node] == isMember(id), "seed \(seed) node \(id)")
            #expect((graph.cycle[node] >= 0) == reachesMember(id), "seed \(seed) node \(id)")
        }
        // Cycles counted by brute force: members whose walk meets no smaller member first.
        let members = live.filter(isMember)
        var cycles = 0
        for m in members {
            var current = best(m)!
            var smallest = m
            while current != m { smallest = min(smallest, current); current = best(current)! }
            if smallest == m { cycles += 1 }
        }
        #expect(graph.cycleCount == cycles, "seed \(seed)")
        let names = ChordInvariants.violations(state).map(\.name)
        #expect(names.contains("AtLeastOneRing") == (!live.isEmpty && cycles == 0))
        #expect(names.contains("AtMostOneRing") == (cycles > 1))
        #expect(names.contains("ConnectedAppendages") == live.contains { !reachesMember($0) })
    }
}
