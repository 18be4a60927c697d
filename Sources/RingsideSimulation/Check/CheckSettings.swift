/// What one `ringside check` sweep runs: the schedule's size, the protocol, the faults.
public struct CheckSettings: Sendable, Equatable {
    /// Faults a seed may draw from (each seed takes a random subset).
    public var faults: [FaultKind] = FaultKind.allCases
    /// `maintenance zave` instead of the lecture's original protocol.
    public var zave = false
    /// Commands in a schedule before the quiescence phase.
    public var scheduleLength = 60
    /// Most nodes ever in a schedule (the 20-node schedules).
    public var maxNodes = 20
    /// Nodes placed by `add` at the start.
    public var initialNodes = 8
    /// Identifier bits: small enough that ids read well, large enough for 20 nodes.
    public var bits = 10
    /// Successor-list length r (Zave's assumption needs r + 1 live members).
    public var successorListLength = 3
    /// Judge Chord's ring invariants and the ideal ring on every run: under `original`
    /// (which Zave showed can break them) and under loss and partitions (where a ring may
    /// split for good). A deliberately strict checker: the shrinker then finds a short
    /// script that breaks the ring, for a lesson or a test.
    public var strictChord = false

    /// When Chord's ring invariants and the ideal ring count as failures.
    public var chordJudging: ChordJudging {
        strictChord ? .always : zave ? .withinZaveAssumptions : .never
    }
    /// Candidate runs the shrinker may spend on one failure.
    public var shrinkBudget = 3000

    public init() {}

    /// The engine's own error when it cannot run these settings (e.g. `maintenance zave`
    /// before it is implemented), nil when it can: a usage error, not a failed seed.
    public func unsupportedReason() -> String? {
        var world = World()
        for line in ScheduleGenerator.setupLines(self, seed: 0, initial: []) {
            do { _ = try world.execute(line: line) } catch { return error.message }
        }
        return nil
    }
}

/// When a broken Chord ring invariant is a failure (otherwise it is reported and counted).
public enum ChordJudging: Sendable, Equatable {
    /// `original`: Zave showed the lecture's protocol can break its ring invariants even
    /// under her assumptions, so `check` reports them and does not fail the run.
    case never
    /// `zave`: on runs whose Chord faults are crashes that keep Zave's assumptions.
    case withinZaveAssumptions
    /// `--strict-chord`: on every run.
    case always
}
