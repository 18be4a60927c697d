import Bayou
import Chord
import RingsideKernel

/// The protocols that run on the nodes, and the one place the world meets them.
///
/// A protocol plugs in with a message case here and three answers: what to do when one of
/// its messages is delivered, what to do when the transport timer of one it sent fires,
/// and how to name its messages (for the event log, the in-flight list and ShiViz). A
/// third protocol (the key-value store) adds a case and these three, nothing else.
///
/// Bayou's and the store's messages are boxed (`indirect`): inline, a Bayou session item
/// (two ids, a write with its strings) made every message several times larger, and every
/// message moves through the network's slab and the handlers by value. Boxed, a Chord hop
/// moves a third of the bytes and a Bayou item is copied by one retain, not one per field.
public enum WorldMessage: Sendable {
    case chord(ChordMessage)
    indirect case bayou(BayouMessage)
    /// The key-value store (Simulation+Store.swift).
    indirect case store(StoreMessage)
}

extension Simulation {
    /// Hands a delivered message to its receiver's protocol. The message is consumed: a
    /// borrowed one was copied whole just to take its payload apart, on every delivery.
    mutating func handleDelivery(from: NodeIndex, to: NodeIndex, _ payload: consuming WorldMessage) {
        switch consume payload {
        case let .chord(message):
            // Inline rather than through `withChordEffectBuffer`: a closure would capture the
            // envelope, and the handler could not consume it (each delivery then destroyed
            // the message enum through its outlined destroy). The handler appends to the
            // buffer in place; a routing hop's one effect is moved out and applied with no
            // swapping of arrays (a handler reentered from there finds the buffer empty).
            chord.handle(ChordEnvelope(from: from, to: to, message: consume message), into: &chordEffectBuffer)
            if chordEffectBuffer.count == 1 {
                applyOne(chordEffectBuffer.removeLast())
            } else if !chordEffectBuffer.isEmpty {
                var effects: [ChordEffect] = []
                swap(&effects, &chordEffectBuffer)
                applyDraining(&effects)
                swap(&effects, &chordEffectBuffer)
            }
        case let .bayou(message):
            deliverBayou(BayouEnvelope(from: from, to: to, message: message))
        case let .store(message):
            deliverStore(message, from: from, to: to)
        }
    }

    /// Runs a Chord step that appends its effects to the simulation's one reusable buffer,
    /// then applies them: a delivery allocates no array (a reentrant one finds the buffer
    /// taken and uses a fresh one).
    @inline(__always)
    mutating func withChordEffectBuffer(_ body: (inout Simulation, inout [ChordEffect]) -> Void) {
        var effects: [ChordEffect] = []
        swap(&effects, &chordEffectBuffer)
        body(&self, &effects)
        applyDraining(&effects)
        swap(&effects, &chordEffectBuffer)
    }

    /// The transport timer of `packet` fired at its (live) sender.
    mutating func handleTimeout(_ packet: Packet) {
        switch packet.payload {
        case let .chord(message):
            apply(chord.timedOut(ChordEnvelope(from: packet.from, to: packet.to, message: message)))
        case .bayou:
            bayouSessionTimedOut(packet)
        case let .store(message):
            storeTimedOut(message, from: packet.from, to: packet.to)
        }
    }

    /// The message's type as the event log and the in-flight list name it.
    func messageType(_ payload: WorldMessage) -> String {
        switch payload {
        case let .chord(message): return ChordMessageType.name(of: message)
        case let .bayou(message):
            switch message {
            case .request: return "anti_entropy_request"
            case let .item(item):
                switch item.payload {
                case .write: return "anti_entropy_write"
                case .commitNotice: return "anti_entropy_commit"
                case .endOfSession: return "anti_entropy_end"
                }
            }
        case let .store(message): return message.typeName
        }
    }

    /// A short description for a viewer, e.g. `find_successor(15)`.
    func summary(_ packet: Packet) -> String {
        switch packet.payload {
        case let .chord(message): return describe(message)
        case let .bayou(message): return describeBayou(BayouEnvelope(from: packet.from, to: packet.to, message: message))
        case let .store(message): return describeStore(message)
        }
    }
}

/// Chord's message names, the paper's procedure names in snake case.
enum ChordMessageType {
    static func name(of message: ChordMessage) -> String {
        switch message {
        case let .findSuccessor(ticket), let .ownerReached(ticket):
            return ticket.mode == .successor ? "find_successor" : "find_predecessor"
        case .queryResult: return "find_successor_reply"
        case .getPredecessor: return "get_predecessor"
        case .predecessorIs: return "predecessor_reply"
        case .notify: return "notify"
        case .updateFingerTable: return "update_finger_table"
        case .updateFingerTableDone: return "update_finger_table_done"
        case .setPredecessor: return "set_predecessor"
        case .ping: return "ping"
        case .pong: return "pong"
        case .transferKeys: return "transfer_keys"
        case .leaving: return "leaving"
        case .successorListUpdate: return "update_successor_list"
        case .predecessorLeaving: return "predecessor_leaving"
        case .nextHopQuery: return "find_successor_iterative"
        case .nextHopReply: return "find_successor_next_hop"
        }
    }
}
