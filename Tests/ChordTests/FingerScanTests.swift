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
}
