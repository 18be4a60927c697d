import Chord
import RingsideInvariants
import RingsideKernel
import RingsideStore

/// Judging the store's invariants (StoreInvariants): each only when its premise holds, and
/// only once the network is quiet (a message still travelling may be the one that fixes it).
extension Simulation {
    /// A node's values changed: a finished merkle-sync pair no longer has to agree.
    mutating func storeChanged(at node: NodeIndex) {
        if let pair = kv.syncedPair, pair.a == node || pair.b == node { kv.syncedPair = nil }
        guard !kv.merkleSessions.isEmpty, !kv.mergingMerkleEntries else { return }
        for (id, session) in kv.merkleSessions where session.a == node || session.b == node {
            kv.merkleSessions[id]?.disturbed = true
        }
    }

    func storeInvariantViolations() -> [Violation] {
        // A stale quorum read is a past event: reported whatever is in flight now.
        var result = kv.staleReads.isEmpty ? [] : staleReadViolations()
        guard network.isQuiet, kv.holdsAnything || kv.syncedPair != nil else { return result }
        if !kv.dynamo, !kv.faultSinceRepair { result += StoreInvariants.replicasNewest(staleCopies()) }
        if let pairs = kv.handedOff { result += StoreInvariants.hintsHandedOff(leftoverHints(pairs)) }
        if let pair = kv.syncedPair { result += StoreInvariants.merkleReplicasAgree(disagreements(pair.a, pair.b)) }
        return result
    }

    /// Members of a key's replica set that lack its newest version, by key then member.
    func staleCopies() -> [StoreInvariants.StaleCopy] {
        var newest: [Identifier: VersionedValue] = [:]
        for node in state.allNodesByID() where state.isAlive(node) {
            for (key, value) in storedValues(node) where newest[key].map({ $0.version < value.version }) ?? true {
                newest[key] = value
            }
        }
        var stale: [StoreInvariants.StaleCopy] = []
        let gone = leavingNodes()
        for key in newest.keys.sorted() {
            let best = newest[key]!
            for member in replicaSet(ofKeyAt: key, excluding: gone) {
                let held = kv.replicas[member]?[key]
                guard held?.version != best.version else { continue }
                stale.append(.init(key: key, node: state.id(member),
                                   holds: held.map { "\($0.value) \(describe($0.version))" } ?? "nothing",
                                   newest: "\(best.value) \(describe(best.version))"))
            }
        }
        return stale
    }

    /// Hints still held for a node the last handoff reached from that stand-in.
    private func leftoverHints(_ pairs: [HandoffPair]) -> [StoreInvariants.LeftoverHint] {
        let reached = Set(pairs)
        return state.allNodesByID().flatMap { holder in
            hints(at: holder).filter { reached.contains(HandoffPair(holder: holder, intended: $0.intended)) }.map {
                StoreInvariants.LeftoverHint(holder: state.id(holder), intended: state.id($0.intended), key: $0.key)
            }
        }
    }

    /// Keys of the ranges both replicate on which the two nodes' copies differ.
    private func disagreements(_ a: NodeIndex, _ b: NodeIndex) -> [StoreInvariants.Disagreement] {
        let ranges = sharedRanges(a, b).map { MerkleRange(lo: $0.lo, hi: $0.hi, keys: 1, space: space) }
        func inShared(_ key: Identifier) -> Bool { ranges.contains { $0.offset(of: key, space: space) != nil } }
        func copy(_ node: NodeIndex, _ key: Identifier) -> String {
            if kv.dynamo {
                let values = kv.siblings[node]?[key] ?? []
                return values.isEmpty ? "nothing" : describe(values)
            }
            return kv.replicas[node]?[key].map { "\($0.value) \(describe($0.version))" } ?? "nothing"
        }
        let keys = Set(merkleDigests(a).map(\.key) + merkleDigests(b).map(\.key)).filter(inShared).sorted()
        return keys.compactMap { key in
            let x = copy(a, key), y = copy(b, key)
            return x == y ? nil : .init(a: state.id(a), b: state.id(b), key: key, aHolds: x, bHolds: y)
        }
    }
}
