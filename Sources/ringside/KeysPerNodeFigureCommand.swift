import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench figure keys-per-node`: Stoica et al. 2001, Figs. 8 and 9 (load balance).
struct KeysPerNodeFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys-per-node",
        abstract: "Keys per node (mean, 1st/99th percentile) for N nodes, K keys, v virtual nodes per node."
    )

    @Option(parsing: .unconditional, help: "Real nodes (1 to 100000).") var nodes = 10_000
    @Option(parsing: .unconditional, help: "Key counts, comma-separated (1 to 10000000 each).") var keys = "100000,200000,300000,400000,500000,600000,700000,800000,900000,1000000"
    @Option(parsing: .unconditional, help: "Virtual nodes per real node, comma-separated (1 to 64 each).") var virtual = "1,2,5,10,20"
    @OptionGroup var output: FigureOutput

    func validate() throws {
        guard (1...100_000).contains(nodes) else { throw ValidationError("--nodes must be from 1 to 100000") }
        let ks: [Int] = try parseList(keys, "--keys")
        guard ks.allSatisfy({ (1...10_000_000).contains($0) }) else { throw ValidationError("--keys must each be from 1 to 10000000") }
        let vs: [Int] = try parseList(virtual, "--virtual")
        guard vs.allSatisfy({ (1...64).contains($0) }) else { throw ValidationError("--virtual must each be from 1 to 64") }
    }

    func run() throws {
        let ks: [Int] = Array(Set(try parseList(keys, "--keys") as [Int])).sorted()
        let vs: [Int] = Array(Set(try parseList(virtual, "--virtual") as [Int])).sorted()
        var points: [KeysPerNodeFigure.Point] = []
        for v in vs {
            for point in KeysPerNodeFigure.points(nodes: nodes, virtualNodes: v, keyCounts: ks, seed: output.seed) {
                points.append(point)
                output.emit([
                    ("figure", jsonString("keys-per-node")), ("nodes", String(nodes)), ("virtualNodes", String(v)),
                    ("keys", String(point.keys)), ("mean", format(point.perNode.mean, 3)),
                    ("p01", String(point.perNode.p01)), ("p99", String(point.perNode.p99)),
                    ("max", String(point.perNode.max)), ("p99OverMean", format(point.p99OverMean, 3)),
                ])
            }
        }
        let rows = points.map { p in
            [String(p.virtualNodes), String(p.keys), format(p.perNode.mean, 1), String(p.perNode.p01),
             String(p.perNode.p99), String(p.perNode.max), format(p.p99OverMean, 2)]
        }
        let fewest = vs.first ?? 1, most = ks.last ?? 0
        let fig8 = points.filter { $0.virtualNodes == fewest }
        let fig9 = points.filter { $0.keys == most }
        output.report(
            "Keys per real node, \(nodes) nodes\n"
            + "(ownership: the first id at or after the key)\n"
            + textTable(["v", "keys", "mean", "p01", "p99", "max", "p99/mean"], rows)
            + """
            Paper, SIGCOMM'01 Fig. 8 (10^4 nodes, 10^5 … 10^6 keys, one id per node):
            at 5·10^5 keys the mean is 50 and the 99th percentile ≈ 4.8× the mean
            (1st percentile 0). Fig. 9 (10^4 nodes, 10^6 keys, 1 … 20 virtual nodes):
            the spread narrows as v grows (with v ≈ log N virtual nodes, p99 comes within
            a small factor of the mean).

            """
            + BraillePlot(title: "Keys per node, v = \(fewest) (Fig. 8a)", xLabel: "keys stored", yLabel: "keys per node")
                .render([
                    .init(name: "p99", marker: "9", points: fig8.map { (Double($0.keys), Double($0.perNode.p99)) }),
                    .init(name: "mean", marker: "m", points: fig8.map { (Double($0.keys), $0.perNode.mean) }),
                    .init(name: "p01", marker: "1", points: fig8.map { (Double($0.keys), Double($0.perNode.p01)) }),
                ])
            + "\n"
            + BraillePlot(title: "Keys per node, \(most) keys (Fig. 9)", xLabel: "virtual nodes per node",
                          yLabel: "keys per node").render([
                    .init(name: "p99", marker: "9", points: fig9.map { (Double($0.virtualNodes), Double($0.perNode.p99)) }),
                    .init(name: "mean", marker: "m", points: fig9.map { (Double($0.virtualNodes), $0.perNode.mean) }),
                    .init(name: "p01", marker: "1", points: fig9.map { (Double($0.virtualNodes), Double($0.perNode.p01)) }),
                ]))
    }
}
