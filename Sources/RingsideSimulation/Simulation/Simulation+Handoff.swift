import Chord
import RingsideKernel
import RingsideStore

/// Hinted handoff (Dynamo §4.6, the lecture's "E and F remember they are writing on behalf
/// of C and D"): a stand-in keeps each value it took for an unreachable node with a hint
/// naming that node, and `handoff` sends it back once the node is reachable again; the
/// stand-in drops the hint when the intended node acknowledges.
extension Simulation {
    /// The hints `node` holds, by intended node id, key, then value.
    func hints(at node: NodeIndex) -> [Hint] {
        (kv.hints[node] ?? []).sorted {
            (state.id($0.intended), $0.key, $0.value.value, $0.value.clock.description)
                < (state.id($1.intended), $1.key, $1.value.value, $1.value.clock.description)
        }
    }

    /// Keeps a hint; one for the same node and key that it descends from (or that has its
    /// clock: an earlier put with no get between) is replaced, as the replica would.
    mutating func addHint(_ hint: Hint, at node: NodeIndex) {
        var held = kv.hints[node] ?? []
        let same = held.filter { $0.intended == hint.intended && $0.key == hint.key }
        let merged = merging(hint.value, into: same.map(\.value))
        held.removeAll { $0.intended == hint.intended && $0.key == hint.key }
        held += merged.map { Hint(intended: hint.intended, key: hint.key, value: $0) }
        kv.hints[node] = held
        kv.handedOff = nil
    }

    /// `handoff [NODE]`: every stand-in (or NODE) sends each hint whose intended node it can
    /// reach now; unreachable ones wait for a later handoff.
    mutating func performHandoff(_ only: NodeIndex?) {
        let holders = only.map { [$0] } ?? state.allNodesByID().filter { kv.hints[$0]?.isEmpty == false }
        var sent: [HandoffPair] = []
        defer { kv.handedOff = sent }
        for holder in holders where state.isAlive(holder) {
            let held = hints(at: holder)
            if held.isEmpty, narrates { note(.store, "\(chord.label(holder)): no hints to hand off", node: holder) }
            for hint in held {
                if reachable(hint.intended, from: holder) {
                    if narrates { note(.store, "\(chord.label(holder)): hint for \(chord.label(hint.intended)): \(chord.label(hint.key)) = \(hint.value.value) \(hint.value.clock); \(chord.label(hint.intended)) is reachable again → hand it back", node: holder) }
                    send(from: holder, to: hint.intended, .store(.handoff(key: hint.key, value: hint.value)))
                    sent.append(HandoffPair(holder: holder, intended: hint.intended))
                } else if narrates {
                    note(.store, "\(chord.label(holder)): hint for \(chord.label(hint.intended)) (\(chord.label(hint.key)) = \(hint.value.value)) waits: \(chord.label(hint.intended)) is still unreachable", node: holder)
                }
            }
        }
    }

    /// The intended node stores the value as any put, then acknowledges.
    mutating func deliverHandoff(key: Identifier, value: ClockedValue, from holder: NodeIndex, to node: NodeIndex) {
        storeDynamo(at: node, key: key, value: value, hintFor: nil)
        send(from: node, to: holder, .store(.handoffAck(key: key, value: value)))
        // The ring changed while the hint waited: the intended node passes the value on to
        // the key's first N as a join would (Simulation+DynamoRebalance).
        if !preferenceList(ofKey: key).prefix(kv.replication).contains(node) {
            rebalanceDynamoKey(key, holders: [node], ring: tokenRing())
        }
    }

    /// Acknowledged: the stand-in drops the hint (and only that version of it).
    mutating func handoffAcknowledged(key: Identifier, value: ClockedValue, by node: NodeIndex, at holder: NodeIndex) {
        kv.hints[holder]?.removeAll { $0.intended == node && $0.key == key && $0.value == value }
        if kv.hints[holder]?.isEmpty == true { kv.hints[holder] = nil }
        if narrates { note(.store, "\(chord.label(holder)): \(chord.label(node)) acknowledged \(chord.label(key)) = \(value.value) → drop the hint", node: holder) }
    }
}
