import Chord
import RingsideInvariants
import RingsideKernel
import RingsideStore

/// The store's eventual properties, judged by `check` after the faults ended and the
/// repairs ran (strict: `settle`'s repair pass; Dynamo: `handoff` and `merkle-sync` of
/// every pair of replicas): every live replica of a key holds its newest version, and no
/// hint is left for a node that is up. Crashed nodes are left out: in strict mode they lost
/// their values, in Dynamo mode they are unreachable until they recover.
extension Simulation {
    func storeConvergenceViolations() -> [Violation] {
        guard kv.dynamo else { return StoreInvariants.replicasNewest(staleCopies()) }
        return StoreInvariants.replicasConverge(divergentReplicas())
            + StoreInvariants.hintsHandedOff(hintsForLiveNodes())
    }

    /// Live members of a key's first N whose siblings are not the newest versions held by
    /// any live node (the versions no other one descends from).
    private func divergentReplicas() -> [StoreInvariants.StaleCopy] {
        var all: [Identifier: [ClockedValue]] = [:]
        for node in state.allNodesByID() where state.isAlive(node) {
            for (key, values) in storedSiblings(node) { all[key, default: []] += values }
        }
        let ring = tokenRing()
        var stale: [StoreInvariants.StaleCopy] = []
        for key in all.keys.sorted() {
            let newest = reconcile(all[key]!)
            for member in preferenceList(from: key, ring: ring).prefix(kv.replication) where state.isAlive(member) {
                let held = kv.siblings[member]?[key] ?? []
                guard held != newest else { continue }
                stale.append(.init(key: key, node: state.id(member), holds: held.isEmpty ? "nothing" : describe(held),
                                   newest: describe(newest)))
            }
        }
        return stale
    }

    /// Hints a live stand-in still keeps for a live intended node (handoff reaches it).
    private func hintsForLiveNodes() -> [StoreInvariants.LeftoverHint] {
        state.allNodesByID().filter { state.isAlive($0) }.flatMap { holder in
            (kv.hints[holder] ?? []).filter { state.isAlive($0.intended) }.map {
                StoreInvariants.LeftoverHint(holder: state.id(holder), intended: state.id($0.intended), key: $0.key)
            }
        }
    }

    /// Pairs of live nodes that replicate a key range in common (merkle-sync has work).
    func merkleSyncPairs() -> [(a: Identifier, b: Identifier)] {
        let live = state.allNodesByID().filter { state.isAlive($0) }
        var pairs: [(a: Identifier, b: Identifier)] = []
        for (i, a) in live.enumerated() {
            for b in live[(i + 1)...] where !sharedRanges(a, b).isEmpty { pairs.append((state.id(a), state.id(b))) }
        }
        return pairs
    }
}
