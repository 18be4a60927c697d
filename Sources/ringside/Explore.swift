import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside explore`: a bounded model checker for Chord's ring maintenance on small rings.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore every order of maintenance steps, deliveries, crashes and joins on a small ring.",
        discussion: """
            Breadth-first search from an ideal ring of --nodes nodes; Chord's invariants \
            (AtLeastOneRing, AtMostOneRing, OrderedRing, ConnectedAppendages) are checked in \
            every state. Exit status 1 when a violation is found (the shortest path is written \
            to --out as a script `ringside run` replays, ending in `invariants`), 0 when none \
            exists within the bounds (no file is written), 2 for usage errors.
            """
    )

    @Option(name: .customLong("protocol"), help: "Chord maintenance: original or zave.") var maintenance: String = "original"
    @Option(parsing: .unconditional, help: "Nodes on the initial ring (2-8).") var nodes: Int = ExploreSettings().nodes
    @Option(parsing: .unconditional, help: "Successor-list length r (1-4).") var successors: Int = ExploreSettings().successors
    @Option(parsing: .unconditional, help: "Crashes to add (each keeps r + 1 live nodes and a live successor for everyone).") var failures: Int = ExploreSettings().failures
    @Option(parsing: .unconditional, help: "Joins to add.") var joins: Int = ExploreSettings().joins
    @Option(parsing: .unconditional, help: "Operations in progress at once (stabilize, check-predecessor, fix-fingers, join).") var concurrency: Int = ExploreSettings().concurrency
    @Option(parsing: .unconditional, help: "Transitions on a path (BFS depth).") var depth: Int = ExploreSettings().depth
    @Option(parsing: .unconditional, help: "Distinct states before the search stops.") var states: Int = ExploreSettings().maxStates
    @Option(parsing: .unconditional, help: "Identifier bits (4-16).") var bits: Int = ExploreSettings().bits
    @Option(help: "Only this invariant stops the search.") var invariant: String?
    @Option(help: "Write the shortest counterexample script here (only when one is found).") var out: String?
    @Flag(help: "Also explore fix-fingers.") var fixFingers = false
    @Flag(inversion: .prefixedNo, help: "Explore check-predecessor (default: on for original, off for zave).") var checkPredecessor: Bool?
    @Flag(help: "Let a delivery overtake earlier messages on its channel (default: FIFO channels).") var anyOrder = false
    @Flag(help: "Narrate the counterexample with a `say` line per step.") var narrate = false
    @Option(parsing: .unconditional, help: "Random walks of up to --depth moves instead of the breadth-first search.") var walks: Int = 0
    @Option(parsing: .unconditional, help: "Seed of the random walks.") var seed: UInt64 = 0
    @Flag(help: "No progress lines on stderr.") var quiet = false

    func run() throws {
        var settings = ExploreSettings()
        guard ["original", "zave"].contains(maintenance) else { throw UsageError("explore: --protocol must be original or zave, not '\(maintenance)'") }
        settings.zave = maintenance == "zave"
        settings.nodes = nodes
        settings.successors = successors
        settings.failures = failures
        settings.joins = joins
        settings.depth = depth
        settings.concurrency = concurrency
        settings.maxStates = states
        settings.bits = bits
        settings.target = invariant
        settings.fixFingers = fixFingers
        settings.checkPredecessor = checkPredecessor
        settings.anyOrder = anyOrder
        settings.narrate = narrate
        settings.walks = walks
        settings.seed = seed
        if let problem = settings.problem() { throw UsageError("explore: \(problem)") }
        if let out {
            do { try OutputPath.checkFile(out) } catch let error as UsageError { throw UsageError("explore: \(error.description)") }
        }
        let quiet = self.quiet
        let clock = ContinuousClock()
        let started = clock.now
        let result: ExploreResult
        do {
            let explorer = Explorer(settings: settings)
            func rate(_ count: Int) -> Int {
                let (s, atto) = (clock.now - started).components
                return Int(Double(count) / max(Double(s) + Double(atto) * 1e-18, 1e-9))
            }
            if settings.isWalking {
                result = try explorer.walk { walks, states, transitions in
                    guard !quiet else { return }
                    printError("\(walks) walks: \(transitions) transitions, \(states) distinct states, \(rate(transitions)) transitions/s")
                }
            } else {
                result = try explorer.run { depth, states, transitions in
                    guard !quiet else { return }
                    printError("depth \(depth): \(states) states, \(transitions) transitions, \(rate(states)) states/s")
                }
            }
        } catch {
            printError("ringside: explore: internal error: \(error.description)")
            throw ExitCode(3)
        }
        var lines = result.summary
        // A file that still cannot be written (the disk filled up) loses no verdict: the
        // summary is printed, then the error, and the status stays 1.
        var unwritten: String?
        if let violation = result.violation {
            if let out {
                unwritten = OutputPath.write(violation.script(settings: settings), to: out)
                if unwritten == nil { lines.append("  written to \(out)") }
            } else {
                lines.append("  script (give --out FILE to write it):")
                lines += violation.script(settings: settings).split(separator: "\n").map { "    " + $0 }
            }
        } else if let out, FileManager.default.fileExists(atPath: out) {
            // Nothing is written; a file there is an earlier run's and could pass for this one's.
            lines.append("  no file written: \(out) is left as it was (from an earlier run)")
        }
        print(lines.joined(separator: "\n"))
        if let unwritten { printError("ringside: explore: \(unwritten)") }
        if result.violation != nil { throw ExitCode(1) }
    }
}
