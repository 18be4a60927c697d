import RingsideKernel

/// Leaving, crashing, and what a node does when a message it sent goes unanswered.
extension ChordProtocol {
    /// Crash: the node stops at once; nothing is handed over, its keys are lost.
    public mutating func fail(_ node: NodeIndex) {
        state.markDead(node)
        // script.md: "a failure loses the keys the node held" (its routing state stays as
        // it was, for display). A leaver's keys go with its hand-off instead.
        state.setKeys(node, [])
        dropPendingWork(of: node)
    }

    /// Restart of a failed node: empty volatile state; the caller starts its join.
    public mutating func restart(_ node: NodeIndex) {
        state.markRestarted(node)
        dropPendingWork(of: node)
    }

    /// Graceful departure: keys to the first live node of the successor list, both
    /// neighbours told.
    ///
    /// script.md: a leave never loses keys. Crashed entries are skipped (the simulation
    /// knows who is up; the leaver's own timeouts would only delay the same choice), and
    /// the list's remaining entries are kept so that a hand-off that still goes unanswered
    /// is sent on to the next one (`departedHandOffFailed`). When the list names no one
    /// else (a node that never stabilized lists only itself), the predecessor or a finger
    /// takes the keys; only the very last node takes them with it.
    public mutating func startLeave(_ node: NodeIndex) -> [ChordEffect] {
        if maintenance == .zave { return startZaveLeave(node) }
        var out = Effects(narrates: narrates)
        let predecessor = state.predecessor(node)
        let candidates = heirs(of: node)
        let keys = state.storedKeys(node)
        if let heir = candidates.first {
            out.note(node, "\(label(node)): leaving → hand \(keys.count) key(s) to successor \(label(heir))")
            out.send(from: node, to: heir, .predecessorLeaving(newPredecessor: predecessor, keys: keys))
            state.setKeys(node, [])
            departures[node] = Array(candidates.dropFirst())
        }
        if let predecessor, predecessor != node {
            // The predecessor's new successor list starts at the heir, past crashed entries.
            let list = state.successorList(node)
            let successors = candidates.first.flatMap { heir in list.firstIndex(of: heir).map { Array(list[$0...]) } } ?? list
            out.note(node, "\(label(node)): leaving → tell predecessor \(label(predecessor)) to skip it")
            out.send(from: node, to: predecessor, .leaving(successors: successors))
        }
        state.markDead(node)
        dropPendingWork(of: node)
        return out.effects
    }

    /// Who may take a leaver's keys, best first: its live successors, then live fingers,
    /// then its predecessor.
    func heirs(of node: NodeIndex) -> [NodeIndex] {
        var candidates = state.successorList(node)
        candidates += (2...max(2, state.bits)).compactMap { $0 <= state.bits ? state.finger(node, $0) : nil }
        if let predecessor = state.predecessor(node) { candidates.append(predecessor) }
        return candidates.filter { $0 != node && state.isAlive($0) }
    }

    /// True while a departed node still waits to hear whether its key hand-off arrived:
    /// the network must then report a failed hand-off to it although it is down.
    public func isHandingOff(_ node: NodeIndex) -> Bool {
        departures[node] != nil
    }

    /// The leaver's hand-off went unanswered: the keys go to the next successor that is
    /// up, so a leave loses none while anyone is left to take them.
    mutating func departedHandOffFailed(_ original: ChordEnvelope, at node: NodeIndex, out: inout Effects) {
        // Under zave the hand-off is a bare key transfer (the leave is then a failure).
        let keys: [Identifier]
        let resend: ChordMessage
        switch original.message {
        case let .predecessorLeaving(newPredecessor, held):
            keys = held
            resend = .predecessorLeaving(newPredecessor: newPredecessor, keys: held)
        case let .transferKeys(held):
            keys = held
            resend = .transferKeys(held)
        default:
            return
        }
        guard var remaining = departures[node] else { return }
        remaining.removeAll { !state.isAlive($0) || $0 == original.to }
        guard let next = remaining.first else {
            departures[node] = nil
            // Every heir was tried and none was reached (loss, a partition). script.md: a
            // leave never loses keys, so they go, out of band, to the first live node of
            // the successor list, where a leave puts them. Only with no live node left at
            // all do they stay with the leaver.
            if let heir = heirs(of: node).first {
                state.addKeys(heir, keys)
                out.note(node, "\(label(node)): \(label(original.to)) did not take the keys and no one else answered → they reach \(label(heir)) anyway: a leave never loses keys")
            } else {
                state.addKeys(node, keys)
                out.note(node, "\(label(node)): \(label(original.to)) did not take the keys and no live node is left → they stay with \(label(node))")
            }
            return
        }
        departures[node] = Array(remaining.dropFirst())
        out.note(node, "\(label(node)): \(label(original.to)) did not take the keys → hand them to \(label(next))")
        out.send(from: node, to: next, resend)
    }

    mutating func dropPendingWork(of node: NodeIndex) {
        for kind in [PendingKind.stabilize, .checkPredecessor, .fixFingers, .join] {
            pending[PendingKey(node, kind)] = nil
        }
        zave.dropWork(of: node)
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
        replaceFingers(naming: leaver, by: successors.first { $0 != leaver }, at: node)
        out.note(node, "\(label(node)): \(label(leaver)) left → successor := \(state.successor(node).map { label($0) } ?? "nil")")
    }

    /// A neighbour told that `leaver` left knows it is gone (script.md: a successor list
    /// never names a node known to be gone; fingers alike). A finger that named it now names
    /// what follows it, `next` (its successor, or for the leaver's successor the node
    /// itself), which is what successor(start) has become; nil when unknown.
    private mutating func replaceFingers(naming leaver: NodeIndex, by next: NodeIndex?, at node: NodeIndex) {
        for k in 2...max(2, state.bits) where k <= state.bits && state.finger(node, k) == leaver {
            state.setFinger(node, k, next)
        }
    }

    mutating func predecessorLeaving(
        _ leaver: NodeIndex, newPredecessor: NodeIndex?, keys: [Identifier], at node: NodeIndex, out: inout Effects
    ) {
        state.addKeys(node, keys)
        // Its arrival is the transport's acknowledgement: the leaver's hand-off is done.
        departures[leaver] = nil
        // Known to be gone: out of the successor list (a small ring's list wraps round to
        // its predecessor) and the fingers, where what follows the leaver is this node.
        let list = state.successorList(node)
        if list.contains(leaver) {
            let kept = list.filter { $0 != leaver }
            state.setSuccessorList(node, kept.isEmpty ? [node] : kept)
        }
        replaceFingers(naming: leaver, by: node, at: node)
        guard state.predecessor(node) == leaver else { return }
        // The leaver's predecessor, which is this node itself when it is left alone
        // (a stabilized one-node ring is its own predecessor).
        let replacement = newPredecessor
        state.setPredecessor(node, replacement)
        out.note(node, "\(label(node)): predecessor \(label(leaver)) left → predecessor := \(replacement.map { label($0) } ?? "nil"), took \(keys.count) key(s)")
    }
}
