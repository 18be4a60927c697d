import Bayou
import Chord
import RingsideInvariants

extension Simulation {
    /// Every replica as the invariants read it, in ascending node id (never dictionary order).
    var replicaSnapshots: [ReplicaSnapshot] {
        replicas.sorted { state.id($0.key) < state.id($1.key) }.map { ReplicaSnapshot($0.value) }
    }

    /// Every invariant that does not hold now: Chord's (Zave), then Bayou's, in script.md's order,
    /// then the key-value store's (README's extension).
    ///
    /// Without memory across steps, CommittedPrefix here checks only that committed prefixes
    /// agree; `invariantViolations(monitor:)` also checks that they never change.
    func invariantViolations() -> [Violation] {
        RingsideInvariants.invariantViolations(chord: state, replicas: replicaSnapshots) + storeInvariantViolations()
    }

    /// Every invariant, with `monitor` remembering each replica's committed prefix between calls.
    func invariantViolations(monitor: inout InvariantMonitor) -> [Violation] {
        monitor.check(chord: state, replicas: replicaSnapshots) + storeInvariantViolations()
    }
}
