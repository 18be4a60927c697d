import Chord
import RingsideKernel
import RingsideStore

/// Dynamo mode: values follow the membership (DeCandia et al. 2007, §4.9, "Adding/Removing
/// Storage Nodes"). At a join, a recovery or a leave, each live holder of a key sends the
/// versions a node of the key's new first N lacks (`store_transfer`, a message, so faults
/// apply); the receiver merges them into its siblings (vector clocks decide, nothing
/// concurrent is lost) and acknowledges. A holder that is no longer among the key's first N
/// drops its versions once the ack came and every live node of the first N has them: a
/// student sees the value move rather than copies pile up. A leaver hands its values on
/// this way, then is gone with its store.
extension Simulation {
    mutating func rebalanceDynamo(leaving: NodeIndex?) {
        let ring = tokenRing()
        var holders: [NodeIndex] = []
        for node in state.allNodesByID() where state.isAlive(node) && kv.siblings[node]?.isEmpty == false {
            holders.append(node)
        }
        var keys = Set<Identifier>()
        for holder in holders { keys.formUnion(kv.siblings[holder]!.values.keys) }
        for key in keys.sorted() { rebalanceDynamoKey(key, holders: holders, ring: ring) }
        if let leaving, kv.siblings[leaving] != nil {
            kv.siblings[leaving] = nil
            storeChanged(at: leaving)
        }
    }

    /// Sends each live node of the key's first N the versions it lacks from `holders`.
    mutating func rebalanceDynamoKey(_ key: Identifier, holders: [NodeIndex], ring: [(token: Identifier, node: NodeIndex)]) {
        let members = preferenceList(from: key, ring: ring).prefix(kv.replication)
        // A holder leaving the first N sends first: the value moves from it (its ack
        // lets it drop the copy), as Dynamo's node that gives up a range hands it over.
        let senders = holders.filter { !members.contains($0) } + holders.filter { members.contains($0) }
        for member in members where state.isAlive(member) {
            // What the member will have once this pass's transfers arrive.
            var covered = kv.siblings[member]?[key] ?? []
            for holder in senders where holder != member {
                let missing = (kv.siblings[holder]?[key] ?? []).filter { version in
                    !covered.contains { $0.clock.descends(from: version.clock) }
                }
                guard !missing.isEmpty else { continue }
                covered = reconcile(covered + missing)
                if narrates { note(.store, "\(chord.label(holder)): \(chord.label(member)) is now among the first N=\(kv.replication) of \(chord.label(key))'s preference list but lacks \(describe(missing)) → send it", node: holder) }
                send(from: holder, to: member, .store(.dynamoTransfer(key: key, values: missing)))
            }
        }
    }

    mutating func deliverDynamoTransfer(key: Identifier, values: [ClockedValue], from: NodeIndex, to: NodeIndex) {
        let before = kv.siblings[to]?[key] ?? []
        var changed = false
        for value in values where kv.siblings[to, default: SiblingStore()].accept(key, value) { changed = true }
        if changed { storeChanged(at: to) }
        if narrates, let last = values.last {
            note(.store, "\(chord.label(to)): received \(chord.label(key)) = \(describe(values)) from \(chord.label(from)): \(describeMerge(before, into: kv.siblings[to]?[key] ?? [], incoming: last)) → ack", node: to)
        }
        send(from: to, to: from, .store(.dynamoTransferAck(key: key, values: values)))
    }

    /// The transfer arrived: every live holder outside the key's first N (the sender, and
    /// any other whose copy the first N already had) drops its versions once every live
    /// node of the first N holds them or versions descending from them.
    mutating func dynamoTransferAcknowledged(key: Identifier) {
        let members = preferenceList(ofKey: key).prefix(kv.replication)
        let live = members.filter { state.isAlive($0) }
        guard !live.isEmpty else { return }
        for holder in state.allNodesByID() where state.isAlive(holder) && !members.contains(holder) {
            dropIfCovered(key: key, at: holder, by: live)
        }
    }

    private mutating func dropIfCovered(key: Identifier, at holder: NodeIndex, by live: [NodeIndex]) {
        guard let mine = kv.siblings[holder]?[key], !mine.isEmpty else { return }
        let everywhere = live.allSatisfy { member in
            let theirs = kv.siblings[member]?[key] ?? []
            return mine.allSatisfy { version in theirs.contains { $0.clock.descends(from: version.clock) } }
        }
        guard everywhere else { return }
        kv.siblings[holder]?.remove(key)
        if kv.siblings[holder]?.isEmpty == true { kv.siblings[holder] = nil }
        storeChanged(at: holder)
        if narrates { note(.store, "\(chord.label(holder)): no longer among the first N of \(chord.label(key))'s preference list, and they hold it → drop it", node: holder) }
    }
}
