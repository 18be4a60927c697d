import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench figure failures`: Stoica et al., simultaneous failures (SIGCOMM Fig. 11,
/// ToN Table III). What counts as a failure is documented on `FailureFigure`.
struct FailuresFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failures",
        abstract: "Lookups right after a fraction p of nodes crash at once, before and after settling, for successor lists r."
    )

    @Option(parsing: .unconditional, help: "Nodes in the ring (2 to 100000).") var nodes = 1024
    @Option(parsing: .unconditional, help: "Lookups per (p, r), each in each condition.") var lookups = 1000
    @Option(parsing: .unconditional, help: "Fractions p that crash, comma-separated (0 ≤ p < 1).") var fractions = "0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.45,0.5"
    @Option(parsing: .unconditional, help: "Successor-list lengths r, comma-separated (default 1,2,5,10 and 2·log2 N).") var successors: String?
    @Option(parsing: .unconditional, help: "At most this many maintenance rounds before the settled lookups.") var settleRounds = 40
    @OptionGroup var output: FigureOutput

    func validate() throws {
        guard (2...100_000).contains(nodes) else { throw ValidationError("--nodes must be from 2 to 100000") }
        guard (1...1_000_000).contains(lookups) else { throw ValidationError("--lookups must be from 1 to 1000000") }
        guard (0...10_000).contains(settleRounds) else { throw ValidationError("--settle-rounds must be from 0 to 10000") }
        let ps: [Double] = try parseList(fractions, "--fractions")
        guard ps.allSatisfy({ $0 >= 0 && $0 < 1 }) else { throw ValidationError("--fractions must each be at least 0 and below 1") }
        let rs = try successorLengths()
        guard rs.allSatisfy({ (1...1024).contains($0) }) else { throw ValidationError("--successors must each be from 1 to 1024") }
    }

    /// 2·log2 N, rounded down: the paper's r for its N = 1000 run is 20.
    private var twiceLog2N: Int { 2 * (Int.bitWidth - 1 - nodes.leadingZeroBitCount) }

    private func successorLengths() throws -> [Int] {
        if let successors { return try parseList(successors, "--successors") }
        return Array(Set([1, 2, 5, 10, twiceLog2N].filter { $0 <= max(1, twiceLog2N) })).sorted()
    }

    func run() throws {
        let ps: [Double] = try parseList(fractions, "--fractions")
        let rs = try successorLengths()
        let clock = ContinuousClock()
        var points: [FailureFigure.Point] = []
        for r in rs {
            for p in ps {
                var point: FailureFigure.Point?
                let time = clock.measure {
                    point = FailureFigure.point(nodes: nodes, successors: r, fraction: p, lookups: lookups,
                                                settleRoundsMax: settleRounds, seed: output.seed)
                }
                guard let point else { continue }
                points.append(point)
                output.emit([
                    ("figure", jsonString("failures")), ("nodes", String(nodes)), ("successors", String(r)),
                    ("fraction", format(p, 3)), ("crashed", String(point.crashed)), ("lookups", String(lookups)),
                    ("failedImmediate", format(point.immediate.failedFraction, 4)),
                    ("unansweredImmediate", String(point.immediate.unanswered)),
                    ("wrongImmediate", String(point.immediate.wrong)),
                    ("meanHopsImmediate", format(point.immediate.hops.mean, 3)),
                    ("lostKeys", format(point.immediate.lostFraction, 4)),
                    ("failedSettled", format(point.settled.failedFraction, 4)),
                    ("unansweredSettled", String(point.settled.unanswered)),
                    ("wrongSettled", String(point.settled.wrong)),
                    ("meanHopsSettled", format(point.settled.hops.mean, 3)),
                    ("settleRounds", String(point.settleRounds)), ("settledStable", point.settledStable ? "true" : "false"),
                    ("seconds", format(time.seconds, 3)),
                ])
            }
        }
        let rows = points.map { p in
            [String(p.successors), format(p.fraction, 2), String(p.crashed),
             format(p.immediate.failedFraction, 3), "\(p.immediate.unanswered)/\(p.immediate.wrong)",
             format(p.immediate.hops.mean, 2), format(p.immediate.lostFraction, 3),
             format(p.settled.failedFraction, 3), "\(p.settleRounds)\(p.settledStable ? "" : "+")"]
        }
        let markers = Array("abcdefghijklmnopqrstuvwxyz")
        func series(_ settled: Bool) -> [BraillePlot.Series] {
            // The reference first, so the measured markers are drawn over it.
            [BraillePlot.Series(name: "y = p", marker: "p", points: ps.map { ($0, $0) })] + rs.enumerated().map { i, r in
                BraillePlot.Series(name: "r=\(r)", marker: markers[i % markers.count], points: points.filter { $0.successors == r }.map {
                    ($0.fraction, settled ? $0.settled.failedFraction : $0.immediate.failedFraction)
                })
            }
        }
        output.report(
            "Lookups after p of \(nodes) nodes crash at once (\(lookups) lookups per cell)\n"
            + textTable(["r", "p", "crashed", "failed now", "none/wrong", "hops", "keys lost", "settled", "rounds"], rows)
            + """
            failed now / settled = no answer, or an answer that is not the key's live
            owner (routing failure). `now`: each lookup on its own copy of the crashed
            ring, before any repair but its own timeouts; `settled`: after stabilize +
            fix-fingers + check-predecessor rounds until one changes nothing (`+` in
            rounds: the round cap ran out first). keys lost = the key's pre-crash owner
            is down (≈ p whatever the routing: the data is gone without replication).
            Paper, SIGCOMM'01 Fig. 11 (10^4 nodes, 10^6 keys, after stabilization):
            failed lookups ≈ p, which is the keys-lost column (a lookup must find the
            node originally responsible). ToN'03 Table III (N = 1000, r = 20 = 2·log2 N,
            no repair before the lookups): every lookup found the key's live successor,
            i.e. failed now = 0 for r = 2·log2 N.

            """
            + BraillePlot(title: "Failed lookups right after the crash (no repair)", xLabel: "fraction p of nodes crashed",
                          yLabel: "fraction of lookups failed").render(series(false))
            + "\n"
            + BraillePlot(title: "Failed lookups after settling", xLabel: "fraction p of nodes crashed",
                          yLabel: "fraction of lookups failed").render(series(true)))
    }
}
