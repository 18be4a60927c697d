import RingsideKernel

/// What `ringside explore` (the bounded model checker) needs to see of the protocol's
/// hidden state: what each node waits for, its open queries, and Zave's bookkeeping.
///
/// Two runs that reach the same routing state by different paths number their queries
/// differently; the fingerprint names a query by what it is (key, asker, purpose), never by
/// its number, and a node by its identifier, never by its index, so such states compare equal.
extension ChordProtocol {
    /// Whether `node` is in the middle of a stabilize (it waits for its successor's answer).
    public func isStabilizing(_ node: NodeIndex) -> Bool { pending[PendingKey(node, .stabilize)] != nil }
    /// Whether `node` waits for its predecessor's answer to check_predecessor's ping.
    public func isCheckingPredecessor(_ node: NodeIndex) -> Bool { pending[PendingKey(node, .checkPredecessor)] != nil }
    /// Whether `node` is refreshing its fingers.
    public func isFixingFingers(_ node: NodeIndex) -> Bool { pending[PendingKey(node, .fixFingers)] != nil }
    /// Whether `node` is joining (its join has not ended yet).
    public func isJoining(_ node: NodeIndex) -> Bool { pending[PendingKey(node, .join)] != nil }

    /// The nodes joins under way depend on: each joiner's entry node and the successor it
    /// waits on for a list. Zave's join is one atomic step, so her assumptions say nothing
    /// about these crashing mid-join (`ringside check` judges such a crash as outside them).
    public var joinDependencies: Set<NodeIndex> {
        var nodes = Set<NodeIndex>()
        for (key, operation) in pending where key.kind == .join {
            if case let .join(via, _) = operation { nodes.insert(via) }
        }
        for successor in zave.joinListFrom.values { nodes.insert(successor) }
        return nodes
    }

    /// Appends a canonical encoding of everything the protocol remembers beyond `state`
    /// (pending operations, open queries, join entry points, Zave's bookkeeping).
    /// `id` writes an identifier canonically (e.g. rotated, for symmetry); a node is
    /// written as its identifier.
    public func explorationFingerprint(into out: inout [UInt64], id: (Identifier) -> UInt64) {
        func ref(_ n: NodeIndex) -> UInt64 { n < 0 ? UInt64.max : id(state.id(n)) }
        var items: [[UInt64]] = []
        for (key, operation) in pending {
            var item: [UInt64] = [1, ref(key.node), UInt64(key.kind.rawValue)]
            if case let .join(via, eager) = operation { item += [ref(via), eager ? 1 : 0] }
            items.append(item)
        }
        for query in queries.values {
            var item: [UInt64] = [2]
            encode(query, into: &item, id: id)
            items.append(item)
        }
        for (joiner, via) in joinedVia { items.append([3, ref(joiner), ref(via)]) }
        for (leaver, heirs) in departures { items.append([4, ref(leaver)] + heirs.map(ref)) }
        for joiner in zave.joiners { items.append([5, ref(joiner)]) }
        for (a, b) in zave.adopting { items.append([6, ref(a), ref(b)]) }
        for (a, b) in zave.joinListFrom { items.append([7, ref(a), ref(b)]) }
        for (a, w) in zave.rectifying { items.append([8, ref(a), ref(w.pinged), ref(w.candidate)]) }
        for (a, tries) in zave.joinTries { items.append([9, ref(a), UInt64(tries)]) }
        items.sort { $0.lexicographicallyPrecedes($1) }
        out.append(UInt64(items.count))
        for item in items {
            out.append(UInt64(item.count))
            out += item
        }
    }

    /// Appends a canonical encoding of one message: its kind and content, with nodes named
    /// by `ref` and a query ticket by the query it belongs to (hop counts left out: they
    /// only feed statistics).
    public func explorationEncode(_ message: ChordMessage, into out: inout [UInt64], id: (Identifier) -> UInt64) {
        func ref(_ n: NodeIndex) -> UInt64 { n < 0 ? UInt64.max : id(state.id(n)) }
        func node(_ n: NodeIndex?) -> UInt64 { n.map(ref) ?? UInt64.max }
        func ticket(_ t: QueryTicket) {
            if let query = queries[t.id] {
                encode(query, into: &out, id: id)
            } else {
                out += [0xdead, id(t.key), ref(t.origin), t.mode == .successor ? 0 : 1]
            }
            out.append(t.excludesOrigin ? 1 : 0)
        }
        switch message {
        case let .findSuccessor(t): out.append(10); ticket(t)
        case let .ownerReached(t): out.append(11); ticket(t)
        case let .queryResult(query, owner, predecessor, _):
            out.append(12)
            if let q = queries[query] { encode(q, into: &out, id: id) } else { out.append(0xdead) }
            out += [ref(owner), predecessor < 0 ? UInt64.max : ref(predecessor)]
        case .getPredecessor: out.append(13)
        case let .predecessorIs(p, successors):
            out += [14, node(p), UInt64(successors.count)] + successors.map(ref)
        case .notify: out.append(15)
        case let .updateFingerTable(s, k): out += [16, ref(s), UInt64(k)]
        case let .updateFingerTableDone(k): out += [17, UInt64(k)]
        case .setPredecessor: out.append(18)
        case .ping: out.append(19)
        case .pong: out.append(20)
        case let .transferKeys(keys): out += [21, UInt64(keys.count)] + keys.map(id)
        case let .leaving(successors): out += [22, UInt64(successors.count)] + successors.map(ref)
        case let .successorListUpdate(successors): out += [26, UInt64(successors.count)] + successors.map(ref)
        case let .predecessorLeaving(p, keys): out += [23, node(p), UInt64(keys.count)] + keys.map(id)
        case let .nextHopQuery(t, asksOwner, avoiding):
            out.append(24); ticket(t); out += [asksOwner ? 1 : 0, UInt64(avoiding.count)] + avoiding.map(ref)
        case let .nextHopReply(t, next, nextOwns, done):
            out.append(25); ticket(t); out += [ref(next), nextOwns ? 1 : 0, done ? 1 : 0]
        }
    }

    private func encode(_ query: Query, into out: inout [UInt64], id: (Identifier) -> UInt64) {
        func ref(_ n: NodeIndex) -> UInt64 { n < 0 ? UInt64.max : id(state.id(n)) }
        out += [id(query.key), ref(query.origin), query.mode == .successor ? 0 : 1]
        switch query.purpose {
        case let .lookupCommand(record): out += [1, UInt64(record)]
        case let .fixFinger(k): out += [2, UInt64(k)]
        case .joinSuccessor: out.append(3)
        case let .initFinger(k): out += [4, UInt64(k)]
        case let .updateOthers(k): out += [5, UInt64(k)]
        case let .store(operation): out += [6, UInt64(operation)]
        case .initPredecessor: out.append(7)
        }
        out.append(UInt64(query.avoid.count))
        out += query.avoid.map(ref)
    }
}
