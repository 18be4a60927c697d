import RingsideKernel

/// What checking one seed found.
public struct SeedResult: Sendable, Equatable {
    public var seed: UInt64
    public var stats: CheckStats
    /// The fault kinds the seed drew.
    public var faults: [FaultKind]
    /// The first failure (nil: clean).
    public var failure: CheckFailure?
    /// The whole generated run, as script lines.
    public var script: [String]
    /// The shrunk reproduction (for a failure): script lines ending in `invariants`.
    public var reproduction: [String] = []
    /// The reproduction's own violation, as replaying it shows (for a failure).
    public var reproductionFailure: CheckFailure?
    /// SHA-1 of the event log (both runs agreed, or `failure` says they did not).
    public var hash: String
}

/// Checking one seed: generate and run its schedule, replay it for the determinism check,
/// and shrink a failure to a short reproduction.
public enum SeedCheck {
    public static func run(seed: UInt64, settings: CheckSettings) -> SeedResult {
        var generator = ScheduleGenerator(settings: settings, seed: seed)
        var first = CheckExecution(chordJudging: settings.chordJudging)
        for line in generator.setupLines() { first.perform(line) }
        var moves = 0
        while moves < settings.scheduleLength && first.failure == nil {
            first.perform(generator.next(first.world))
            moves += 1
        }
        let scheduleCount = first.lines.count
        first.finish()
        // The second run replays the written schedule from a fresh world: the same event
        // log proves the run deterministic and the script a faithful reproduction.
        let second = replay(Array(first.lines.prefix(scheduleCount)), settings: settings)
        var stats = first.stats
        stats.faults = generator.counts.faults
        if first.judgesIdealRing { stats.idealRingRuns = 1 } else { stats.safetyOnlyRuns = 1 }
        stats.storeOps = generator.counts.storeOps
        stats.dynamoRuns = generator.dynamoStore ? 1 : 0
        var result = SeedResult(seed: seed, stats: stats, faults: generator.faults, failure: first.failure,
                                script: first.lines, hash: first.hashHex)
        if result.failure == nil && (second.hashHex != first.hashHex || second.lines != first.lines) {
            result.failure = CheckFailure(name: "Determinism", detail: "two runs of seed \(seed) logged different events (SHA-1 \(first.hashHex) and \(second.hashHex))", line: first.lines.count)
        }
        if let failure = result.failure {
            let shrunk = shrink(Array(first.lines.prefix(scheduleCount)), failing: failure, settings: settings)
            result.reproduction = shrunk.lines
            result.reproductionFailure = shrunk.failure
        }
        return result
    }

    /// Runs `schedule`, then the quiescence phase and the eventual checks.
    public static func replay(_ schedule: [String], settings: CheckSettings, hook: (@Sendable (inout World, Int) -> Void)? = nil) -> CheckExecution {
        var execution = CheckExecution(chordJudging: settings.chordJudging)
        execution.afterCommand = hook
        for line in schedule {
            execution.perform(line)
            if execution.failure != nil { break }
        }
        execution.finish()
        return execution
    }

    /// The shrunk script that still fails `failure`'s property, as `ringside run` replays
    /// it (see `shrink`).
    public static func reproduce(_ schedule: [String], failing failure: CheckFailure, settings: CheckSettings,
                                 hook: (@Sendable (inout World, Int) -> Void)? = nil) -> [String] {
        shrink(schedule, failing: failure, settings: settings, hook: hook).lines
    }

    /// The shrunk script that still fails `failure`'s property, and the violation it shows
    /// itself (its nodes are the script's, not the unshrunk run's): the executed lines up
    /// to the failure, then `invariants`. A property only `check` sees gets a comment
    /// saying what to look for.
    ///
    /// A candidate counts only if it fails the same property within the run's own fault
    /// assumptions: every crash one the generator could have drawn (at least r + 1 live
    /// nodes, no node losing its last live successor) and some node alive when it fails.
    /// Without that, dropping lines can turn a 9-node ring with no cycle into `add 718`,
    /// `fail 718`: an empty world, which AtLeastOneRing also reports, but another fault.
    public static func shrink(_ schedule: [String], failing failure: CheckFailure, settings: CheckSettings,
                              hook: (@Sendable (inout World, Int) -> Void)? = nil) -> Reproduction {
        func outcome(_ lines: [String]) -> CheckExecution? {
            let execution = replay(lines, settings: settings, hook: hook)
            if failure.name == "Determinism" {
                let again = replay(lines, settings: settings, hook: hook)
                return again.hashHex != execution.hashHex ? execution : nil
            }
            guard let found = execution.failure, found.name == failure.name else { return nil }
            guard !execution.crashOutsideSchedules, execution.world.state.liveCount > 0 else { return nil }
            // An error must stay the same error: removing the `add` a later command needs
            // gives an error too, but a different one.
            if failure.name == "ScriptError", found.detail != failure.detail { return nil }
            return execution
        }
        let shrunk = Shrinker.shrink(schedule, budget: settings.shrinkBudget) { outcome($0) != nil }
        guard let final = outcome(shrunk) else { return Reproduction(lines: schedule + ["invariants"], failure: failure) }
        var lines = final.lines
        if let found = final.failure, !found.isScriptInvariant {
            lines.append("# check: \(found.text)")
        }
        lines.append("invariants")
        // A determinism failure shows only across two runs; each run alone is clean.
        return Reproduction(lines: lines, failure: final.failure ?? failure)
    }
}
