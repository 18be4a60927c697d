import ArgumentParser
import RingsideSimulation

/// `ringside bench store`: strict-mode put/get throughput on an oracle ring.
struct StoreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Build an oracle ring of N random ids, then run strict-mode puts and gets (each routed and replicated as messages)."
    )

    @Option(help: "Number of nodes (1 to 2000000).") var nodes: Int = 100_000
    @Option(help: "Number of puts.") var puts: Int = 100_000
    @Option(help: "Number of gets.") var gets: Int = 100_000
    @Option(help: "Distinct keys the puts and gets draw from.") var keys: Int = 10_000
    @Option(help: "Replication N (1 to 32).") var replication: Int = 3
    @Option(help: "Write quorum W.") var w: Int = 2
    @Option(help: "Read quorum R.") var r: Int = 2
    @Option(help: "Lookup mode: recursive or iterative.") var lookupMode: String = "recursive"
    @Option(help: "Identifier bits (1 to 160).") var bits: Int = 32
    @Option(help: "PRNG seed.") var seed: UInt64 = 1

    func validate() throws {
        guard ["recursive", "iterative"].contains(lookupMode) else { throw ValidationError("--lookup-mode must be recursive or iterative") }
        guard (1...160).contains(bits) else { throw ValidationError("--bits must be from 1 to 160") }
        guard (1...2_000_000).contains(nodes) else { throw ValidationError("--nodes must be from 1 to 2000000") }
        guard (1...32).contains(replication) else { throw ValidationError("--replication must be from 1 to 32") }
        guard (1...replication).contains(w), (1...replication).contains(r) else { throw ValidationError("--w and --r must be from 1 to --replication") }
        guard (0...100_000_000).contains(puts), (0...100_000_000).contains(gets), (1...10_000_000).contains(keys) else {
            throw ValidationError("--puts and --gets must be from 0 to 100000000, --keys from 1 to 10000000")
        }
        if bits < 64 && UInt64(nodes) > (UInt64(1) << UInt64(bits)) {
            throw ValidationError("--nodes \(nodes) does not fit in a \(bits)-bit space")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        var world = World()
        let buildTime = clock.measure { world = ChordBenchmark.build(nodes: nodes, bits: bits, seed: seed) }
        StoreBenchmark.configure(&world, replication: replication, w: w, r: r, iterative: lookupMode == "iterative")
        var found = 0
        let before = StoreBenchmark.messagesSent(world)
        let opTime = clock.measure {
            found = StoreBenchmark.run(&world, puts: puts, gets: gets, keys: keys, seed: seed)
        }
        let messages = StoreBenchmark.messagesSent(world) - before
        let seconds = opTime.seconds
        let ops = puts + gets
        printJSONLine([
            ("nodes", String(nodes)), ("puts", String(puts)), ("gets", String(gets)), ("keys", String(keys)),
            ("replication", String(replication)), ("w", String(w)), ("r", String(r)),
            ("lookupMode", "\"\(lookupMode)\""),
            ("getsFound", String(found)),
            ("messagesPerOperation", format(ops > 0 ? Double(messages) / Double(ops) : 0, 2)),
            ("buildSeconds", format(buildTime.seconds, 3)),
            ("operationSeconds", format(seconds, 3)),
            ("operationsPerSecond", format(seconds > 0 ? Double(ops) / seconds : 0, 0)),
            ("peakRSSBytes", String(PeakMemory.residentBytes())),
        ])
    }
}
