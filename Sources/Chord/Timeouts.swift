import RingsideKernel

/// What a node does when the transport's timer for a message it sent fires: the message
/// was never delivered (lost, dropped, cut off by a partition, or its target is down).
/// The node cannot tell which, so it treats the peer as failed, as the paper's RPC
/// timeouts do, and carries on with what it was doing. Only a request does that
/// (script.md: "a request that times out makes the sender treat the peer as failed"):
/// a reply that goes undelivered leaves its sender's state alone. The asker, waiting for
/// it, is the one whose own timer speaks.
extension ChordProtocol {
    /// The timer of `original` fired at its sender (`original.from`, which is alive).
    public mutating func timedOut(_ original: ChordEnvelope) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        timedOut(original, at: original.from, out: &out)
        return out.effects
    }

    mutating func timedOut(_ original: ChordEnvelope, at node: NodeIndex, out: inout Effects) {
        guard state.isAlive(node) else {
            departedHandOffFailed(original, at: node, out: &out)
            return
        }
        let dead = original.to
        if original.message.isReply {
            out.note(node, "\(label(node)): its reply to \(label(dead)) was not delivered in time; only an unanswered request marks a peer failed")
            return
        }
        state.forget(dead, at: node)
        out.note(node, "\(label(node)): \(label(dead)) did not answer → treat it as failed")
        switch original.message {
        case let .findSuccessor(ticket), let .ownerReached(ticket):
            // Re-route, unless a `lookup` reaches a node that has just forgotten its last
            // peer: it would answer for the key itself, a wrong owner made up by the
            // timeouts. It can make no more progress, so it fails (script.md v2). The
            // protocol's own queries (join, fix-fingers) keep the lone-node answer, which
            // the cut-off joiner's re-join relies on.
            if let record = lookupRecord(ofQuery: ticket.id), state.successor(node) ?? node == node {
                abandonLookup(record, key: ticket.key, at: node, out: &out)
            } else {
                route(ticket, at: node, arrivedFrom: nil, out: &out)
            }
        case let .nextHopQuery(ticket, _, _):
            iterativeTimedOut(ticket, to: dead, at: node, out: &out)
        case .getPredecessor:
            if maintenance == .zave, zaveAskTimedOut(dead, at: node, out: &out) { break }
            if pending.removeValue(forKey: PendingKey(node, .stabilize)) != nil {
                startStabilize(node, out: &out)
            }
        case .ping:
            zaveRectifyPingTimedOut(dead, at: node, out: &out)
            if pending.removeValue(forKey: PendingKey(node, .checkPredecessor)) != nil {
                out.note(node, "\(label(node)): check_predecessor: predecessor := nil")
            }
        case let .updateFingerTable(s, k):
            if s == node {
                continueUpdateOthers(after: k, at: node, out: &out)
            } else {
                out.send(from: node, to: s, .updateFingerTableDone(k: k))
            }
        case let .transferKeys(keys):
            state.addKeys(node, keys)
        case let .predecessorLeaving(_, keys):
            state.addKeys(node, keys)
        case .setPredecessor:
            // The joiner's successor died mid-join: start over through the same node.
            if case let .join(via, _)? = pending[PendingKey(node, .join)] {
                state.setSuccessorList(node, [])
                startQuery(key: state.id(node), origin: node, entry: via, mode: .successor,
                           purpose: .joinSuccessor, excludesOrigin: true, out: &out)
            }
        case .notify, .leaving, .successorListUpdate, .queryResult, .predecessorIs, .pong, .updateFingerTableDone, .nextHopReply:
            break
        }
    }
}
