import RingsideKernel

/// find_successor / find_predecessor with the paper's closest_preceding_finger.
///
/// Queries are forwarded node to node (each hop one message) rather than driven by the
/// asker's RPC loop: the route, and so the recorded path, is the same, and a viewer sees
/// every hop as its own message.
extension ChordProtocol {
    /// closest_preceding_finger(key) at `node`: fingers from the m-th down to the first,
    /// the first that lies strictly between the node and the key.
    public func closestPrecedingFinger(_ node: NodeIndex, _ key: Identifier) -> NodeIndex? {
        let n = state.id(node)
        var k = state.bits
        while k >= 1 {
            if let f = state.finger(node, k), space.isInOpen(state.id(f), n, key) { return f }
            k -= 1
        }
        return nil
    }

    /// Starts a routed query for `key` on behalf of `origin`, entering the ring at `entry`.
    mutating func startQuery(
        key: Identifier, origin: NodeIndex, entry: NodeIndex, mode: QueryMode,
        purpose: QueryPurpose, out: inout Effects
    ) {
        let id = nextQueryID
        nextQueryID += 1
        queries[id] = Query(key: key, origin: origin, mode: mode, purpose: purpose)
        if entry == origin {
            route(id, at: origin, arrivedFrom: nil, out: &out)
        } else {
            out.send(from: origin, to: entry, .findSuccessor(query: id, key: key))
        }
    }

    /// One routing step at `node`.
    mutating func route(_ queryID: UInt64, at node: NodeIndex, arrivedFrom: NodeIndex?, out: inout Effects) {
        guard var query = queries[queryID] else { return }
        if arrivedFrom != nil {
            query.hops += 1
            queries[queryID] = query
            appendToPath(query, node)
        }
        let key = query.key
        let n = state.id(node)
        guard let successor = state.successor(node), successor != node else {
            out.note(node, "\(label(node)): no other node known → \(label(node)) answers for \(label(key))")
            answer(queryID, owner: node, predecessor: node, from: node, out: &out)
            return
        }
        let s = state.id(successor)
        if space.isInOpenClosed(key, n, s) {
            switch query.mode {
            case .predecessor:
                out.note(node, "\(label(node)): \(label(key)) ∈ (\(label(node)),\(label(successor))] → \(label(node)) is the predecessor")
                answer(queryID, owner: successor, predecessor: node, from: node, out: &out)
            case .successor:
                out.note(node, "\(label(node)): \(label(key)) ∈ (\(label(node)),\(label(successor))] → successor \(label(successor)) owns it")
                out.send(from: node, to: successor, .ownerReached(query: queryID, key: key))
            }
            return
        }
        if let next = closestPrecedingFinger(node, key) {
            out.note(node, "\(label(node)): \(label(key)) ∉ (\(label(node)),\(label(successor))] → forward to closest preceding finger \(label(next))")
            out.send(from: node, to: next, .findSuccessor(query: queryID, key: key))
        } else {
            out.note(node, "\(label(node)): \(label(key)) ∉ (\(label(node)),\(label(successor))], no finger precedes it → forward to successor \(label(successor))")
            out.send(from: node, to: successor, .findSuccessor(query: queryID, key: key))
        }
    }

    /// The last hop arrived at the owner, which answers the asker.
    mutating func ownerReached(_ queryID: UInt64, key: Identifier, at node: NodeIndex, out: inout Effects) {
        guard var query = queries[queryID] else { return }
        query.hops += 1
        queries[queryID] = query
        appendToPath(query, node)
        let predecessor = state.predecessor(node) ?? node
        if query.origin != node {
            out.note(node, "\(label(node)): owns \(label(key)) → answer \(label(query.origin))")
        }
        answer(queryID, owner: node, predecessor: predecessor, from: node, out: &out)
    }

    private mutating func answer(
        _ queryID: UInt64, owner: NodeIndex, predecessor: NodeIndex, from node: NodeIndex, out: inout Effects
    ) {
        guard let query = queries[queryID] else { return }
        if query.origin == node {
            finishQuery(queryID, owner: owner, predecessor: predecessor, at: node, out: &out)
        } else {
            out.send(from: node, to: query.origin, .queryResult(query: queryID, owner: owner, predecessor: predecessor))
        }
    }

    private mutating func appendToPath(_ query: Query, _ node: NodeIndex) {
        guard recordsLookupPaths, case let .lookupCommand(record) = query.purpose else { return }
        lookups[record].path.append(node)
    }

    /// The asker has its answer; what it does next depends on why it asked.
    mutating func finishQuery(
        _ queryID: UInt64, owner: NodeIndex, predecessor: NodeIndex, at node: NodeIndex, out: inout Effects
    ) {
        guard let query = queries.removeValue(forKey: queryID) else { return }
        switch query.purpose {
        case let .lookupCommand(record):
            lastLookupHops = query.hops
            if recordsLookupPaths {
                lookups[record].owner = owner
                if lookups[record].path.last != owner { lookups[record].path.append(owner) }
            }
            out.note(node, "\(label(node)): lookup(\(label(query.key))) → \(label(owner)) after \(query.hops) hop\(query.hops == 1 ? "" : "s")")
            out.effects.append(.lookupFinished(record: record))
        case let .fixFinger(k):
            fingerFixed(k, owner: owner, at: node, out: &out)
        case .joinSuccessor:
            joinedSuccessor(owner, at: node, out: &out)
        case let .initFinger(k):
            initFingerFound(k, owner: owner, at: node, out: &out)
        case let .updateOthers(k):
            updateOthersFoundPredecessor(k, predecessor: predecessor, at: node, out: &out)
        }
    }

    /// Starts the `lookup KEY from NODE` command.
    public mutating func startLookup(key: Identifier, from node: NodeIndex) -> [ChordEffect] {
        var out = Effects(narrates: narrates)
        let record: Int
        if recordsLookupPaths {
            record = lookups.count
            lookups.append(LookupRecord(key: key, from: node, path: [node], owner: nil))
        } else {
            record = -1
        }
        startQuery(key: key, origin: node, entry: node, mode: .successor, purpose: .lookupCommand(record: record), out: &out)
        return out.effects
    }
}

extension ChordProtocol {
    /// The `lookup` command whose route this message is a hop of, if any.
    public func lookupRecord(carriedBy message: ChordMessage) -> Int? {
        switch message {
        case let .findSuccessor(query, _), let .ownerReached(query, _), let .queryResult(query, _, _):
            if case let .lookupCommand(record)? = queries[query]?.purpose, record >= 0 { return record }
            return nil
        default:
            return nil
        }
    }
}
