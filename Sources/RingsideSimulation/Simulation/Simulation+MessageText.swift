import Chord
import RingsideKernel

/// Chord messages in words, for the trace (a drop, a timeout) and for viewers.
extension Simulation {
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
        case let .successorListUpdate(successors): return "my successors: \(successors.map { chord.label($0) }.joined(separator: " "))"
        case .predecessorLeaving: return "leaving: take my keys"
        case let .nextHopQuery(ticket, asksOwner, _):
            return "\(ChordMessageType.name(of: message))(\(chord.label(ticket.key)))\(asksOwner ? " owner?" : "")"
        case let .nextHopReply(_, next, _, done): return done ? "I own it" : "ask \(chord.label(next))"
        }
    }
}
