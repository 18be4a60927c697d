/// What a checked run did, summed over seeds for the summary.
///
/// Counts are arrays in a fixed order (FaultKind.allCases, script.md's invariant order),
/// never dictionaries, so the summary prints the same bytes every time.
public struct CheckStats: Sendable, Equatable {
    /// Commands executed (schedule and quiescence phase).
    public var commands = 0
    /// Messages sent (the event log's `send` events).
    public var messages = 0
    /// Times every invariant was evaluated (once after each command).
    public var invariantChecks = 0
    /// Chord invariant violations reported, not failures: splits under loss or
    /// partitions, `original`'s flaws, nodes mid-join. By `CheckExecution.chordInvariants`.
    public var splitsReported = [Int](repeating: 0, count: CheckExecution.chordInvariants.count)
    /// Faults injected, by `FaultKind.allCases`.
    public var faults = [Int](repeating: 0, count: FaultKind.allCases.count)
    /// Runs judged for the ideal ring (crash faults only, Zave's assumptions kept).
    public var idealRingRuns = 0
    /// Runs judged for the ideal ring that missed it (only counted where not a failure).
    public var idealRingMissed = 0
    /// Runs judged for Chord's safety only.
    public var safetyOnlyRuns = 0
    /// Safety-only runs whose final `settle` reached its bound (a ring broken for good).
    public var unstableSettles = 0
    /// Store operations the schedules drew (put, get, handoff, merkle-sync).
    public var storeOps = 0
    /// Runs whose store ran in Dynamo mode (the others ran strict mode).
    public var dynamoRuns = 0
    /// Gets that answered (the quorum promise is judged on each).
    public var getsAnswered = 0

    public init() {}

    public mutating func add(_ other: CheckStats) {
        commands += other.commands
        messages += other.messages
        invariantChecks += other.invariantChecks
        for i in splitsReported.indices { splitsReported[i] += other.splitsReported[i] }
        for i in faults.indices { faults[i] += other.faults[i] }
        idealRingRuns += other.idealRingRuns
        idealRingMissed += other.idealRingMissed
        safetyOnlyRuns += other.safetyOnlyRuns
        unstableSettles += other.unstableSettles
        storeOps += other.storeOps
        dynamoRuns += other.dynamoRuns
        getsAnswered += other.getsAnswered
    }

    public func faults(_ kind: FaultKind) -> Int {
        faults[FaultKind.allCases.firstIndex(of: kind)!]
    }

    mutating func count(_ kind: FaultKind) {
        faults[FaultKind.allCases.firstIndex(of: kind)!] += 1
    }
}
