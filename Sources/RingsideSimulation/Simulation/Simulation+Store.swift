import Chord
import RingsideKernel
import RingsideStore

/// The strict key-value store (script.md v2, "Key-value storage on the ring"): settings,
/// `put` and `get` as messages, and their explanations in the lecture's terms.
extension Simulation {
    var replication: Int { kv.replication }
    var quorum: (w: Int, r: Int) { (kv.writeQuorum, kv.readQuorum) }
    var lookupIterative: Bool { chord.iterativeLookups }
    var gets: [GetRecord] { kv.gets }

    /// What `node` holds, keys in increasing order.
    func storedValues(_ node: NodeIndex) -> [(key: Identifier, value: VersionedValue)] {
        guard let replica = kv.replicas[node] else { return [] }
        return replica.sortedKeys.map { ($0, replica[$0]!) }
    }

    // MARK: Settings

    mutating func setQuorum(w: Int, r: Int) throws(SimulationError) {
        let n = kv.replication
        guard w <= n, r <= n else {
            throw SimulationError("quorum W=\(w) R=\(r) does not fit replication N=\(n): each of W and R must be between 1 and N (set replication first)")
        }
        kv.writeQuorum = w
        kv.readQuorum = r
        storeEpochChanged()
        if w + r <= n { note(.command, "W + R = \(w + r) ≤ N = \(n): a get may miss the newest put") }
    }

    // MARK: Actions

    /// The put starts now: its version is (now, coordinator id); first the owner lookup.
    mutating func performPut(key: Identifier, value: String, from: NodeIndex, cause: Int) {
        guard !kv.dynamo else { return performDynamoPut(key: key, value: value, from: from, cause: cause) }
        guard chord.state.isAlive(from) else { return }
        let version = Version(time: time, node: state.id(from))
        let operation = openOperation(StoreOperation(
            kind: .put(VersionedValue(value: value, version: version)), key: key, coordinator: from,
            cause: cause, quorum: QuorumCount(needed: kv.writeQuorum), keyText: "", nodeText: ""))
        if narrates { note(.store, "\(chord.label(from)): put(\(chord.label(key)), \(value)) with version \(describe(version)) → find the owner of \(chord.label(key))", node: from) }
        apply(chord.startStoreQuery(key: key, from: from, operation: operation))
    }

    mutating func performGet(key: Identifier, from: NodeIndex, keyText: String, nodeText: String, cause: Int) {
        guard !kv.dynamo else { return performDynamoGet(key: key, from: from, keyText: keyText, nodeText: nodeText, cause: cause) }
        guard chord.state.isAlive(from) else { return }
        kv.gets.append(GetRecord(key: key, from: from))
        let operation = openOperation(StoreOperation(
            kind: .get(record: kv.gets.count - 1, replies: []), key: key, coordinator: from,
            cause: cause, quorum: QuorumCount(needed: kv.readQuorum), keyText: keyText, nodeText: nodeText))
        if narrates { note(.store, "\(chord.label(from)): get(\(chord.label(key))) → find the owner of \(chord.label(key))", node: from) }
        apply(chord.startStoreQuery(key: key, from: from, operation: operation))
    }

    mutating func openOperation(_ operation: StoreOperation) -> Int {
        let id = kv.nextOperation
        kv.nextOperation += 1
        var operation = operation
        operation.epoch = kv.epoch
        if !operation.isPut { operation.mustSee = readPromise(key: operation.key) }
        kv.operations.insert(operation, id: id)
        kv.open.append(id)
        return id
    }

    /// The lookup found the owner: ask (or tell) every member of the replica set.
    mutating func storeOwnerFound(_ id: Int, owner: NodeIndex) {
        guard let slot = kv.operations.slot(of: id), kv.operations[slot: slot].quorum.outcome == .pending else { return }
        // The members are read off the live ring by position: no set is built per operation.
        let ring = state.liveRing
        let start = ring.successorPosition(of: state.id(owner))
        let size = start == nil ? 0 : min(kv.replication, ring.count)
        let key = kv.operations[slot: slot].key
        let coordinator = kv.operations[slot: slot].coordinator
        // A stale owner (Chord still settling) gives another set: no quorum promise.
        // Same first live node at or after the owner as after the key: the same set.
        let exact = kv.operations[slot: slot].epoch == kv.epoch && start == ring.successorPosition(of: key)
        kv.operations[slot: slot].quorum.asking(size)
        kv.operations[slot: slot].exact = exact
        let put: VersionedValue?
        switch kv.operations[slot: slot].kind {
        case let .put(value): put = value
        case .get: put = nil
        case .dynamoPut, .dynamoGet: return  // Dynamo routes zero-hop: it never waits for an owner lookup.
        }
        // A put to another set leaves the true one stale until the next repair pass.
        if put != nil && !exact { kv.faultSinceRepair = true }
        if narrates {
            let set = (0..<size).map { chord.label(ring.nodes[(start! + $0) % ring.count]) }.joined(separator: ", ")
            let what = put != nil ? "send the put to each" : "ask each"
            note(.store, "\(chord.label(coordinator)): owner of \(chord.label(key)) is \(chord.label(owner)); replica set {\(set)} → \(what)", node: coordinator)
        }
        guard let start else { return }
        for offset in 0..<size {
            let member = ring.nodes[(start + offset) % ring.count]
            if let put {
                if member == coordinator {
                    // The coordinator is a replica itself: it stores without a message.
                    storeAtReplica(member, key: key, value: put)
                    putAcknowledged(id, by: member)
                } else {
                    send(from: coordinator, to: member, .store(.put(operation: id, key: key, value: put)))
                }
            } else if member == coordinator {
                getReplied(id, by: member, value: kv.replicas[member]?[key])
            } else {
                send(from: coordinator, to: member, .store(.get(operation: id, key: key)))
            }
        }
    }

    /// The key's owner (its first live successor) and the next N-1 distinct live nodes
    /// after it, passing over the nodes in `gone`.
    func replicaSet(ofKeyAt id: Identifier, excluding gone: Set<NodeIndex> = []) -> [NodeIndex] {
        let ring = state.liveRing
        guard let start = ring.successorPosition(of: id) else { return [] }
        var members = ReplicaSet.members(ring: ring.nodes, ownerAt: start, replication: kv.replication + gone.count)
        if !gone.isEmpty { members.removeAll { gone.contains($0) } }
        return Array(members.prefix(kv.replication))
    }

    /// Nodes whose `leave` has begun and not finished (`departed` and still up), with
    /// `leaver` (the one whose leave is being handled, if any). Repair, prune and the
    /// invariant count none of them as a replica: a concurrent join's prune that still
    /// counted a leaver dropped the copy the leaver's own repair had just sent to the
    /// node taking its place, and the leave then left that node without it.
    func leavingNodes(with leaver: NodeIndex? = nil) -> Set<NodeIndex> {
        var nodes = kv.departed.filter { state.isAlive($0) }
        if let leaver { nodes.insert(leaver) }
        return nodes
    }

    // MARK: Delivery and timeouts

    mutating func deliverStore(_ message: StoreMessage, from: NodeIndex, to: NodeIndex) {
        switch message {
        case let .put(id, key, value):
            // A put to another set than the key's, or one that travelled while the ring
            // changed, arrives after the repair pass that ran without it.
            if let slot = kv.operations.slot(of: id), kv.operations[slot: slot].exact,
               kv.operations[slot: slot].epoch == kv.epoch {} else { kv.faultSinceRepair = true }
            storeAtReplica(to, key: key, value: value)
            send(from: to, to: from, .store(.putAck(operation: id)))
        case let .putAck(id):
            putAcknowledged(id, by: from)
        case let .get(id, key) where kv.dynamo:
            let held = heldVersions(at: to, key: key)
            send(from: to, to: from, .store(.dynamoGetReply(operation: id, values: held)))
        case let .get(id, key):
            let held = kv.replicas[to]?[key]
            if narrates { note(.store, "\(chord.label(to)): get \(chord.label(key)) → \(held.map { "\($0.value) \(describe($0.version))" } ?? "nothing held")", node: to) }
            send(from: to, to: from, .store(.getReply(operation: id, value: held)))
        case let .getReply(id, value):
            getReplied(id, by: from, value: value)
        case let .transfer(key, value):
            let kept = kv.replicas[to, default: ReplicaStore()].accept(key, value)
            if kept { storeChanged(at: to) }
            if narrates { note(.store, "\(chord.label(to)): received \(chord.label(key)) = \(value.value) \(describe(value.version)) from \(chord.label(from))\(kept ? "" : ", not newer → keep mine")", node: to) }
        case let .dynamoPut(id, key, value, hintFor):
            storeDynamo(at: to, key: key, value: value, hintFor: hintFor)
            send(from: to, to: from, .store(.putAck(operation: id)))
        case let .dynamoGetReply(id, values):
            dynamoGetReplied(id, by: from, values: values)
        case let .handoff(key, value):
            deliverHandoff(key: key, value: value, from: from, to: to)
        case let .handoffAck(key, value):
            handoffAcknowledged(key: key, value: value, by: from, at: to)
        case let .dynamoTransfer(key, values):
            deliverDynamoTransfer(key: key, values: values, from: from, to: to)
        case let .dynamoTransferAck(key, _):
            dynamoTransferAcknowledged(key: key)
        case let .merkleHashes(session, ranges, hashes, entries):
            deliverMerkleHashes(session, ranges: ranges, hashes: hashes, entries: entries, at: to)
        case let .merkleDiffer(session, nodes, entries):
            deliverMerkleDiffer(session, nodes: nodes, entries: entries, at: to)
        }
    }

    mutating func storeTimedOut(_ message: StoreMessage, from: NodeIndex, to: NodeIndex) {
        // A lost store message is a fault the store invariants wait out (until a repair).
        kv.faultSinceRepair = true
        kv.handedOff = nil
        switch message {
        case let .put(id, _, _), let .dynamoPut(id, _, _, _):
            guard var operation = kv.operations[id] else { return }
            let failed = operation.quorum.timeout()
            kv.operations[id] = operation
            if narrates { note(.store, "\(chord.label(from)): no ack from \(chord.label(to))", node: from) }
            if failed { finishPut(id, succeeded: false) }
        case let .get(id, _):
            guard var operation = kv.operations[id] else { return }
            let failed = operation.quorum.timeout()
            kv.operations[id] = operation
            if narrates { note(.store, "\(chord.label(from)): no reply from \(chord.label(to))", node: from) }
            if failed { finishGet(id) }
        case let .merkleHashes(session, _, _, _), let .merkleDiffer(session, _, _):
            merkleTimedOut(session)
        case let .handoff(key, value):
            if narrates { note(.store, "\(chord.label(from)): no ack from \(chord.label(to)) for \(chord.label(key)) = \(value.value): the hint stays", node: from) }
        case .putAck, .getReply, .transfer, .dynamoGetReply, .handoffAck, .dynamoTransfer, .dynamoTransferAck:
            // A reply or a hand-over that never arrived: the sender has nothing to redo
            // (the coordinator's own timer counts the missing reply; repair runs again).
            break
        }
    }

    private mutating func storeAtReplica(_ node: NodeIndex, key: Identifier, value: VersionedValue) {
        // What it held matters only to the explanation.
        let held = narrates ? kv.replicas[node]?[key] : nil
        let kept = kv.replicas[node, default: ReplicaStore()].accept(key, value)
        if kept { storeChanged(at: node) }
        guard narrates else { return }
        if kept {
            note(.store, "\(chord.label(node)): put \(value.value) \(describe(value.version)) → ack", node: node)
        } else if let held {
            note(.store, "\(chord.label(node)): put \(value.value) \(describe(value.version)) is not newer than \(held.value) \(describe(held.version)) → keep \(held.value), ack", node: node)
        }
    }

    mutating func putAcknowledged(_ id: Int, by replica: NodeIndex) {
        guard let slot = kv.operations.slot(of: id) else { return }
        let wasPending = kv.operations[slot: slot].quorum.outcome == .pending
        let completes = kv.operations[slot: slot].quorum.reply()
        let quorum = kv.operations[slot: slot].quorum
        let node = kv.operations[slot: slot].coordinator
        if completes {
            if narrates { note(.store, "\(chord.label(node)): \(quorum.replies) of W=\(quorum.needed) acks → put succeeded", node: node) }
            finishPut(id, succeeded: true)
        } else if narrates {
            let late = wasPending ? "" : " (after the put finished)"
            note(.store, "\(chord.label(node)): ack from \(chord.label(replica)): \(quorum.replies) of W=\(quorum.needed)\(late)", node: node)
        }
    }

    private mutating func getReplied(_ id: Int, by replica: NodeIndex, value: VersionedValue?) {
        guard let slot = kv.operations.slot(of: id), case .get = kv.operations[slot: slot].kind else { return }
        guard kv.operations[slot: slot].quorum.outcome == .pending else {
            let coordinator = kv.operations[slot: slot].coordinator
            if kv.operations[slot: slot].quorum.outcome == .failed, kv.open.contains(id) {
                // Counted for the failure line, as a put counts its late acks: a replica set
                // smaller than R fails the get at once, yet its replies still arrive, and
                // "failed (0 of 3 replies)" after two of them read as if none had come.
                _ = kv.operations[slot: slot].quorum.reply()
                let quorum = kv.operations[slot: slot].quorum
                if narrates { note(.store, "\(chord.label(coordinator)): reply from \(chord.label(replica)): \(quorum.replies) of R=\(quorum.needed) (the get has failed: R replies can no longer come)", node: coordinator) }
            } else if narrates {
                let ended = kv.operations[slot: slot].quorum.outcome == .failed ? "failed" : "answered"
                note(.store, "\(chord.label(coordinator)): late reply from \(chord.label(replica)) ignored (the get has \(ended))", node: coordinator)
            }
            return
        }
        kv.operations[slot: slot].appendReply(value)
        if kv.operations[slot: slot].quorum.reply() { finishGet(id) }
    }

    /// The put is decided: succeeded once W acknowledged, failed once too few can.
    mutating func finishPut(_ id: Int, succeeded: Bool) {
        guard let operation = kv.operations[id] else { return }
        kv.open.removeAll { $0 == id }
        if succeeded { recordAckedPut(operation) }
        guard !succeeded, narrates else { return }
        note(.store, "\(chord.label(operation.coordinator)): put failed (\(operation.quorum.replies) of W=\(operation.quorum.needed) acks)", node: operation.coordinator)
    }

    /// The get answers: the newest version among the first R replies, or it failed.
    mutating func finishGet(_ id: Int) {
        guard let slot = kv.operations.slot(of: id) else { return }
        if case .dynamoGet = kv.operations[slot: slot].kind { return finishDynamoGet(id) }
        let operation = kv.operations[slot: slot]
        guard case let .get(record, replies) = operation.kind else { return }
        kv.open.removeAll { $0 == id }
        if operation.quorum.outcome == .succeeded {
            let best = newest(replies)
            judgeRead(operation, best: best)
            kv.gets[record].values = best.map { [$0.value] } ?? []
            kv.gets[record].ok = true
            kv.reports.append(.answered(keyText: operation.keyText, nodeText: operation.nodeText, value: best?.value))
            if narrates {
                let heard = replies.map { $0.map { "\($0.value) \(describe($0.version))" } ?? "nothing" }.joined(separator: ", ")
                note(.store, "\(chord.label(operation.coordinator)): \(replies.count) of R=\(operation.quorum.needed) replies (\(heard)) → newest wins: \(best?.value ?? "(none)")", node: operation.coordinator)
            }
        } else {
            let line = "get \(operation.keyText) from \(operation.nodeText) failed (\(operation.quorum.replies) of \(operation.quorum.needed) replies)"
            note(.store, "\(chord.label(operation.coordinator)): \(line)", node: operation.coordinator)
            kv.reports.append(.line(line))
        }
    }

    /// Ends the operations of a finished cause that never got their answers (the owner
    /// lookup was lost): no reply can come any more.
    mutating func finishStoreOperations(of cause: Int) {
        guard !kv.operations.isEmpty else { return }
        var index = 0
        while index < kv.open.count {
            let id = kv.open[index]
            guard var operation = kv.operations[id], operation.cause == cause else { index += 1; continue }
            _ = operation.quorum.abandon()
            kv.operations[id] = operation
            if operation.isPut { finishPut(id, succeeded: false) } else { finishGet(id) }
        }
        // Finished operations of this cause are forgotten: late replies find nothing.
        if kv.open.isEmpty {
            kv.operations.removeAll()
        } else {
            kv.operations.removeAll { $0.cause == cause }
        }
    }

    /// Result lines of gets finished since the last call.
    mutating func takeStoreReports() -> [String] {
        guard !kv.reports.isEmpty else { return [] }
        defer { kv.reports.removeAll() }
        return kv.reports.map(\.text)
    }

    /// `(3,10)`: the version's time and the coordinator's label.
    func describe(_ version: Version) -> String {
        "(\(version.time),\(state.index(ofID: version.node).map { chord.label($0) } ?? version.node.description))"
    }
}
