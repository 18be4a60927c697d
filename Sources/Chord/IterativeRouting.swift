import RingsideKernel

/// Iterative routing (`lookup-mode iterative`): the asker contacts each node on the path
/// itself, and each answers with the next node to ask, instead of forwarding the query.
/// Every node makes the same closest_preceding_finger decision as in recursive routing,
/// so the path is the same; only who sends the messages differs (2 per node asked,
/// against forwards + 1). Only `lookup` and store queries follow the mode: the ring's
/// own maintenance (joins, fix-fingers) stays recursive.
extension QueryPurpose {
    var followsLookupMode: Bool {
        switch self {
        case .lookupCommand, .store: true
        case .fixFinger, .joinSuccessor, .initFinger, .initPredecessor, .updateOthers: false
        }
    }
}

extension ChordProtocol {
    /// The routing decision at `node` for `key`: the next node to ask and whether it owns
    /// the key; nil when the node knows no other node (it answers for the key itself).
    func nextHop(for key: Identifier, at node: NodeIndex, avoiding avoid: [NodeIndex]) -> (next: NodeIndex, owns: Bool)? {
        guard let first = state.successor(node), first != node else { return nil }
        var successor = first
        if avoid.contains(first) {
            guard let other = state.successorList(node).first(where: { !avoid.contains($0) && $0 != node }) else { return nil }
            successor = other
        }
        let n = state.id(node)
        if space.isInOpenClosed(key, n, state.id(successor)) { return (successor, true) }
        var k = state.firstFingerWorthScanning(node, key)
        while k >= 1 {
            if let f = state.finger(node, k), !avoid.contains(f), space.isInOpen(state.id(f), n, key) { return (f, false) }
            k -= 1
        }
        return (successor, false)
    }

    /// The asker's own step (no message): decide locally, then ask the next node.
    mutating func iterativeStep(_ ticket: QueryTicket, at asker: NodeIndex, out: inout Effects) {
        guard let hop = nextHop(for: ticket.key, at: asker, avoiding: queries[ticket.id]?.avoid ?? []) else {
            out.note(asker, "\(label(asker)): no other node known → \(label(asker)) answers for \(label(ticket.key))")
            finishQuery(ticket.id, owner: asker, predecessor: asker, hops: ticket.hops, at: asker, out: &out)
            return
        }
        out.note(asker, "\(label(asker)): \(describeHop(hop, key: ticket.key, at: asker)) → ask \(label(hop.next)) myself")
        ask(ticket, next: hop.next, asksOwner: hop.owns, asker: asker, out: &out)
    }

    private mutating func ask(_ ticket: QueryTicket, next: NodeIndex, asksOwner: Bool, asker: NodeIndex, out: inout Effects) {
        if next == asker {
            // The asker itself owns the key: it handles the last step without a message.
            var ticket = ticket
            ticket.hops += 1
            appendToPath(ticket, asker)
            finishQuery(ticket.id, owner: asker, predecessor: state.predecessor(asker) ?? asker, hops: ticket.hops, at: asker, out: &out)
            return
        }
        out.send(from: asker, to: next, .nextHopQuery(ticket, asksOwner: asksOwner, avoiding: queries[ticket.id]?.avoid ?? []))
    }

    /// A node on the path answers the asker with the next node to ask.
    mutating func answerNextHop(
        _ ticket: QueryTicket, asksOwner: Bool, avoiding avoid: [NodeIndex], at node: NodeIndex, out: inout Effects
    ) {
        var ticket = ticket
        ticket.hops += 1
        appendToPath(ticket, node)
        if asksOwner {
            out.note(node, "\(label(node)): owns \(label(ticket.key)) → tell \(label(ticket.origin))")
            out.send(from: node, to: ticket.origin, .nextHopReply(ticket, next: node, nextOwns: true, done: true))
            return
        }
        guard let hop = nextHop(for: ticket.key, at: node, avoiding: avoid) else {
            out.note(node, "\(label(node)): no other node known → \(label(node)) answers for \(label(ticket.key))")
            out.send(from: node, to: ticket.origin, .nextHopReply(ticket, next: node, nextOwns: true, done: true))
            return
        }
        out.note(node, "\(label(node)): \(describeHop(hop, key: ticket.key, at: node)) → tell \(label(ticket.origin)) to ask \(label(hop.next))")
        out.send(from: node, to: ticket.origin, .nextHopReply(ticket, next: hop.next, nextOwns: hop.owns, done: false))
    }

    /// The asker hears where to go next.
    mutating func continueIterative(
        _ ticket: QueryTicket, next: NodeIndex, nextOwns: Bool, done: Bool, at asker: NodeIndex, out: inout Effects
    ) {
        guard queries[ticket.id] != nil else { return }
        if done {
            finishQuery(ticket.id, owner: next, predecessor: next, hops: ticket.hops, at: asker, out: &out)
        } else {
            ask(ticket, next: next, asksOwner: nextOwns, asker: asker, out: &out)
        }
    }

    /// The node asked did not answer (the asker already forgot it): the asker starts
    /// again from its own, now corrected, routing state; with no one left, a `lookup` fails.
    mutating func iterativeTimedOut(_ ticket: QueryTicket, to dead: NodeIndex, at asker: NodeIndex, out: inout Effects) {
        guard var query = queries[ticket.id] else { return }
        if !query.avoid.contains(dead) { query.avoid.append(dead) }
        queries[ticket.id] = query
        let stuck = nextHop(for: ticket.key, at: asker, avoiding: query.avoid).map { _ in false } ?? true
        if let record = lookupRecord(ofQuery: ticket.id), stuck {
            abandonLookup(record, key: ticket.key, at: asker, out: &out)
        } else {
            iterativeStep(ticket, at: asker, out: &out)
        }
    }

    private func describeHop(_ hop: (next: NodeIndex, owns: Bool), key: Identifier, at node: NodeIndex) -> String {
        let successor = state.successor(node) ?? node
        let range = "(\(label(node)),\(label(successor))]"
        if hop.owns { return "\(label(key)) ∈ \(range), successor \(label(hop.next)) owns it" }
        return "\(label(key)) ∉ \(range), closest preceding finger \(label(hop.next))"
    }
}

extension ChordProtocol {
    /// Starts the owner lookup of a key-value store operation at its coordinator, by the
    /// current lookup mode; `storeOwnerFound` reports the answer.
    public mutating func startStoreQuery(key: Identifier, from node: NodeIndex, operation: Int) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        startQuery(key: key, origin: node, entry: node, mode: .successor, purpose: .store(operation: operation), out: &out)
        return out.effects
    }
}
