import Testing
@testable import Chord
import RingsideKernel

/// The finger scan that starts at the first finger that can qualify must answer exactly
/// what the paper's full scan from the m-th finger answers, on ideal and stale tables.
@Suite("Closest preceding finger: the shortened scan is the full scan")
struct FingerScanTests {
    static func fullScan(_ state: ChordState, _ node: NodeIndex, _ key: Identifier) -> NodeIndex? {
        for k in stride(from: state.bits, through: 1, by: -1) {
            if let f = state.finger(node, k), state.space.isInOpen(state.id(f), state.id(node), key) { return f }
        }
        return nil
    }

    @Test(arguments: [7, 64, 100, 160])
    func agreesOnIdealAndScrambledTables(bits: Int) {
        let space = IdentifierSpace(bits: bits)
        var rng = SplitMix64(seed: UInt64(bits))
        var state = ChordState(space: space, successorListLength: 3)
        var seen = Set<Identifier>()
        var specs: [(id: Identifier, name: String)] = []
        while specs.count < min(40, 1 << min(bits, 5)) {
            let id = rng.identifier(in: space)
            if seen.insert(id).inserted { specs.append((id, "N\(specs.count)")) }
        }
        let nodes = state.addNodes(specs)
        state.stabilizeByOracle()
        func check() {
            for node in nodes {
                for _ in 0..<20 {
                    let key = rng.next(below: 4) == 0 ? state.id(nodes[rng.index(below: nodes.count)]) : rng.identifier(in: space)
                    #expect(state.closestPrecedingFinger(node, key) == Self.fullScan(state, node, key))
                }
                #expect(state.closestPrecedingFinger(node, state.id(node)) == Self.fullScan(state, node, state.id(node)))
            }
        }
        check()
        // Stale pointers: random fingers, some before their start, some unknown.
        for _ in 0..<(nodes.count * 4) {
            let node = nodes[rng.index(below: nodes.count)]
            let k = 2 + rng.index(below: bits - 1)
            let target: NodeIndex? = rng.next(below: 5) == 0 ? nil : nodes[rng.index(below: nodes.count)]
            state.setFinger(node, k, target)
        }
        check()
        // Made ideal again, every node scans short again and still agrees.
        state.stabilizeByOracle()
        #expect(nodes.allSatisfy { state.heads[Int($0)].fingersBeforeStart == 0 })
        check()
    }

    /// Ids packed within a few reach units of each other, and keys on, beside and between
    /// them: the reaches of fingers and keys tie often, so the scan must fall back on the
    /// ids exactly there (FingerEntry.swift). Every entry's reach is its distance's top.
    @Test(arguments: [33, 40, 64])
    func agreesWhereReachesTie(bits: Int) {
        let space = IdentifierSpace(bits: bits)
        let reach = Reach(bits: bits)
        var rng = SplitMix64(seed: 77 &+ UInt64(bits))
        var state = ChordState(space: space, successorListLength: 2)
        let unit = UInt64(1) << reach.shift
        let base = rng.next() & reach.words.mask
        var seen = Set<UInt64>()
        var specs: [(id: Identifier, name: String)] = []
        while specs.count < 24 {
            // Offsets of up to 40 units either side of `base`, sometimes exactly on a unit
            // (at 33 bits a unit is 2: 160 ids to draw 24 from).
            let offset = rng.next(below: 40) &* unit &+ (rng.next(below: 3) == 0 ? 0 : rng.next(below: unit))
            let low = (rng.next(below: 2) == 0 ? base &+ offset : base &- offset) & reach.words.mask
            if seen.insert(low).inserted { specs.append((Identifier(low), "N\(specs.count)")) }
        }
        let nodes = state.addNodes(specs)
        state.stabilizeByOracle()
        func check() {
            for node in nodes {
                for k in 1...bits {
                    guard let f = state.finger(node, k) else { continue }
                    #expect(state.fingers[Int(node) * bits + k - 1].reach == reach.of(state.id(f).w0, from: state.id(node).w0))
                }
                for other in nodes {
                    for delta in [0, 1, unit, unit &- 1, 0 &- 1] as [UInt64] {
                        let key = Identifier((state.id(other).w0 &+ delta) & reach.words.mask)
                        #expect(state.closestPrecedingFinger(node, key) == Self.fullScan(state, node, key),
                                "node \(state.id(node)) key \(key)")
                    }
                }
            }
        }
        check()
        for _ in 0..<(nodes.count * 6) {
            let node = nodes[rng.index(below: nodes.count)]
            let target: NodeIndex? = rng.next(below: 6) == 0 ? nil : nodes[rng.index(below: nodes.count)]
            if rng.next(below: 4) == 0 {
                state.setSuccessorList(node, target.map { [$0] } ?? [])
            } else {
                state.setFinger(node, 2 + rng.index(below: bits - 1), target)
            }
        }
        check()
    }
}
