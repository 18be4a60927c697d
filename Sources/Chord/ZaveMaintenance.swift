import RingsideKernel

/// Pamela Zave's corrected ring maintenance ("Reasoning about identifier spaces: How to
/// make Chord correct", IEEE TSE 2017), beside the original in Stabilization.swift.
///
/// Where it differs from the original, and why (her counterexamples):
/// - stabilize rebuilds the whole successor list from the successor's: [succ] + succ's list
///   minus its last entry. A closer node named as the successor's predecessor is adopted
///   only after it answers with its own list, which then becomes ours ([x] + x's list minus
///   the last). The original puts x in front without asking it, so a dead or stale x and
///   a list spliced from two nodes' views can order the ring wrongly.
/// - rectify replaces notify: the notifier becomes predecessor if there is none, if it lies
///   between the old predecessor and the node, or if the old predecessor does not answer a
///   ping. The original relies on a separate check_predecessor having cleared a dead one.
/// - A node that joins is not a member until its first stabilize/rectify cycle ends; no one
///   joins through it before that. The joiner starts with its successor's list, not alone.
/// - A leave hands the keys on and is otherwise a crash: neighbours are not told, the
///   failure rules (next live entry of the successor list; rectify) repair the ring.
extension ChordProtocol {
    /// Chooses the maintenance protocol. Joiners are forgotten: every live node counts as a
    /// member from here on (the caller allows this only when nothing is in flight).
    public mutating func setMaintenance(_ protocol: Maintenance) {
        maintenance = `protocol`
        zave = ZaveBookkeeping()
    }

    /// A live node that has finished joining (Zave's "member"). Under `original`, and for
    /// every node that was up when `zave` was chosen, every live node.
    public func isMember(_ node: NodeIndex) -> Bool {
        state.isAlive(node) && !zave.joiners.contains(node)
    }

    // MARK: Join

    /// The joiner has its successor: ask it for its list. Returns false when there is no
    /// one to ask (the joiner is alone), so the original step ends the join.
    mutating func zaveJoinAsksForList(_ successor: NodeIndex, at node: NodeIndex, out: inout Effects) -> Bool {
        guard successor != node else { return false }
        zave.joinListFrom[node] = successor
        out.note(node, "\(label(node)): successor := \(label(successor)) → ask it for its successor list (zave: a joiner starts with its successor's list)")
        out.send(from: node, to: successor, .getPredecessor)
        return true
    }

    // MARK: Stabilize

    /// A `predecessorIs` reply under zave. Returns false when the original step applies
    /// (a lone node stabilizing with itself).
    mutating func zaveReceivedPredecessor(
        _ x: NodeIndex?, successors: [NodeIndex], from replier: NodeIndex, at node: NodeIndex, out: inout Effects
    ) -> Bool {
        if zave.joinListFrom[node] == replier {
            zave.joinListFrom[node] = nil
            zave.joinTries[node] = nil
            pending[PendingKey(node, .join)] = nil
            state.setSuccessorList(node, successorList(from: [replier] + successors, for: node))
            out.note(node, "\(label(node)): successor list := [\(label(replier))] + \(label(replier))'s list minus the last = \(listText(node)); predecessor stays nil; a member after its first stabilize and rectify")
            return true
        }
        guard replier != node else { return false }
        guard pending[PendingKey(node, .stabilize)] != nil else { return true }
        if let target = zave.adopting[node] {
            guard target == replier else { return true }
            zave.adopting[node] = nil
            pending[PendingKey(node, .stabilize)] = nil
            state.setSuccessorList(node, successorList(from: [replier] + successors, for: node))
            out.note(node, "\(label(node)): \(label(replier)) answered → successor := \(label(replier)), list := [\(label(replier))] + its list minus the last = \(listText(node))")
            sendRectify(from: node, out: &out)
            return true
        }
        let n = state.id(node)
        state.setSuccessorList(node, successorList(from: [replier] + successors, for: node))
        out.note(node, "\(label(node)): list := [\(label(replier))] + \(label(replier))'s list minus the last = \(listText(node))")
        if let x, x != node, x != replier, space.isInOpen(state.id(x), n, state.id(replier)) {
            // Adopt x only once it answers (it may be dead, or not yet know its successor).
            zave.adopting[node] = x
            out.note(node, "\(label(node)): \(label(replier))'s predecessor \(label(x)) ∈ (\(label(node)),\(label(replier))) → ask \(label(x)) for its list before adopting it")
            out.send(from: node, to: x, .getPredecessor)
            return true
        }
        pending[PendingKey(node, .stabilize)] = nil
        sendRectify(from: node, out: &out)
        return true
    }

    /// The stabilize cycle ends by asking the successor to rectify.
    private mutating func sendRectify(from node: NodeIndex, out: inout Effects) {
        guard let successor = state.successor(node), successor != node else { return }
        out.note(node, "\(label(node)): rectify(\(label(node))) → \(label(successor))")
        out.send(from: node, to: successor, .notify)
    }

    /// A `getPredecessor` of Zave's own went unanswered (the generic timeout has already
    /// forgotten the peer). Returns false when it was an ordinary stabilize request, which
    /// the original handling retries with the next live entry of the list.
    mutating func zaveAskTimedOut(_ dead: NodeIndex, at node: NodeIndex, out: inout Effects) -> Bool {
        if zave.joinListFrom[node] == dead {
            zave.joinListFrom[node] = nil
            guard case let .join(via, _)? = pending[PendingKey(node, .join)] else { return true }
            let tries = zave.joinTries[node, default: 0] + 1
            guard tries < ZaveBookkeeping.joinTriesMax else {
                zave.joinTries[node] = nil
                pending[PendingKey(node, .join)] = nil
                state.setSuccessorList(node, [])
                out.note(node, "\(label(node)): join via \(label(via)) gave up after \(tries) tries: each answer named a node that does not answer (last \(label(dead))); once \(label(via)) has noticed (stabilize \(label(via))), stabilize \(label(node)) joins again")
                return true
            }
            zave.joinTries[node] = tries
            out.note(node, "\(label(node)): successor \(label(dead)) died mid-join → ask \(label(via)) again")
            state.setSuccessorList(node, [])
            startQuery(key: state.id(node), origin: node, entry: via, mode: .successor,
                       purpose: .joinSuccessor, excludesOrigin: true, out: &out)
            return true
        }
        if zave.adopting[node] == dead {
            zave.adopting[node] = nil
            guard pending.removeValue(forKey: PendingKey(node, .stabilize)) != nil else { return true }
            out.note(node, "\(label(node)): \(label(dead)) did not answer → not adopted; keep \(listText(node))")
            sendRectify(from: node, out: &out)
            return true
        }
        return false
    }

    // MARK: Rectify

    /// rectify(candidate) at `node`: take the candidate as predecessor if there is none, if
    /// it lies between the old one and the node, or (after a ping) if the old one is dead.
    mutating func rectify(candidate: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard candidate != node else { return }
        // The candidate's first stabilize/rectify cycle is complete: it is a member now.
        zave.joiners.remove(candidate)
        guard let predecessor = state.predecessor(node) else {
            out.note(node, "\(label(node)): rectify(\(label(candidate))): predecessor is nil → predecessor := \(label(candidate))")
            acceptPredecessor(candidate, at: node, out: &out)
            return
        }
        if predecessor == candidate {
            handBackKeys(to: predecessor, at: node, out: &out)
            return
        }
        if space.isInOpen(state.id(candidate), state.id(predecessor), state.id(node)) {
            out.note(node, "\(label(node)): rectify(\(label(candidate))): \(label(candidate)) ∈ (\(label(predecessor)),\(label(node))) → predecessor := \(label(candidate))")
            acceptPredecessor(candidate, at: node, out: &out)
            return
        }
        if var waiting = zave.rectifying[node], waiting.pinged == predecessor {
            // A ping to the same old predecessor is out already; keep the better notifier.
            if space.isInOpen(state.id(candidate), state.id(waiting.candidate), state.id(node)) {
                waiting.candidate = candidate
                zave.rectifying[node] = waiting
            }
            return
        }
        zave.rectifying[node] = (pinged: predecessor, candidate: candidate)
        out.note(node, "\(label(node)): rectify(\(label(candidate))): \(label(candidate)) ∉ (\(label(predecessor)),\(label(node))) → ping \(label(predecessor)); if it is dead, \(label(candidate)) replaces it")
        out.send(from: node, to: predecessor, .ping)
    }

    mutating func zaveRectifyPingAnswered(by peer: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard let waiting = zave.rectifying[node], waiting.pinged == peer else { return }
        zave.rectifying[node] = nil
        out.note(node, "\(label(node)): rectify: predecessor \(label(peer)) answered → keep it")
    }

    mutating func zaveRectifyPingTimedOut(_ dead: NodeIndex, at node: NodeIndex, out: inout Effects) {
        guard let waiting = zave.rectifying[node], waiting.pinged == dead else { return }
        zave.rectifying[node] = nil
        let candidate = waiting.candidate
        if let current = state.predecessor(node), !space.isInOpen(state.id(candidate), state.id(current), state.id(node)) {
            return
        }
        out.note(node, "\(label(node)): rectify: old predecessor \(label(dead)) is dead → predecessor := \(label(candidate))")
        acceptPredecessor(candidate, at: node, out: &out)
    }

    // MARK: Leave

    /// Under zave a leave is a failure preceded by handing the keys on (script.md): the
    /// keys go to the first live successor, and nobody is told anything else.
    mutating func startZaveLeave(_ node: NodeIndex) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        let candidates = heirs(of: node)
        let keys = state.storedKeys(node)
        if let heir = candidates.first, !keys.isEmpty {
            out.note(node, "\(label(node)): leaving (zave) → hand \(keys.count) key(s) to \(label(heir)), then stop as a crash does")
            out.send(from: node, to: heir, .transferKeys(keys))
            state.setKeys(node, [])
            departures[node] = Array(candidates.dropFirst())
        } else {
            out.note(node, "\(label(node)): leaving (zave) → no keys to hand on; it stops as a crash does")
        }
        state.markDead(node)
        dropPendingWork(of: node)
        return out.effects
    }

    private func listText(_ node: NodeIndex) -> String {
        "[" + state.successorList(node).map { label($0) }.joined(separator: ",") + "]"
    }
}
