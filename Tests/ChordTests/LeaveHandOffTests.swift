import Testing
@testable import Chord
import RingsideKernel

/// A leave never loses keys: a hand-off that goes unanswered is sent on to the next
/// successor that is up (the hand-off's transport timer fires at the departed leaver).
@Suite("Leave hand-off")
struct LeaveHandOffTests {
    static func ring(_ ids: [Int], r: Int = 3) -> ChordProtocol {
        var chord = ChordProtocol(space: IdentifierSpace(bits: 7), successorListLength: r)
        chord.withState { state in
            _ = state.addNodes(ids.map { (Identifier(UInt64($0)), "N\($0)") })
            state.stabilizeByOracle()
        }
        return chord
    }

    static func sends(_ effects: [ChordEffect]) -> [ChordEnvelope] {
        effects.compactMap { if case let .send(envelope) = $0 { envelope } else { nil } }
    }

    static func handOff(_ effects: [ChordEffect]) -> ChordEnvelope? {
        sends(effects).first { if case .predecessorLeaving = $0.message { true } else { false } }
    }

    @Test func anUnansweredHandOffGoesToTheNextLiveSuccessor() throws {
        var chord = Self.ring([10, 32, 60, 90, 105, 120])
        let node = { (id: Int) in chord.state.index(ofID: Identifier(UInt64(id)))! }
        let n32 = node(32), n60 = node(60), n90 = node(90), n105 = node(105)
        chord.withState { $0.addKeys(n32, [15, 20]) }
        let first = try #require(Self.handOff(chord.startLeave(n32)))
        #expect(first.to == n60)
        #expect(chord.state.storedKeys(n32) == [])
        // 60 crashes before the keys arrive, and so does 90: the notice reaches the leaver.
        chord.fail(n60)
        chord.fail(n90)
        // The hand-off's transport timer fires at the departed leaver, which still hears it.
        #expect(chord.isHandingOff(n32))
        let second = try #require(Self.handOff(chord.timedOut(first)))
        #expect(second.to == n105)
        #expect(second.message == .predecessorLeaving(newPredecessor: node(10), keys: [15, 20]))
        // Delivered: 105 holds the keys and the leaver hears nothing more.
        _ = chord.handle(second)
        #expect(chord.state.storedKeys(n105) == [15, 20])
        #expect(!chord.isHandingOff(n32))
    }

    @Test func withNoOneLeftTheKeysStayWithTheLeaver() throws {
        var chord = Self.ring([10, 32], r: 1)
        let n10 = try #require(chord.state.index(ofID: 10))
        let n32 = try #require(chord.state.index(ofID: 32))
        chord.withState { $0.addKeys(n32, [20]) }
        let first = try #require(Self.handOff(chord.startLeave(n32)))
        chord.fail(n10)
        let effects = chord.timedOut(first)
        #expect(Self.sends(effects).isEmpty)
        #expect(chord.state.storedKeys(n32) == [20])
        #expect(!chord.isHandingOff(n32))
    }

    @Test func aLeaverSkipsACrashedFirstSuccessor() throws {
        var chord = Self.ring([10, 32, 60, 90])
        let n32 = try #require(chord.state.index(ofID: 32))
        let n60 = try #require(chord.state.index(ofID: 60))
        let n90 = try #require(chord.state.index(ofID: 90))
        chord.fail(n60)
        let effects = chord.startLeave(n32)
        #expect(Self.handOff(effects)?.to == n90)
        // The predecessor is told a successor list that starts at the heir.
        let told = Self.sends(effects).first { if case .leaving = $0.message { true } else { false } }
        #expect(told?.message == .leaving(successors: [n90, try #require(chord.state.index(ofID: 10))]))
    }
}
