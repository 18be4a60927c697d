import RingsideKernel

/// Leaving, crashing, and what a node does when a message it sent goes unanswered.
extension ChordProtocol {
    /// Crash: the node stops at once; nothing is handed over, its keys are lost.
    public mutating func fail(_ node: NodeIndex) {
        state.markDead(node)
        dropPendingWork(of: node)
    }

    /// Graceful departure: keys to the successor, both neighbours told.
    public mutating func startLeave(_ node: NodeIndex) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        let successor = state.successor(node)
        let predecessor = state.predecessor(node)
        if let successor, successor != node {
            out.note(node, "\(label(node)): leaving → hand \(state.storedKeys(node).count) key(s) to successor \(label(successor))")
            out.send(from: node, to: successor, .predecessorLeaving(newPredecessor: predecessor, keys: state.storedKeys(node)))
            state.setKeys(node, [])
        }
        if let predecessor, predecessor != node {
            out.note(node, "\(label(node)): leaving → tell predecessor \(label(predecessor)) to skip it")
            out.send(from: node, to: predecessor, .leaving(successors: state.successorList(node)))
        }
        state.markDead(node)
        dropPendingWork(of: node)
        return out.effects
    }

    private mutating func dropPendingWork(of node: NodeIndex) {
        for kind in [PendingKind.stabilize, .checkPredecessor, .fixFingers, .join] {
            pending[PendingKey(node, kind)] = nil
        }
    }

    mutating func leaving(_ leaver: NodeIndex, successors: [NodeIndex], at node: NodeIndex, out: inout Effects) {
        let current = state.successorList(node)
        guard current.contains(leaver) else { return }
        let merged: [NodeIndex]
        if current.first == leaver {
            merged = successors + current.dropFirst()
        } else {
            merged = current.filter { $0 != leaver }
        }
        state.setSuccessorList(node, successorList(from: merged.filter { $0 != leaver }, for: node))
        out.note(node, "\(label(node)): \(label(leaver)) left → successor := \(state.successor(node).map { label($0) } ?? "nil")")
    }

    mutating func predecessorLeaving(
        _ leaver: NodeIndex, newPredecessor: NodeIndex?, keys: [Identifier], at node: NodeIndex, out: inout Effects
    ) {
        state.addKeys(node, keys)
        guard state.predecessor(node) == leaver else { return }
        // The leaver's predecessor, which is this node itself when it is left alone
        // (a stabilized one-node ring is its own predecessor).
        let replacement = newPredecessor
        state.setPredecessor(node, replacement)
        out.note(node, "\(label(node)): predecessor \(label(leaver)) left → predecessor := \(replacement.map { label($0) } ?? "nil"), took \(keys.count) key(s)")
    }

    /// The network reports that `original` (sent by this node) got no answer: its target is
    /// down. Treat it as an empty slot everywhere and carry on with what was being done.
    mutating func deliveryFailed(_ original: ChordEnvelope, at node: NodeIndex, out: inout Effects) {
        let dead = original.to
        state.forget(dead, at: node)
        out.note(node, "\(label(node)): \(label(dead)) did not answer → treat it as failed")
        switch original.message {
        case let .findSuccessor(query, _), let .ownerReached(query, _):
            route(query, at: node, arrivedFrom: nil, out: &out)
        case .getPredecessor:
            if pending.removeValue(forKey: PendingKey(node, .stabilize)) != nil {
                startStabilize(node, out: &out)
            }
        case .ping:
            if pending.removeValue(forKey: PendingKey(node, .checkPredecessor)) != nil {
                out.note(node, "\(label(node)): check_predecessor: predecessor := nil")
            }
        case let .updateFingerTable(s, k):
            if s == node {
                continueUpdateOthers(after: k, at: node, out: &out)
            } else {
                out.send(from: node, to: s, .updateFingerTableDone(k: k))
            }
        case let .queryResult(query, _, _):
            queries[query] = nil
        case let .transferKeys(keys):
            state.addKeys(node, keys)
        case let .predecessorLeaving(_, keys):
            state.addKeys(node, keys)
        case .setPredecessor:
            // The joiner's successor died mid-join: start over through the same node.
            if case let .join(via, _)? = pending[PendingKey(node, .join)] {
                state.setSuccessorList(node, [])
                startQuery(key: state.id(node), origin: node, entry: via, mode: .successor, purpose: .joinSuccessor, out: &out)
            }
        case .notify, .predecessorIs, .pong, .leaving, .updateFingerTableDone, .deliveryFailed:
            break
        }
    }
}
