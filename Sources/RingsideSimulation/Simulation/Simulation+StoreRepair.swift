import Chord
import RingsideKernel
import RingsideStore

/// Replica sets follow membership. Ringside re-replicates at the points where the ring
/// changes on purpose: after `join` and `recover`, before `leave` (the leaver hands its
/// values on), and at the end of `settle`, which is also how copies lost to a failure
/// come back to N. A crash hands nothing over: the next replica keeps serving. A node
/// whose leave is under way counts in no replica set here (`leavingNodes`).
extension Simulation {
    /// The repair and prune a membership change needs, if anything is stored: the
    /// driver queues them for the command that changes the ring.
    func storeRepairActions(leaving: NodeIndex?) -> [Action] {
        if kv.dynamo {
            // Dynamo moves values when membership changes (Simulation+DynamoRebalance);
            // `settle` sends again what a lost transfer left behind.
            guard kv.siblings.values.contains(where: { !$0.isEmpty }) else { return [] }
            return [.storeRepair(leaving: leaving)]
        }
        guard kv.replicas.values.contains(where: { !$0.isEmpty }) else { return [] }
        return [.storeRepair(leaving: leaving), .storePrune(leaving: leaving)]
    }

    /// Every key held anywhere, with its newest version and one holder of it (the first
    /// holder in increasing id order, so the choice is deterministic).
    private func newestCopies(including leaver: NodeIndex?) -> [(key: Identifier, value: VersionedValue, holder: NodeIndex)] {
        var best: [Identifier: (value: VersionedValue, holder: NodeIndex)] = [:]
        for node in state.allNodesByID() where state.isAlive(node) || node == leaver {
            guard let replica = kv.replicas[node] else { continue }
            for key in replica.sortedKeys {
                let value = replica[key]!
                if let current = best[key], current.value.version >= value.version { continue }
                best[key] = (value, node)
            }
        }
        return best.keys.sorted().map { (key: $0, value: best[$0]!.value, holder: best[$0]!.holder) }
    }

    /// Each key's newest copy goes, as a `store_transfer` message, to every member of its
    /// current replica set that lacks it.
    mutating func repairReplicaSets(leaving: NodeIndex?) {
        if kv.dynamo { return rebalanceDynamo(leaving: leaving) }
        kv.faultSinceRepair = false
        let gone = leavingNodes(with: leaving)
        for copy in newestCopies(including: leaving) {
            for member in replicaSet(ofKeyAt: copy.key, excluding: gone) where member != copy.holder {
                if let held = kv.replicas[member]?[copy.key], held.version >= copy.value.version { continue }
                if narrates { note(.store, "\(chord.label(copy.holder)): \(chord.label(member)) is in the replica set of \(chord.label(copy.key)) but lacks \(copy.value.value) \(describe(copy.value.version)) → send it", node: copy.holder) }
                send(from: copy.holder, to: member, .store(.transfer(key: copy.key, value: copy.value)))
            }
        }
    }

    /// A node outside a key's replica set drops its copy once every member holds that
    /// version or a newer one (a lost transfer leaves it in place for the next repair).
    /// A leaver drops everything: it is gone once the leave runs.
    mutating func pruneReplicaSets(leaving: NodeIndex?) {
        let gone = leavingNodes(with: leaving)
        for node in state.allNodesByID() {
            guard let replica = kv.replicas[node], !replica.isEmpty else { continue }
            if node == leaving {
                kv.replicas[node] = nil
                continue
            }
            guard state.isAlive(node) else { continue }
            for key in replica.sortedKeys {
                let members = replicaSet(ofKeyAt: key, excluding: gone)
                guard !members.contains(node) else { continue }
                let mine = replica[key]!.version
                let covered = members.allSatisfy { (kv.replicas[$0]?[key]?.version).map { $0 >= mine } ?? false }
                guard covered else { continue }
                kv.replicas[node]?.remove(key)
                storeChanged(at: node)
                if narrates { note(.store, "\(chord.label(node)): no longer in the replica set of \(chord.label(key)) → drop it", node: node) }
            }
            if kv.replicas[node]?.isEmpty == true { kv.replicas[node] = nil }
        }
    }

    /// A crash loses what the node held in memory (as for the DHT's keys).
    mutating func storeNodeFailed(_ node: NodeIndex) {
        kv.faultSinceRepair = true
        if kv.replicas[node] != nil {
            kv.replicas[node] = nil
            storeChanged(at: node)
        }
    }

    /// `add` places nodes as an oracle: values are then exactly at their replica sets,
    /// newest version everywhere, without messages.
    mutating func placeValuesByOracle() {
        guard kv.replicas.values.contains(where: { !$0.isEmpty }) else { return }
        let copies = newestCopies(including: nil)
        var placed: [NodeIndex: ReplicaStore] = [:]
        for copy in copies {
            for member in replicaSet(ofKeyAt: copy.key) {
                placed[member, default: ReplicaStore()].accept(copy.key, copy.value)
            }
        }
        kv.replicas = placed
        kv.faultSinceRepair = false
    }

    /// A short description for a viewer, e.g. `put 14=v2 (3,10)`.
    func describeStore(_ message: StoreMessage) -> String {
        switch message {
        case let .put(_, key, value): "put \(chord.label(key))=\(value.value) \(describe(value.version))"
        case .putAck: "ack"
        case let .get(_, key): "get \(chord.label(key))"
        case let .getReply(_, value): value.map { "\($0.value) \(describe($0.version))" } ?? "nothing"
        case let .transfer(key, value): "transfer \(chord.label(key))=\(value.value) \(describe(value.version))"
        case let .dynamoPut(_, key, value, hintFor):
            "put \(chord.label(key))=\(value.value) \(value.clock)" + (hintFor.map { " hint for \(chord.label($0))" } ?? "")
        case let .dynamoGetReply(_, values): values.isEmpty ? "nothing" : describe(values)
        case let .handoff(key, value): "handoff \(chord.label(key))=\(value.value) \(value.clock)"
        case .handoffAck, .dynamoTransferAck: "ack"
        case let .dynamoTransfer(key, values): "transfer \(chord.label(key))=\(describe(values))"
        case let .merkleHashes(_, _, hashes, entries): "\(hashes.count) hashes" + (entries.isEmpty ? "" : ", \(entries.count) values")
        case let .merkleDiffer(_, nodes, entries): "\(nodes.count) differ" + (entries.isEmpty ? "" : ", \(entries.count) values")
        }
    }
}
