import Testing
@testable import Chord
import RingsideKernel

/// The oracle's finger walk (IdealFingerWalk.swift) answers, for every live node and every
/// k, what the definition answers: successor(n + 2^(k-1)) among the live nodes. Rings are
/// drawn spread out and clustered (many fingers equal, runs of nodes with the same answers),
/// in small and large spaces, with nodes down, and walked both in ring order (where each
/// node starts from the previous node's answers) and in a scrambled order (where none does).
@Suite("Ideal finger walk: every finger is successor(n + 2^(k-1))")
struct IdealFingerWalkTests {
    static func ring(bits: Int, count: Int, clustered: Bool, seed: UInt64) -> ChordState {
        let space = IdentifierSpace(bits: bits)
        var rng = SplitMix64(seed: seed)
        var state = ChordState(space: space, successorListLength: 3)
        var seen = Set<Identifier>()
        var specs: [(id: Identifier, name: String)] = []
        let centre = rng.identifier(in: space)
        while specs.count < min(count, bits < 12 ? (1 << bits) / 2 : count) {
            var id = rng.identifier(in: space)
            if clustered && rng.next(below: 4) != 0 {
                // Within a few hundred of one point: long runs share their fingers.
                id = space.add(centre, Identifier(rng.next(below: 400)))
            }
            if seen.insert(id).inserted { specs.append((id, "N\(specs.count)")) }
        }
        let nodes = state.addNodes(specs)
        // Some nodes are down: the walk must see only the live ones.
        for node in nodes where rng.next(below: 7) == 0 && nodes.count > 2 { state.markDead(node) }
        return state
    }

    static func expectIdeal(_ state: ChordState, order: [Int], comment: Comment) {
        let ring = state.liveRing
        let words = ring.ids.map(\.w0)
        var row = [NodeIndex](repeating: -1, count: max(0, state.bits - 1))
        var mismatches = 0
        ring.ids.withUnsafeBufferPointer { ids in
            words.withUnsafeBufferPointer { words in
                ring.nodes.withUnsafeBufferPointer { nodes in
                    var walk = IdealFingerWalk(ids: ids, words: words, nodes: nodes, space: state.space)
                    for position in order {
                        walk.fingers(ofPosition: position, into: &row)
                        let node = ring.nodes[position]
                        for k in 2...max(2, state.bits) where k <= state.bits {
                            if row[k - 2] != state.idealFinger(node, k) { mismatches += 1 }
                        }
                    }
                }
            }
        }
        #expect(mismatches == 0, comment)
    }

    @Test(arguments: [3, 7, 16, 33, 64, 160])
    func everyFingerIsTheIdealOne(bits: Int) {
        for (index, count) in [1, 2, 3, 17, 300].enumerated() {
            for clustered in [false, true] {
                let seed = UInt64(bits * 1_000 + index * 10 + (clustered ? 1 : 0))
                let state = Self.ring(bits: bits, count: count, clustered: clustered, seed: seed)
                let live = state.liveRing.count
                guard live > 0 else { continue }
                var rng = SplitMix64(seed: seed ^ 0xABCD)
                var scrambled = Array(0..<live)
                for i in stride(from: live - 1, to: 0, by: -1) { scrambled.swapAt(i, rng.index(below: i + 1)) }
                let label = "bits \(bits), \(live) live nodes, clustered \(clustered)"
                Self.expectIdeal(state, order: Array(0..<live), comment: "\(label), ring order")
                Self.expectIdeal(state, order: scrambled, comment: "\(label), scrambled order")
                // Twice round: the second lap starts again at position 0, after the last.
                Self.expectIdeal(state, order: Array(0..<live) + Array(0..<live), comment: "\(label), two laps")
            }
        }
    }

    /// What the oracle writes is the walk's answer: stabilizeByOracle leaves every finger ideal.
    @Test(arguments: [7, 64, 160])
    func theOraclePlacesIdealFingers(bits: Int) {
        var state = Self.ring(bits: bits, count: 200, clustered: true, seed: UInt64(bits))
        state.stabilizeByOracle()
        var wrong = 0
        for node in state.liveRing.nodes {
            for k in 1...bits where state.finger(node, k) != state.idealFinger(node, k) { wrong += 1 }
        }
        #expect(wrong == 0)
    }
}
