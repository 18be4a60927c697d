import Testing
@testable import Chord
import RingsideKernel

@Suite("Chord state, oracle and closest preceding finger")
struct ChordStateTests {
    /// The lecture ring m = 7 {10, 32, 60, 90, 105, 120}, placed by the oracle.
    static func lectureRing() -> ChordProtocol {
        var chord = ChordProtocol(space: IdentifierSpace(bits: 7), successorListLength: 3)
        chord.withState { state in
            _ = state.addNodes([10, 32, 60, 90, 105, 120].map { (Identifier($0), "N\($0)") })
            state.stabilizeByOracle()
        }
        return chord
    }

    @Test func sortedRingSuccessorAndPredecessorWrap() {
        var ring = SortedRing()
        for (i, id) in [60, 10, 120, 32].enumerated() { ring.insert(id: Identifier(UInt64(id)), node: NodeIndex(i)) }
        #expect(ring.ids == [10, 32, 60, 120])
        #expect(ring.successor(of: 15) == 3)      // 32
        #expect(ring.successor(of: 32) == 3)      // at or after
        #expect(ring.successor(of: 121) == 1)     // wraps to 10
        #expect(ring.predecessor(of: 10) == 2)    // 120
        #expect(ring.predecessor(of: 33) == 3)    // 32
        ring.remove(id: 32)
        #expect(ring.successor(of: 15) == 0)      // 60
        #expect(SortedRing().successor(of: 5) == nil)
    }

    @Test func closestPrecedingFingerScansFromTheTop() throws {
        let chord = Self.lectureRing()
        let n90 = try #require(chord.state.index(ofID: 90))
        let n10 = try #require(chord.state.index(ofID: 10))
        #expect(chord.closestPrecedingFinger(n90, 15).map(chord.state.id) == 10)
        #expect(chord.closestPrecedingFinger(n90, 100) == nil)  // nothing strictly in (90,100)
        #expect(chord.closestPrecedingFinger(n10, 89).map(chord.state.id) == 60)
    }

    @Test func settersKeepSuccessorAndFingerOneTogether() throws {
        var chord = Self.lectureRing()
        let n10 = try #require(chord.state.index(ofID: 10))
        let n60 = try #require(chord.state.index(ofID: 60))
        let before = chord.state.changeCount
        chord.withState { $0.setFinger(n10, 1, n60) }
        #expect(chord.state.successor(n10) == n60)
        #expect(chord.state.successorList(n10).map(chord.state.id) == [60, 32, 90])
        #expect(chord.state.changeCount > before)
        let unchanged = chord.state.changeCount
        chord.withState { $0.setFinger(n10, 1, n60) }
        #expect(chord.state.changeCount == unchanged)
    }

    @Test func forgettingADeadSuccessorFallsBackOnTheList() throws {
        var chord = Self.lectureRing()
        let n10 = try #require(chord.state.index(ofID: 10))
        let n32 = try #require(chord.state.index(ofID: 32))
        chord.fail(n32)
        chord.withState { $0.forget(n32, at: n10) }
        #expect(chord.state.successorList(n10).map(chord.state.id) == [60, 90])
        #expect((1...7).allSatisfy { chord.state.finger(n10, $0) != n32 })
    }

    @Test func aLookupIsMessagesHopByHop() throws {
        var chord = Self.lectureRing()
        let n90 = try #require(chord.state.index(ofID: 90))
        var effects = chord.startLookup(key: 15, from: n90)
        var hops: [String] = []
        while let send = effects.lazy.compactMap({ effect -> ChordEnvelope? in
            if case let .send(envelope) = effect { return envelope }
            return nil
        }).first {
            hops.append("\(chord.state.id(send.from))→\(chord.state.id(send.to))")
            effects = chord.handle(send)
        }
        #expect(hops == ["90→10", "10→32", "32→90"])
        #expect(chord.lookups.first?.path.map(chord.state.id) == [90, 10, 32])
        #expect(chord.isQuiescent)
    }
}
