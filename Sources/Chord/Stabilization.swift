import RingsideKernel

/// The stabilize-based protocol: join, stabilize, notify, fix_fingers, check_predecessor.
extension ChordProtocol {
    /// One stabilize at `node`: ask the successor for its predecessor.
    public mutating func startStabilize(_ node: NodeIndex) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        startStabilize(node, out: &out)
        return out.effects
    }

    mutating func startStabilize(_ node: NodeIndex, out: inout Effects) {
        guard let successor = state.successor(node) else {
            // A join that gave up (its entry kept naming dead nodes) left no successor:
            // try the entry again, which may have noticed by now.
            if let via = joinedVia[node], via != node, state.isAlive(via), pending[PendingKey(node, .join)] == nil {
                pending[PendingKey(node, .join)] = .join(via: via, eager: false)
                out.note(node, "\(label(node)): stabilize: no successor known → join again via \(label(via)): find_successor(\(label(node)))")
                startQuery(key: state.id(node), origin: node, entry: via, mode: .successor, purpose: .joinSuccessor,
                           excludesOrigin: true, out: &out)
                return
            }
            out.note(node, "\(label(node)): stabilize: no successor known, nothing to ask")
            return
        }
        if successor == node, state.predecessor(node) == nil, let via = joinedVia[node], via != node,
           pending[PendingKey(node, .join)] == nil {
            rejoin(node, via: via, out: &out)
            return
        }
        pending[PendingKey(node, .stabilize)] = .stabilize
        if successor == node {
            receivePredecessor(state.predecessor(node), successors: state.successorList(node), from: node, at: node, out: &out)
            return
        }
        out.note(node, "\(label(node)): stabilize → ask successor \(label(successor)) for its predecessor")
        out.send(from: node, to: successor, .getPredecessor)
    }

    /// x = successor.predecessor arrived (for stabilize, or for an eager join's init step).
    mutating func receivePredecessor(
        _ x: NodeIndex?, successors: [NodeIndex], from successor: NodeIndex, at node: NodeIndex, out: inout Effects
    ) {
        if case let .join(via, true)? = pending[PendingKey(node, .join)] {
            eagerJoinLearnedPredecessor(x, successors: successors, from: successor, via: via, at: node, out: &out)
            return
        }
        if maintenance == .zave, zaveReceivedPredecessor(x, successors: successors, from: successor, at: node, out: &out) {
            return
        }
        guard pending.removeValue(forKey: PendingKey(node, .stabilize)) != nil else { return }
        let n = state.id(node)
        var newSuccessor = successor
        if let x, x != node, space.isInOpen(state.id(x), n, state.id(successor)) {
            newSuccessor = x
            out.note(node, "\(label(node)): \(label(successor))'s predecessor is \(label(x)); \(label(x)) ∈ (\(label(node)),\(label(successor))) → successor := \(label(x))")
        } else if let x {
            out.note(node, "\(label(node)): \(label(successor))'s predecessor is \(label(x)); \(label(x)) ∉ (\(label(node)),\(label(successor))) → keep successor \(label(successor))")
        } else {
            out.note(node, "\(label(node)): \(label(successor)) has no predecessor → keep successor \(label(successor))")
        }
        let candidates = (newSuccessor == successor ? [successor] : [newSuccessor, successor]) + successors
        state.setSuccessorList(node, successorList(from: candidates, for: node))
        if newSuccessor != node {
            out.note(node, "\(label(node)): notify(\(label(node))) → \(label(newSuccessor))")
            out.send(from: node, to: newSuccessor, .notify)
        } else if state.predecessor(node) == nil {
            // Alone, the node notifies itself (paper, Fig. 7): its predecessor becomes itself.
            state.setPredecessor(node, node)
        }
    }

    /// A successor list built from candidates (nearest first): without `node` itself,
    /// at most r long; a node alone is its own successor.
    ///
    /// Each entry must lie further clockwise from `node` than the one before it. On a ring
    /// with fewer than r + 1 live nodes the list copied from the successor wraps around
    /// past `node`, and what follows the wrap (the successor again, or a dead node that
    /// lies just after `node` and that `node` itself has just forgotten) would otherwise
    /// stay in the tail for ever: nothing ever contacts a tail entry to find it stale.
    /// Cutting at the first entry that is not further on drops exactly that part.
    func successorList(from candidates: [NodeIndex], for node: NodeIndex) -> [NodeIndex] {
        var list: [NodeIndex] = []
        let n = state.id(node)
        var reached = Identifier.zero
        for c in candidates {
            let distance = space.distance(from: n, to: state.id(c))
            if distance <= reached { break }
            list.append(c)
            reached = distance
            if list.count == state.successorListLength { break }
        }
        return list.isEmpty ? [node] : list
    }

    /// notify(n') at `node`: if pred = nil or n' ∈ (pred, n) then pred = n'.
    mutating func notify(candidate: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard candidate != node else { return }
        if let predecessor = state.predecessor(node) {
            if space.isInOpen(state.id(candidate), state.id(predecessor), state.id(node)) {
                out.note(node, "\(label(node)): notify(\(label(candidate))): \(label(candidate)) ∈ (\(label(predecessor)),\(label(node))) → predecessor := \(label(candidate))")
                acceptPredecessor(candidate, at: node, out: &out)
            } else {
                out.note(node, "\(label(node)): notify(\(label(candidate))): \(label(candidate)) ∉ (\(label(predecessor)),\(label(node))) → keep predecessor \(label(predecessor))")
                if candidate == predecessor { handBackKeys(to: predecessor, at: node, out: &out) }
            }
        } else {
            out.note(node, "\(label(node)): notify(\(label(candidate))): predecessor is nil → predecessor := \(label(candidate))")
            acceptPredecessor(candidate, at: node, out: &out)
        }
    }

    /// Sets the predecessor and hands it the keys outside (p, n].
    mutating func acceptPredecessor(_ predecessor: NodeIndex, at node: NodeIndex, out: inout Effects) {
        state.setPredecessor(node, predecessor)
        handBackKeys(to: predecessor, at: node, out: &out)
    }

    /// Hands the predecessor p every held key outside (p, n].
    ///
    /// Such a key is not this node's: the live node p lies at or after the key, so its
    /// owner lies in [key, p]. Keys get here from a leave (to the leaver's first live
    /// successor, which need not be the new owner) or from a successor that hands on
    /// what it holds for the nodes before us. Sending them back one predecessor at a time
    /// never passes the owner, which keeps them, so after `settle` every key is at its owner.
    /// Called on every notify from the predecessor, not only when it changes, because a
    /// key can arrive after the predecessor was set.
    mutating func handBackKeys(to predecessor: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard predecessor != node else { return }
        let p = state.id(predecessor)
        let n = state.id(node)
        let held = state.storedKeys(node)
        let moving = held.filter { !space.isInOpenClosed($0, p, n) }
        guard !moving.isEmpty else { return }
        state.setKeys(node, held.filter { space.isInOpenClosed($0, p, n) })
        out.note(node, "\(label(node)): hand \(moving.count) key\(moving.count == 1 ? "" : "s") outside (\(label(predecessor)),\(label(node))] to predecessor \(label(predecessor))")
        out.send(from: node, to: predecessor, .transferKeys(moving))
    }

    /// check_predecessor at `node`: ping it; no answer clears it.
    public mutating func startCheckPredecessor(_ node: NodeIndex) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        guard let predecessor = state.predecessor(node), predecessor != node else { return [] }
        pending[PendingKey(node, .checkPredecessor)] = .checkPredecessor
        out.note(node, "\(label(node)): check_predecessor → ping \(label(predecessor))")
        out.send(from: node, to: predecessor, .ping)
        return out.effects
    }

    /// fix_fingers at `node`: refresh fingers 1 ... m by lookups from the node itself.
    /// (The lookup for finger 1 returns the current successor, and so also checks that it
    /// is alive.) A finger whose start falls before the node the previous lookup returned
    /// takes that answer without a lookup of its own, so a refresh costs O(log N) lookups
    /// rather than m.
    public mutating func startFixFingers(_ node: NodeIndex) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        pending[PendingKey(node, .fixFingers)] = .fixFingers
        fixFinger(1, at: node, out: &out)
        return out.effects
    }

    private mutating func fixFinger(_ k: Int, at node: NodeIndex, out: inout Effects) {
        startQuery(key: state.fingerStart(node, k), origin: node, entry: node, mode: .successor,
                   purpose: .fixFinger(k: k), out: &out)
    }

    mutating func fingerFixed(_ k: Int, owner: NodeIndex, at node: NodeIndex, out: inout Effects) {
        let before = state.finger(node, k)
        state.setFinger(node, k, owner)
        if before != owner {
            out.note(node, "\(label(node)): fix_fingers: finger[\(k)] (start \(label(state.fingerStart(node, k)))) \(before.map { label($0) } ?? "nil") → \(label(owner))")
        }
        // finger[k+1].start ∈ [n, finger[k].node) means the lookup just made answers that
        // start too (the init_finger_table shortcut): copy it instead of asking again.
        var next = k + 1
        let n = state.id(node)
        while next <= state.bits, owner != node,
              space.isInClosedOpen(state.fingerStart(node, next), n, state.id(owner)) {
            state.setFinger(node, next, owner)
            next += 1
        }
        if next <= state.bits {
            fixFinger(next, at: node, out: &out)
        } else {
            pending[PendingKey(node, .fixFingers)] = nil
        }
    }

    /// join(n') in either mode. The new node must already be in `state` (alive, no pointers).
    public mutating func startJoin(_ node: NodeIndex, via entry: NodeIndex, eager: Bool) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        joinedVia[node] = entry
        state.setPredecessor(node, nil)
        if maintenance == .zave { zave.joiners.insert(node) }
        pending[PendingKey(node, .join)] = .join(via: entry, eager: eager)
        out.note(node, "\(label(node)): join via \(label(entry)) → ask it for find_successor(\(label(node)))")
        startQuery(key: state.id(node), origin: node, entry: entry, mode: .successor, purpose: .joinSuccessor,
                   excludesOrigin: true, out: &out)
        return out.effects
    }

    mutating func joinedSuccessor(_ successor: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard case let .join(via, eager)? = pending[PendingKey(node, .join)] else { return }
        state.setSuccessorList(node, [successor])
        if successor == node, !eager {
            // The entry point did not answer (a join's own lookup never names the joiner
            // otherwise): the node is alone, and asking through it again is no use.
            joinedVia[node] = nil
        }
        if eager {
            eagerJoinFoundSuccessor(successor, via: via, at: node, out: &out)
            return
        }
        if maintenance == .zave, zaveJoinAsksForList(successor, at: node, out: &out) { return }
        pending[PendingKey(node, .join)] = nil
        out.note(node, "\(label(node)): successor := \(label(successor)); predecessor stays nil until stabilize and notify")
    }


    /// A joined node that lost every successor and has no finger or predecessor left knows
    /// no one: without help it would call itself a ring of one for ever while the others
    /// route around it. It joins again through the node it first joined via, stabilize
    /// style (settle's stabilize and fix_fingers repair the rest), as an eager join does
    /// when its successor dies mid-join.
    mutating func rejoin(_ node: NodeIndex, via: NodeIndex, out: inout Effects) {
        pending[PendingKey(node, .join)] = .join(via: via, eager: false)
        out.note(node, "\(label(node)): every successor is gone and no other node is known → join again via \(label(via)): find_successor(\(label(node)))")
        startQuery(key: state.id(node), origin: node, entry: via, mode: .successor, purpose: .joinSuccessor, out: &out)
    }
}
