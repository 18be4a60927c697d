import RingsideKernel

/// The original Chord join (Stoica et al., SIGCOMM 2001, Fig. 6): init_finger_table, then
/// update_others sends update_finger_table(n, k) backwards around the ring.
///
/// Two corrections to the published pseudocode, both known from the literature:
/// - update_others asks find_predecessor(n − 2^(k−1) + 1), not (n − 2^(k−1)): a node sitting
///   exactly at n − 2^(k−1) has finger k start at n and must point to n, but
///   find_predecessor of its own id returns the node before it.
/// - update_finger_table tests s ∈ [n, finger[k].node) with s ≠ n, so the chain cannot come
///   back to the joiner and point one of its fingers at itself.
/// - init_finger_table points a finger whose start lies in (predecessor, n] at n itself: the
///   node it asks does not know n yet and would name n's successor.
/// - A recovering node's successor may still name the node itself as its predecessor (a
///   pointer to its former self): predecessor = successor.predecessor would make the node
///   its own predecessor, and (n, n] every finger start. It asks find_predecessor(n) through
///   its entry node instead, as a new node in its place would have copied that node.
/// Fingers are updated for k = m down to 1, the order the lecture slides walk through
/// ("the case i = 5 is completed, what about i = 4?"); each chain ends before the next starts.
extension ChordProtocol {
    mutating func eagerJoinFoundSuccessor(_ successor: NodeIndex, via: NodeIndex, at node: NodeIndex, out: inout Effects) {
        out.note(node, "\(label(node)): init_finger_table: finger[1] = successor = \(label(successor)); ask it for its predecessor and become it")
        if successor == node {
            eagerJoinLearnedPredecessor(nil, successors: [], from: node, via: via, at: node, out: &out)
        } else {
            out.send(from: node, to: successor, .setPredecessor)
        }
    }

    mutating func eagerJoinLearnedPredecessor(
        _ predecessor: NodeIndex?, successors: [NodeIndex], from successor: NodeIndex,
        via: NodeIndex, at node: NodeIndex, out: inout Effects
    ) {
        state.setSuccessorList(node, successorList(from: [successor] + successors, for: node))
        if predecessor == node {
            out.note(node, "\(label(node)): \(label(successor))'s predecessor is \(label(node)) itself (a pointer from before it failed) → ask \(label(via)) for find_predecessor(\(label(node)))")
            startQuery(key: state.id(node), origin: node, entry: via, mode: .predecessor, purpose: .initPredecessor, out: &out)
            return
        }
        state.setPredecessor(node, predecessor)
        if let predecessor {
            out.note(node, "\(label(node)): predecessor := \(label(predecessor)) (was \(label(successor))'s)")
        }
        initFinger(from: 2, via: via, at: node, out: &out)
    }

    mutating func initPredecessorFound(_ predecessor: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard case let .join(via, true)? = pending[PendingKey(node, .join)] else { return }
        state.setPredecessor(node, predecessor == node ? nil : predecessor)
        if predecessor != node {
            out.note(node, "\(label(node)): predecessor := \(label(predecessor)) (find_predecessor(\(label(node))))")
        }
        initFinger(from: 2, via: via, at: node, out: &out)
    }

    /// for i = 1 to m−1: if finger[i+1].start ∈ [n, finger[i].node) reuse it, else ask n'.
    private mutating func initFinger(from first: Int, via: NodeIndex, at node: NodeIndex, out: inout Effects) {
        var k = first
        let n = state.id(node)
        while k <= state.bits {
            let start = state.fingerStart(node, k)
            if let predecessor = state.predecessor(node), space.isInOpenClosed(start, state.id(predecessor), n) {
                state.setFinger(node, k, node)
                k += 1
                continue
            }
            if let previous = state.finger(node, k - 1), space.isInClosedOpen(start, n, state.id(previous)), previous != node {
                state.setFinger(node, k, previous)
                k += 1
                continue
            }
            out.note(node, "\(label(node)): init_finger_table: finger[\(k)].start = \(label(start)) → ask \(label(via)) for find_successor(\(label(start)))")
            startQuery(key: start, origin: node, entry: via, mode: .successor, purpose: .initFinger(k: k), out: &out)
            return
        }
        out.note(node, "\(label(node)): finger table initialised → update_others")
        updateOthers(k: state.bits, at: node, out: &out)
    }

    mutating func initFingerFound(_ k: Int, owner: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard case let .join(via, true)? = pending[PendingKey(node, .join)] else { return }
        state.setFinger(node, k, owner)
        initFinger(from: k + 1, via: via, at: node, out: &out)
    }

    /// update_others, step k: p = find_predecessor(n − 2^(k−1) + 1); p.update_finger_table(n, k).
    private mutating func updateOthers(k: Int, at node: NodeIndex, out: inout Effects) {
        let target = space.add(space.subtract(state.id(node), Identifier.powerOfTwo(k - 1)), 1)
        startQuery(key: target, origin: node, entry: node, mode: .predecessor, purpose: .updateOthers(k: k), out: &out)
    }

    mutating func updateOthersFoundPredecessor(_ k: Int, predecessor p: NodeIndex, at node: NodeIndex, out: inout Effects) {
        if p == node {
            continueUpdateOthers(after: k, at: node, out: &out)
            return
        }
        out.note(node, "\(label(node)): update_others k=\(k): update_finger_table(\(label(node)), \(k)) → \(label(p))")
        out.send(from: node, to: p, .updateFingerTable(s: node, k: k))
    }

    /// update_finger_table(s, k) at `node`.
    mutating func updateFingerTable(s: NodeIndex, k: Int, at node: NodeIndex, out: inout Effects) {
        let current = state.finger(node, k)
        func interval() -> String { "[\(label(node)),\(current.map { label($0) } ?? "nil"))" }
        let improves = s != node && (current.map { space.isInClosedOpen(state.id(s), state.id(node), state.id($0)) } ?? true)
        guard improves else {
            out.note(node, "\(label(node)): update_finger_table(\(label(s)), \(k)): \(label(s)) ∉ \(interval()) → no update needed")
            out.send(from: node, to: s, .updateFingerTableDone(k: k))
            return
        }
        let listBefore = state.successorList(node)
        state.setFinger(node, k, s)
        if k == 1 { passSuccessorList(changedFrom: listBefore, at: node, out: &out) }
        let next = state.predecessor(node)
        if let next, next != s, next != node {
            out.note(node, "\(label(node)): \(label(s)) ∈ \(interval()) → finger[\(k)] := \(label(s)); pass to predecessor \(label(next))")
            out.send(from: node, to: next, .updateFingerTable(s: s, k: k))
        } else {
            out.note(node, "\(label(node)): \(label(s)) ∈ \(interval()) → finger[\(k)] := \(label(s))")
            out.send(from: node, to: s, .updateFingerTableDone(k: k))
        }
    }

    /// The successor list of `node` may have changed (its successor is now a joiner, or the
    /// list of its successor did): it tells its predecessor, whose list is `node` followed
    /// by it. The paper's join keeps no lists; without this, the nodes two or more places
    /// before a joiner kept lists that skip it until stabilize, though the join "is
    /// complete when the command ends" (script.md). The chain stops where a list stays
    /// the same, at most r − 1 nodes back.
    mutating func passSuccessorList(changedFrom before: [NodeIndex], at node: NodeIndex, out: inout Effects) {
        let list = state.successorList(node)
        guard list != before else { return }
        let text = "\(label(node)): successor list := \(list.map { label($0) }.joined(separator: " "))"
        guard let predecessor = state.predecessor(node), predecessor != node else {
            out.note(node, text)
            return
        }
        out.note(node, text + " → tell predecessor \(label(predecessor))")
        out.send(from: node, to: predecessor, .successorListUpdate(successors: list))
    }

    /// update_successor_list at `node`: its successor `sender` says what follows it.
    mutating func successorListUpdated(_ sender: NodeIndex, successors: [NodeIndex], at node: NodeIndex, out: inout Effects) {
        let before = state.successorList(node)
        guard state.successor(node) == sender else {
            out.note(node, "\(label(node)): \(label(sender)) is not its successor → ignore its list")
            return
        }
        state.setSuccessorList(node, successorList(from: [sender] + successors, for: node))
        if state.successorList(node) == before {
            out.note(node, "\(label(node)): successor list \(before.map { label($0) }.joined(separator: " ")) unchanged")
            return
        }
        passSuccessorList(changedFrom: before, at: node, out: &out)
    }

    /// The chain for finger k has ended: go on with k − 1, or finish the join.
    mutating func continueUpdateOthers(after k: Int, at node: NodeIndex, out: inout Effects) {
        guard case .join(_, true)? = pending[PendingKey(node, .join)] else { return }
        if k > 1 {
            updateOthers(k: k - 1, at: node, out: &out)
        } else {
            pending[PendingKey(node, .join)] = nil
            out.note(node, "\(label(node)): join complete")
        }
    }
}
