import RingsideKernel

/// Leaving, crashing, and what a node does when a message it sent goes unanswered.
extension ChordProtocol {
    /// Crash: the node stops at once; nothing is handed over, its keys are lost.
    public mutating func fail(_ node: NodeIndex) {
        state.markDead(node)
        dropPendingWork(of: node)
    }

    /// Restart of a failed node: empty volatile state; the caller starts its join.
    public mutating func restart(_ node: NodeIndex) {
        state.markRestarted(node)
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
}
