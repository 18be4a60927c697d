import Chord
import RingsideKernel

/// A message on the wire, described for a viewer.
public struct InFlightMessage: Sendable, Equatable {
    /// Its number: `m7` in scripts.
    public var id: MessageID
    public var deliverAt: VirtualTime
    public var from: NodeIndex
    public var to: NodeIndex
    /// The event log's type, e.g. `find_successor`.
    public var type: String
    /// The protocol's name for it, e.g. `find_successor(15)` or `notify`.
    public var summary: String
    /// True for Bayou anti-entropy traffic, false for Chord.
    public var isBayou: Bool
    /// The `lookup` command this message carries a hop of, if any (index into lookups).
    public var lookup: Int?
}

extension Simulation {
    /// Messages in flight in delivery order, described (for display; O(m log m)).
    func inFlightMessages(limit: Int = 64) -> [InFlightMessage] {
        network.inFlight.prefix(limit).map { packet in
            var lookup: Int?
            var isBayou = false
            switch packet.payload {
            case let .chord(message): lookup = chord.lookupRecord(carriedBy: message)
            case .bayou: isBayou = true
            case .store: break
            }
            return InFlightMessage(id: packet.id, deliverAt: packet.due, from: packet.from, to: packet.to,
                                   type: messageType(packet.payload), summary: summary(packet),
                                   isBayou: isBayou, lookup: lookup)
        }
    }

    func describe(_ message: ChordMessage) -> String {
        switch message {
        case let .findSuccessor(ticket): return "\(ChordMessageType.name(of: message))(\(chord.label(ticket.key)))"
        case let .ownerReached(ticket): return "\(ChordMessageType.name(of: message))(\(chord.label(ticket.key))) last hop"
        case let .queryResult(_, owner, _, _): return "answer: \(chord.label(owner))"
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
        case let .nextHopQuery(ticket, asksOwner, _):
            return "\(ChordMessageType.name(of: message))(\(chord.label(ticket.key)))\(asksOwner ? " owner?" : "")"
        case let .nextHopReply(_, next, _, done): return done ? "I own it" : "ask \(chord.label(next))"
        }
    }
}
