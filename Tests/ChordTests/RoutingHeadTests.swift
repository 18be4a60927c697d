import Testing
@testable import Chord
import RingsideKernel

/// The packed routing heads are a copy of what the per-concept arrays say, and the
/// one-word interval tests answer what the 160-bit ones answer.
@Suite("Routing heads and one-word intervals")
struct RoutingHeadTests {
    @Test(arguments: [1, 5, 32, 63, 64])
    func wordIntervalsAgreeWithIdentifierIntervals(bits: Int) {
        let space = IdentifierSpace(bits: bits)
        let words = WordSpace(bits: bits)
        var rng = SplitMix64(seed: UInt64(bits) &* 7919)
        for _ in 0..<5_000 {
            // Equal and neighbouring ids are where the wrap cases live: draw them often.
            let a = rng.identifier(in: space)
            let b = rng.next(below: 4) == 0 ? a : rng.identifier(in: space)
            let x = rng.next(below: 4) == 0 ? (rng.next(below: 2) == 0 ? a : b) : rng.identifier(in: space)
            #expect(words.isInOpen(x.w0, a.w0, b.w0) == space.isInOpen(x, a, b), "\(x) in (\(a), \(b))")
            #expect(words.isInOpenClosed(x.w0, a.w0, b.w0) == space.isInOpenClosed(x, a, b), "\(x) in (\(a), \(b)]")
        }
    }

    /// After joins, crashes, forgotten pointers and scrambled fingers, every head says
    /// what the arrays say: its id's low word, its successor, how many fingers lie before
    /// their start (counted afresh), and whether the node is up.
    @Test(arguments: [8, 64, 160])
    func headsFollowEveryWrite(bits: Int) {
        let space = IdentifierSpace(bits: bits)
        var rng = SplitMix64(seed: 42 &+ UInt64(bits))
        var state = ChordState(space: space, successorListLength: 3)
        var seen = Set<Identifier>()
        var specs: [(id: Identifier, name: String)] = []
        while specs.count < 30 {
            let id = rng.identifier(in: space)
            if seen.insert(id).inserted { specs.append((id, "N\(specs.count)")) }
        }
        var nodes = state.addNodes(Array(specs.prefix(20)))
        for spec in specs.dropFirst(20) { nodes.append(state.addNode(id: spec.id, name: spec.name)) }
        func check() {
            for node in nodes {
                let head = state.heads[Int(node)]
                #expect(state.lows[Int(node)] == state.id(node).w0)
                #expect(head.successor == state.successorList(node).first ?? -1)
                #expect(head.successor == (state.finger(node, 1) ?? -1) || state.successorList(node).isEmpty)
                let before = (2...max(2, bits)).filter { k in
                    guard k <= bits, let f = state.finger(node, k), f != node else { return false }
                    return state.space.distance(from: state.id(node), to: state.id(f)) < Identifier.powerOfTwo(k - 1)
                }.count
                #expect(Int(head.fingersBeforeStart) == before)
                #expect(head.isAlive == state.alive[Int(node)])
                #expect(state.isAlive(node) == state.alive[Int(node)])
            }
        }
        state.stabilizeByOracle()
        check()
        for round in 0..<200 {
            let node = nodes[rng.index(below: nodes.count)]
            let other = nodes[rng.index(below: nodes.count)]
            switch rng.next(below: 5) {
            case 0: state.setFinger(node, 1 + rng.index(below: bits), rng.next(below: 4) == 0 ? nil : other)
            case 1: state.setSuccessorList(node, [other, nodes[rng.index(below: nodes.count)]])
            case 2: state.forget(other, at: node)
            case 3:
                // Some crashed nodes stay down for a while, some come straight back.
                state.markDead(other)
                if rng.next(below: 2) == 0 { state.markRestarted(other) }
                if rng.next(below: 3) == 0 { state.markRestarted(nodes[rng.index(below: nodes.count)]) }
            default: state.setFingers(node, from2: (2...max(2, bits)).filter { $0 <= bits }.map { _ in nodes[rng.index(below: nodes.count)] })
            }
            if round % 20 == 0 { check() }
        }
        check()
        state.stabilizeByOracle()
        check()
    }
}
