import RingsideInvariants

/// The text `ringside check` prints: a summary of the sweep, then every failure with its
/// shrunk reproduction. Pure (the CLI prints it), and in seed order whatever the threads.
public enum CheckReport {
    public static func summary(_ results: [SeedResult], settings: CheckSettings) -> [String] {
        var total = CheckStats()
        for result in results { total.add(result.stats) }
        let failed = results.filter { $0.failure != nil }
        var lines: [String] = []
        lines.append("check: \(results.count) seeds, protocol \(settings.zave ? "zave" : "original"), faults \(settings.faults.isEmpty ? "none" : settings.faults.map(\.rawValue).joined(separator: ","))")
        lines.append("steps: \(total.commands) commands, \(total.messages) messages")
        let faults = FaultKind.allCases.map { "\($0.rawValue) \(total.faults($0))" }.joined(separator: ", ")
        lines.append("faults injected: \(faults)")
        let invariantCount = CheckExecution.chordInvariants.count + CheckExecution.bayouInvariants.count + StoreInvariants.names.count
        lines.append("invariants checked: \(total.invariantChecks) times (\(invariantCount) invariants each, after every command)")
        let judging = switch settings.chordJudging {
        case .never: "reported, not failures (original)"
        case .withinZaveAssumptions: "failures on crash-only runs"
        case .always: "failures on every run (strict)"
        }
        lines.append("eventual properties: Bayou convergence on \(results.count - failed.count) clean runs; ideal ring judged on \(total.idealRingRuns) crash-only runs (\(total.idealRingMissed) missed it), safety only on \(total.safetyOnlyRuns)" + (total.unstableSettles > 0 ? " (on \(total.unstableSettles) of them the final settle never stopped changing: a ring broken for good)" : ""))
        let splits = zip(CheckExecution.chordInvariants, total.splitsReported).filter { $0.1 > 0 }
        lines.append("Chord ring invariants: \(judging); reported (\(reportedCauses(settings.chordJudging))): " + (splits.isEmpty ? "none" : splits.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))
        lines.append("store: \(total.storeOps) operations drawn (put, get, handoff, merkle-sync), \(total.getsAnswered) gets answered; \(results.count - total.dynamoRuns) strict runs, \(total.dynamoRuns) Dynamo; invariants \(StoreInvariants.names.joined(separator: ", ")) after every command, replicas converged after quiescence")
        lines.append("determinism: every seed ran twice; event-log hashes " + (failed.contains { $0.failure?.name == "Determinism" } ? "DIFFER on some seeds" : "match"))
        lines.append(failed.isEmpty ? "result: all \(results.count) seeds clean" : "result: \(failed.count) of \(results.count) seeds FAILED")
        return lines
    }

    /// Why a broken ring invariant was counted rather than failed, as `CheckExecution`
    /// decides it: only `original` has flaws of its own to report.
    static func reportedCauses(_ judging: ChordJudging) -> String {
        switch judging {
        case .never: "splits under loss/partitions, mid-join, original's flaws"
        case .withinZaveAssumptions: "splits under loss/partitions, mid-join, runs outside Zave's assumptions"
        case .always: "mid-join states"
        }
    }

    /// One seed in a line (`--verbose`).
    public static func seedLine(_ result: SeedResult) -> String {
        let faults = result.faults.map(\.rawValue).joined(separator: ",")
        return "seed \(result.seed): \(result.failure == nil ? "clean" : "FAILED") faults [\(faults)] \(result.script.count) commands, \(result.stats.storeOps) store ops, \(result.stats.messages) messages, events \(result.hash)"
            + (result.stats.unstableSettles > 0 ? ", final settle never stopped changing" : "")
    }

    /// One failing seed: the seed, the first violated invariant, the shrunk reproduction.
    /// The violation's text is the reproduction's own (the nodes it names are in the
    /// script), so a reader can compare it with what `ringside run` prints.
    public static func failure(_ result: SeedResult) -> [String] {
        guard let failure = result.failure else { return [] }
        let shown = result.reproductionFailure ?? failure
        var lines = ["seed \(result.seed): FAILED after line \(failure.line) of \(result.script.count): \(shown.text)"]
        lines.append("  reproduction (shrunk from \(result.script.count) to \(commandCount(result.reproduction)) commands; `ringside run FILE` replays it):")
        lines += result.reproduction.map { "    " + $0 }
        return lines
    }

    /// The reproduction file's text.
    public static func reproductionFile(_ result: SeedResult) -> String {
        guard let failure = result.failure else { return "" }
        let header = ["# ringside check: seed \(result.seed): \((result.reproductionFailure ?? failure).text)",
                      "# shrunk from \(result.script.count) commands; faults drawn: \(result.faults.map(\.rawValue).joined(separator: ",").nonEmpty ?? "none")"]
        return (header + result.reproduction).joined(separator: "\n") + "\n"
    }

    /// Lines that are commands (not comments).
    static func commandCount(_ lines: [String]) -> Int {
        lines.filter { !$0.hasPrefix("#") }.count
    }
}

fileprivate extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
