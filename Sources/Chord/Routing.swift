import RingsideKernel

/// find_successor / find_predecessor with the paper's closest_preceding_finger.
///
/// Queries are forwarded node to node (each hop one message) rather than driven by the
/// asker's RPC loop: the route, and so the recorded path, is the same, and a viewer sees
/// every hop as its own message.
extension ChordProtocol {
    /// closest_preceding_finger(key) at `node`: fingers from the m-th down to the first,
    /// the first that lies strictly between the node and the key. The scan starts at the
    /// first finger that can qualify (FingerScan.swift); the answer is the full scan's.
    @inline(__always)
    public func closestPrecedingFinger(_ node: NodeIndex, _ key: Identifier) -> NodeIndex? {
        state.closestPrecedingFinger(node, key)
    }

    /// closest_preceding_finger(key) at `node` for a hop about to be sent there, with the
    /// loads of the next routing step started (RoutingHead.swift).
    @inline(__always)
    mutating func forwardingFinger(_ node: NodeIndex, _ key: Identifier) -> NodeIndex? {
        guard state.bits <= 64 else { return state.closestPrecedingFinger(node, key) }
        return state.forwardingFinger(node, word: key.w0)
    }

    /// Starts a routed query for `key` on behalf of `origin`, entering the ring at `entry`.
    mutating func startQuery(
        key: Identifier, origin: NodeIndex, entry: NodeIndex, mode: QueryMode,
        purpose: QueryPurpose, excludesOrigin: Bool = false, out: inout Effects
    ) {
        let id = nextQueryID
        nextQueryID += 1
        queries[id] = Query(key: key, origin: origin, mode: mode, purpose: purpose)
        let ticket = QueryTicket(id: id, key: key, origin: origin, mode: mode, excludesOrigin: excludesOrigin)
        if iterativeLookups, entry == origin, purpose.followsLookupMode {
            iterativeStep(ticket, at: origin, out: &out)
        } else if entry == origin {
            state.prefetchFirstStep(at: origin)
            route(ticket, at: origin, arrivedFrom: nil, out: &out)
        } else {
            out.send(from: origin, to: entry, .findSuccessor(ticket))
        }
    }

    /// One routing step at `node`, decided from the ticket and the node's own state.
    mutating func route(_ ticket: QueryTicket, at node: NodeIndex, arrivedFrom: NodeIndex?, out: inout Effects) {
        var ticket = ticket
        if arrivedFrom != nil {
            ticket.hops += 1
            if recordsLookupPaths { appendToPath(ticket, node) }
        }
        let key = ticket.key
        guard let successor = state.successor(node), successor != node else {
            out.note(node, "\(label(node)): no other node known → \(label(node)) answers for \(label(key))")
            answer(ticket, owner: node, predecessor: node, from: node, out: &out)
            return
        }
        if state.successorOwns(key, at: node, successor: successor) {
            switch ticket.mode {
            case .predecessor:
                out.note(node, "\(label(node)): \(label(key)) ∈ (\(label(node)),\(label(successor))] → \(label(node)) is the predecessor")
                answer(ticket, owner: successor, predecessor: node, from: node, out: &out)
            case .successor:
                if ticket.excludesOrigin, successor == ticket.origin {
                    let next = follower(ofJoiner: ticket.origin, at: node)
                    out.note(node, "\(label(node)): \(label(key)) ∈ (\(label(node)),\(label(successor))], but \(label(successor)) is the joiner itself → \(label(next)) follows it")
                    answer(ticket, owner: next, predecessor: node, from: node, out: &out)
                    return
                }
                out.note(node, "\(label(node)): \(label(key)) ∈ (\(label(node)),\(label(successor))] → successor \(label(successor)) owns it\(staleOwnerAside(ticket, believed: successor))")
                state.prefetchOwnerStep(at: successor)
                out.send(from: node, to: successor, .ownerReached(ticket))
            }
            return
        }
        if let next = forwardingFinger(node, key) {
            out.note(node, "\(label(node)): \(label(key)) ∉ (\(label(node)),\(label(successor))] → forward to closest preceding finger \(label(next))")
            out.send(from: node, to: next, .findSuccessor(ticket))
        } else {
            out.note(node, "\(label(node)): \(label(key)) ∉ (\(label(node)),\(label(successor))], no finger precedes it → forward to successor \(label(successor))")
            out.send(from: node, to: successor, .findSuccessor(ticket))
        }
    }

    /// The last hop arrived at the owner, which answers the asker.
    mutating func ownerReached(_ ticket: QueryTicket, at node: NodeIndex, out: inout Effects) {
        var ticket = ticket
        ticket.hops += 1
        appendToPath(ticket, node)
        let predecessor = state.predecessor(node) ?? node
        if narrates, ticket.origin != node { narrateLastHop(ticket, at: node, out: &out) }
        answer(ticket, owner: node, predecessor: predecessor, from: node, out: &out)
    }

    /// The last hop's line. The sender took this node for the key's successor, and the
    /// paper's find_successor returns it all the same; "owns" told students a falsehood
    /// when a stale pointer led here. For what a user asked, an observer's aside says
    /// whether this node is the key's live owner; the verdict comes first, as an 80- or
    /// 100-column events line is cut at the end. Narration only: the range test reads the
    /// predecessor's id, a cache miss per lookup on a large ring.
    private func narrateLastHop(_ ticket: QueryTicket, at node: NodeIndex, out: inout Effects) {
        let key = ticket.key
        let p = state.predecessor(node).flatMap { $0 == node ? nil : $0 }
        let inRange = p.map { space.isInOpenClosed(key, state.id($0), state.id(node)) } ?? true
        let owner = asksForUser(ticket) ? state.liveRing.successor(of: key) ?? node : node
        let range = p.map { "\(label(key)) \(inRange ? "∈" : "∉") (\(label($0)),\(label(node))] by its predecessor pointer; " } ?? ""
        let head = "\(label(node)): answers \(label(ticket.origin)) for \(label(key)), "
        if owner != node {
            out.note(node, head + "a wrong owner: \(label(owner)) owns \(label(key)) (\(range)find_successor ends at the successor reached)")
        } else if !inRange, let p {
            out.note(node, head + "its owner after all: its predecessor \(label(p)) is down (\(range)find_successor ends at the successor reached)")
        } else {
            out.note(node, "\(label(node)): owns \(label(key)) → answer \(label(ticket.origin))")
        }
    }

    /// Who follows a recovering node whose old self a stale pointer still names: the next
    /// entry of `node`'s successor list, as before; when the list holds only the joiner
    /// (r = 1), the nearest finger after the joiner, and only then `node` itself. The list
    /// alone fell back on `node` while a finger knew who follows (user test: 24 → 99 → 24).
    /// Fingers come second: they go stale sooner than the list, which Zave's rules keep.
    func follower(ofJoiner joiner: NodeIndex, at node: NodeIndex) -> NodeIndex {
        if let next = state.successorList(node).first(where: { $0 != joiner }) { return next }
        let from = state.id(joiner)
        var best = node
        var bestDistance = space.distance(from: from, to: state.id(node))
        for k in 1...max(1, state.bits) where k <= state.bits {
            guard let f = state.finger(node, k), f != joiner else { continue }
            let d = space.distance(from: from, to: state.id(f))
            if d < bestDistance { (best, bestDistance) = (f, d) }
        }
        return best
    }

    /// An observer's aside when the successor a node takes for a key's owner is not its
    /// live owner (a stale pointer): the routing decision is the node's, the truth is not.
    /// Built only into a narrated note (the note's text is an autoclosure).
    /// Only for what a user asked (`lookup`, a store operation): a joiner is live before
    /// the ring knows it, so the protocol's own queries (a join's, fix-fingers') would be
    /// told of owners that are not ring members yet.
    private func staleOwnerAside(_ ticket: QueryTicket, believed: NodeIndex) -> String {
        guard asksForUser(ticket), let owner = state.liveRing.successor(of: ticket.key), owner != believed else { return "" }
        return " (a wrong owner: \(label(owner)) owns \(label(ticket.key)))"
    }

    /// The query serves a `lookup` command or a store operation.
    private func asksForUser(_ ticket: QueryTicket) -> Bool {
        switch queries[ticket.id]?.purpose {
        case .lookupCommand?, .store?: true
        default: false
        }
    }

    private mutating func answer(
        _ ticket: QueryTicket, owner: NodeIndex, predecessor: NodeIndex, from node: NodeIndex, out: inout Effects
    ) {
        if ticket.origin == node {
            finishQuery(ticket.id, owner: owner, predecessor: predecessor, hops: ticket.hops, at: node, out: &out)
        } else {
            out.send(from: node, to: ticket.origin,
                     .queryResult(query: ticket.id, owner: owner, predecessor: predecessor, hops: ticket.hops))
        }
    }

    /// A lookup whose every route timed out: no other node is left to ask, so it fails at
    /// once (owner null) rather than answering with the node itself.
    mutating func abandonLookup(_ record: Int, key: Identifier, at node: NodeIndex, out: inout Effects) {
        out.note(node, "\(label(node)): no other node left to ask → lookup(\(label(key))) cannot go on")
        markLookupFailed(record)
    }

    /// Records the route of a `lookup` command (an observer's bookkeeping, not node state).
    mutating func appendToPath(_ ticket: QueryTicket, _ node: NodeIndex) {
        guard recordsLookupPaths, case let .lookupCommand(record)? = queries[ticket.id]?.purpose else { return }
        lookups[record].path.append(node)
    }

    /// The asker has its answer; what it does next depends on why it asked.
    mutating func finishQuery(
        _ queryID: UInt64, owner: NodeIndex, predecessor: NodeIndex, hops: Int32, at node: NodeIndex,
        out: inout Effects
    ) {
        guard let query = queries.removeValue(forKey: queryID) else { return }
        switch query.purpose {
        case let .lookupCommand(record):
            lastLookupHops = Int(hops)
            if recordsLookupPaths {
                lookups[record].owner = owner
                if lookups[record].path.last != owner { lookups[record].path.append(owner) }
            }
            out.note(node, "\(label(node)): lookup(\(label(query.key))) → \(label(owner)) after \(hops) hop\(hops == 1 ? "" : "s")")
        case let .fixFinger(k):
            fingerFixed(k, owner: owner, at: node, out: &out)
        case .joinSuccessor:
            joinedSuccessor(owner, at: node, out: &out)
        case let .initFinger(k):
            initFingerFound(k, owner: owner, at: node, out: &out)
        case .initPredecessor:
            initPredecessorFound(predecessor, at: node, out: &out)
        case let .updateOthers(k):
            updateOthersFoundPredecessor(k, predecessor: predecessor, at: node, out: &out)
        case let .store(operation):
            out.effects.append(.storeOwnerFound(operation: operation, owner: owner))
        }
    }

    /// Starts the `lookup KEY from NODE` command.
    public mutating func startLookup(key: Identifier, from node: NodeIndex) -> [ChordEffect] {
        var effects: [ChordEffect] = []
        startLookup(key: key, from: node, into: &effects)
        return effects
    }

    /// Starts the `lookup KEY from NODE` command, appending its effects to `effects` (a
    /// caller that hands in the same emptied buffer allocates no array per lookup).
    public mutating func startLookup(key: Identifier, from node: NodeIndex, into effects: inout [ChordEffect]) {
        var out = Effects(narrates: narrates)
        swap(&out.effects, &effects)
        defer { swap(&out.effects, &effects) }
        let record: Int
        if recordsLookupPaths {
            record = lookups.count
            lookups.append(LookupRecord(key: key, from: node, path: [node], owner: nil))
        } else {
            record = -1
        }
        startQuery(key: key, origin: node, entry: node, mode: .successor, purpose: .lookupCommand(record: record), out: &out)
    }
}

extension ChordProtocol {
    /// The `lookup` command whose route this message is a hop of, if any.
    public func lookupRecord(carriedBy message: ChordMessage) -> Int? {
        switch message {
        case let .findSuccessor(ticket), let .ownerReached(ticket),
             let .nextHopQuery(ticket, _, _), let .nextHopReply(ticket, _, _, _):
            return lookupRecord(ofQuery: ticket.id)
        case let .queryResult(query, _, _, _):
            return lookupRecord(ofQuery: query)
        default:
            return nil
        }
    }

    func lookupRecord(ofQuery query: UInt64) -> Int? {
        if case let .lookupCommand(record)? = queries[query]?.purpose, record >= 0 { return record }
        return nil
    }

    /// Marks a started lookup as failed: nothing of it is in flight any more, so it can
    /// make no more progress (a message or answer was lost). Its asker forgets it.
    public mutating func markLookupFailed(_ record: Int) {
        guard lookups.indices.contains(record), lookups[record].owner == nil, !lookups[record].failed else { return }
        lookups[record].failed = true
        queries.removeAll { if case .lookupCommand(record) = $0.purpose { true } else { false } }
    }

    /// `abandonWaiting`, when anything waits at all: the simulation calls this each time
    /// the network falls quiet (after every benchmark lookup). Mutating, so the caller's
    /// protocol is not copied to ask `isQuiescent` first.
    public mutating func abandonWaitingIfAny() -> [Int] {
        isQuiescent ? [] : abandonWaiting()
    }

    /// Forgets every query and operation still waiting for an answer. Called when nothing
    /// is in flight and no timer is pending: no answer can come any more. Returns the
    /// `lookup` records that were still open (they failed).
    public mutating func abandonWaiting() -> [Int] {
        var failed: [Int] = []
        for query in queries.values {
            if case let .lookupCommand(record) = query.purpose, record >= 0,
               lookups.indices.contains(record), lookups[record].owner == nil {
                lookups[record].failed = true
                failed.append(record)
            }
        }
        queries.removeAll()
        pending.removeAll()
        zave.dropWaiting()
        return failed.sorted()
    }

    /// Counts a message a lookup sent.
    public mutating func countLookupMessage(_ record: Int) {
        guard lookups.indices.contains(record) else { return }
        lookups[record].messages += 1
    }
}
