import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench figure path-length`: Stoica et al. 2001, Fig. 10(a).
struct PathLengthFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path-length",
        abstract: "Chord lookup hops for N = 2^min … 2^max (mean, 1st, 99th percentile) vs ½·log2 N."
    )

    @Option(parsing: .unconditional, help: "Smallest N is 2^this (1 to 20).") var minExponent = 3
    @Option(parsing: .unconditional, help: "Largest N is 2^this (1 to 20).") var maxExponent = 20
    @Option(parsing: .unconditional, help: "Random lookups per ring size.") var lookups = 10_000
    @OptionGroup var output: FigureOutput

    func validate() throws {
        guard (1...20).contains(minExponent), (1...20).contains(maxExponent), minExponent <= maxExponent else {
            throw ValidationError("--min-exponent and --max-exponent must be from 1 to 20, min ≤ max")
        }
        guard (1...10_000_000).contains(lookups) else { throw ValidationError("--lookups must be from 1 to 10000000") }
    }

    func run() throws {
        let clock = ContinuousClock()
        var points: [PathLengthFigure.Point] = []
        for exponent in minExponent...maxExponent {
            var point: PathLengthFigure.Point?
            let time = clock.measure {
                point = PathLengthFigure.point(exponent: exponent, lookups: lookups, seed: output.seed)
            }
            guard let point else { continue }
            points.append(point)
            output.emit([
                ("figure", jsonString("path-length")), ("exponent", String(exponent)), ("nodes", String(point.nodes)),
                ("lookups", String(lookups)), ("meanHops", format(point.hops.mean, 3)),
                ("p01Hops", String(point.hops.p01)), ("p99Hops", String(point.hops.p99)),
                ("halfLog2N", format(point.halfLog2N, 1)), ("seconds", format(time.seconds, 3)),
            ])
        }
        let rows = points.map { p in
            ["2^\(p.exponent)", String(p.nodes), format(p.hops.mean, 2), String(p.hops.p01), String(p.hops.p99),
             format(p.hops.mean - 1, 2), format(p.halfLog2N, 1)]
        }
        let plot = BraillePlot(title: "Chord path length (Stoica et al. 2001, Fig. 10a)", xLabel: "log2 N",
                               yLabel: "hops per lookup")
        output.report(
            "Path length, \(lookups) random lookups per ring,\n"
            + "routed message by message on an ideal ring\n"
            + textTable(["N", "nodes", "mean", "p01", "p99", "mean-1", "paper ½·log2 N"], rows)
            + """
            hops = messages from the asker to the owner; `mean-1` leaves out the last hop
            (predecessor → owner), which the paper's find_predecessor path does not count.
            Paper (SIGCOMM'01 / ToN'03 Fig. 10a, N = 2^3 … 2^14, 100·N keys):
            mean ≈ ½·log2 N, e.g. ≈ 6 at N = 2^12 (Fig. 10b, its PDF), the 1st/99th
            percentiles as error bars.

            """
            + plot.render([
                .init(name: "½·log2 N + 1", marker: "+", points: points.map { (Double($0.exponent), $0.halfLog2N + 1) }),
                .init(name: "mean", marker: "m", points: points.map { (Double($0.exponent), $0.hops.mean) }),
                .init(name: "p01", marker: "1", points: points.map { (Double($0.exponent), Double($0.hops.p01)) }),
                .init(name: "p99", marker: "9", points: points.map { (Double($0.exponent), Double($0.hops.p99)) }),
            ]))
    }
}
