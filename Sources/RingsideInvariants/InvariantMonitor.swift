import Bayou
import Chord
import RingsideKernel

/// Checks every invariant after each step, remembering what "never change" needs.
///
/// CommittedPrefix says committed prefixes never change, which no single snapshot can show:
/// the monitor keeps each replica's committed sequence from its last check and reports a
/// replica whose sequence no longer starts with it. A value type, so a snapshot of a run
/// (time travel) can carry its own monitor.
public struct InvariantMonitor: Sendable {
    /// Each replica's committed sequence when last checked, by replica id (looked up only).
    public private(set) var committed: [Identifier: [WriteStamp]] = [:]

    public init() {}

    /// Every violation now (Chord's, then Bayou's, in script.md's order), then remembers the
    /// replicas' committed sequences for the next check.
    public mutating func check(chord: ChordState, replicas: [ReplicaSnapshot]) -> [Violation] {
        ChordInvariants.violations(chord) + checkBayou(replicas)
    }

    /// Bayou's invariants alone (for replicas without a Chord ring), remembering as `check` does.
    public mutating func checkBayou(_ replicas: [ReplicaSnapshot]) -> [Violation] {
        let violations = BayouInvariants.violations(replicas, previousCommitted: committed)
        for replica in replicas { committed[replica.id] = BayouInvariants.committedSequence(replica) }
        return violations
    }
}

/// Every invariant of one moment, without memory across steps (so CommittedPrefix checks only
/// that committed prefixes agree).
public func invariantViolations(chord: ChordState, replicas: [ReplicaSnapshot]) -> [Violation] {
    ChordInvariants.violations(chord) + BayouInvariants.violations(replicas)
}
