import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside check`: seeded random fault schedules with every invariant checked after every
/// command; failures come back as shrunk scripts `ringside run` replays.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run seeded random fault schedules and check every invariant after every command.",
        discussion: """
            Exit status 0 when every seed is clean, 1 when any fails (each failure prints its \
            seed, the first violated invariant and a shrunk reproduction), 2 for usage errors.

            Faults: \(FaultKind.allCases.map(\.rawValue).joined(separator: ",")) (or all, none).
            """
    )

    // Numbers are parsed `.unconditional`ly: by default ArgumentParser takes `-1` for an
    // option and reports the value as missing; this way `--seeds -1` reaches the range
    // check and its message. (Same for every numeric flag of check, explore, fuzz, bench.)
    @Option(parsing: .unconditional, help: "How many seeds to check (from --seed on).") var seeds: Int = 100
    @Option(parsing: .unconditional, help: "The first seed.") var seed: UInt64 = 0
    @Option(help: "Faults seeds may draw from: a comma-separated list, all, or none.") var faults: String = "all"
    @Option(name: .customLong("protocol"), help: "Chord maintenance: original or zave.") var maintenance: String = "original"
    @Option(parsing: .unconditional, help: "Threads checking seeds in parallel (default: all cores).") var jobs: Int?
    @Option(help: "Write each failing seed's reproduction script into this directory.") var out: String?
    @Option(parsing: .unconditional, help: "Commands per schedule before the quiescence phase.") var steps: Int = 60
    @Flag(help: "Judge Chord's ring invariants and the ideal ring on every run (original's flaws, splits under loss) as failures.")
    var strictChord = false
    @Flag(help: "Also print one line per seed: the faults it drew, its commands and its event-log hash.")
    var verbose = false

    func validate() throws {
        guard (1...10_000_000).contains(seeds) else { throw ValidationError("--seeds must be from 1 to 10000000") }
        guard ["original", "zave"].contains(maintenance) else { throw ValidationError("--protocol must be original or zave") }
        if let jobs { guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 256") } }
        guard (1...10_000).contains(steps) else { throw ValidationError("--steps must be from 1 to 10000") }
        // The last seed checked is seed + seeds - 1, which may be UInt64.max itself.
        guard seed <= UInt64.max - UInt64(seeds - 1) else { throw ValidationError("--seed plus --seeds must fit in 64 bits") }
        // Here rather than in run(), so a bad list reads like every other flag's error.
        do {
            _ = try FaultKind.parseList(faults)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        var settings = CheckSettings()
        settings.faults = (try? FaultKind.parseList(faults)) ?? []
        settings.zave = maintenance == "zave"
        settings.scheduleLength = steps
        settings.strictChord = strictChord
        if let reason = settings.unsupportedReason() {
            throw UsageError("check --protocol \(maintenance): \(reason)")
        }
        if let out { try OutputPath.prepareDirectory(out) }
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let results = CheckPool.run(first: seed, count: seeds, threads: threads, settings: settings)
        var lines = verbose ? results.map(CheckReport.seedLine) : []
        lines += CheckReport.summary(results, settings: settings)
        // A file that still cannot be written (the disk filled up) loses no verdict: every
        // failure is printed, then the error, and the status stays the verdict's.
        var unwritten: [String] = []
        for result in results where result.failure != nil {
            lines += CheckReport.failure(result)
            if let out {
                let path = (out as NSString).appendingPathComponent("seed-\(result.seed).ringside")
                if let problem = OutputPath.write(CheckReport.reproductionFile(result), to: path) {
                    unwritten.append(problem)
                } else {
                    lines.append("  written to \(path)")
                }
            }
        }
        print(lines.joined(separator: "\n"))
        for problem in unwritten { printError("ringside: check: \(problem)") }
        if results.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
    }
}
