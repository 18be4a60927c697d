import Chord
import RingsideKernel

/// A message on the wire, described for a viewer.
public struct InFlightMessage: Sendable, Equatable {
    public var deliverAt: VirtualTime
    public var from: NodeIndex
    public var to: NodeIndex
    /// The protocol's name for it, e.g. `find_successor(15)` or `notify`.
    public var summary: String
    /// True for Bayou anti-entropy traffic, false for Chord.
    public var isBayou: Bool
    /// The `lookup` command this message carries a hop of, if any (index into lookups).
    public var lookup: Int?
}

extension World {
    /// Messages in flight in delivery order, described (for display; O(m log m)).
    public func inFlightMessages(limit: Int = 64) -> [InFlightMessage] {
        queue.orderedEntries.prefix(limit).map { entry in
            switch entry.payload {
            case let .chord(envelope):
                return InFlightMessage(deliverAt: entry.time, from: envelope.from, to: envelope.to,
                                       summary: describe(envelope.message), isBayou: false,
                                       lookup: chord.lookupRecord(carriedBy: envelope.message))
            case let .bayou(envelope):
                return InFlightMessage(deliverAt: entry.time, from: envelope.from, to: envelope.to,
                                       summary: describeBayou(envelope), isBayou: true, lookup: nil)
            }
        }
    }

    func describe(_ message: ChordMessage) -> String {
        switch message {
        case let .findSuccessor(_, key): return "find_successor(\(chord.label(key)))"
        case let .ownerReached(_, key): return "find_successor(\(chord.label(key))) last hop"
        case let .queryResult(_, owner, _): return "answer: \(chord.label(owner))"
        case .getPredecessor: return "get predecessor"
        case let .predecessorIs(p, _): return "predecessor is \(p.map { chord.label($0) } ?? "nil")"
        case .notify: return "notify"
        case let .updateFingerTable(s, k): return "update_finger_table(\(chord.label(s)), \(k))"
        case let .updateFingerTableDone(k): return "update_finger_table k=\(k) done"
        case .setPredecessor: return "set predecessor"
        case .ping: return "ping"
        case .pong: return "pong"
        case let .transferKeys(keys): return "hand over \(keys.count) key(s)"
        case .leaving: return "leaving: take my successors"
        case .predecessorLeaving: return "leaving: take my keys"
        case let .deliveryFailed(original): return "timeout: \(describe(original.message)) unanswered"
        }
    }
}
