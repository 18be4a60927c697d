import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench`: performance measured as a user runs it, one JSON line per run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks; each prints one JSON line.",
        subcommands: [ChordBench.self, StoreBench.self, BayouBench.self, UIBench.self, TimelineBench.self, FigureBench.self]
    )
}

struct ChordBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chord",
        abstract: "Build an oracle ring of N random ids and route L random lookups over it."
    )

    @Option(parsing: .unconditional, help: "Number of nodes (1 to 2000000).") var nodes: Int
    @Option(parsing: .unconditional, help: "Number of lookups.") var lookups: Int
    @Option(parsing: .unconditional, help: "Identifier bits (1 to 160).") var bits: Int = 32
    @Option(parsing: .unconditional, help: "PRNG seed.") var seed: UInt64 = 1
    @Option(help: "Lookup mode: recursive, iterative, or both (one line each).") var lookupMode: String = "recursive"

    func validate() throws {
        guard ["recursive", "iterative", "both"].contains(lookupMode) else {
            throw ValidationError("--lookup-mode must be recursive, iterative or both")
        }
        guard (1...160).contains(bits) else { throw ValidationError("--bits must be from 1 to 160") }
        guard (1...2_000_000).contains(nodes) else { throw ValidationError("--nodes must be from 1 to 2000000") }
        guard (0...100_000_000).contains(lookups) else { throw ValidationError("--lookups must be from 0 to 100000000") }
        if bits < 64 && UInt64(nodes) > (UInt64(1) << UInt64(bits)) {
            throw ValidationError("--nodes \(nodes) does not fit in a \(bits)-bit space (at most \(UInt64(1) << UInt64(bits)) ids)")
        }
    }

    func run() throws {
        let modes = lookupMode == "both" ? ["recursive", "iterative"] : [lookupMode]
        for mode in modes { run(mode: mode) }
    }

    private func run(mode: String) {
        let clock = ContinuousClock()
        var world = World()
        let buildTime = clock.measure {
            world = ChordBenchmark.build(nodes: nodes, bits: bits, seed: seed)
        }
        var hops: [Int] = []
        let before = StoreBenchmark.messagesSent(world)
        let lookupTime = clock.measure {
            hops = ChordBenchmark.lookups(&world, count: lookups, seed: seed, iterative: mode == "iterative")
        }
        let messages = StoreBenchmark.messagesSent(world) - before
        hops.sort()
        let mean = hops.isEmpty ? 0 : Double(hops.reduce(0, +)) / Double(hops.count)
        let lookupSeconds = lookupTime.seconds
        let fields: [(String, String)] = [
            ("nodes", String(nodes)),
            ("lookups", String(lookups)),
            ("bits", String(bits)),
            ("lookupMode", "\"\(mode)\""),
            ("meanPathLength", format(mean, 3)),
            ("messagesPerLookup", format(lookups > 0 ? Double(messages) / Double(lookups) : 0, 3)),
            ("p01PathLength", String(ChordBenchmark.percentile(hops, 1))),
            ("p99PathLength", String(ChordBenchmark.percentile(hops, 99))),
            ("buildSeconds", format(buildTime.seconds, 3)),
            ("lookupSeconds", format(lookupSeconds, 3)),
            ("lookupsPerSecond", format(lookupSeconds > 0 ? Double(lookups) / lookupSeconds : 0, 0)),
            ("peakRSSBytes", String(PeakMemory.residentBytes())),
        ]
        printJSONLine(fields)
    }
}

/// Prints a benchmark's result as one JSON object on one line, fields in the order given
/// (values are already JSON literals: numbers or booleans).
func printJSONLine(_ fields: [(String, String)]) {
    print("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}")
}

func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// Peak resident set size of this process, from getrusage (kilobytes on Linux).
enum PeakMemory {
    static func residentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
