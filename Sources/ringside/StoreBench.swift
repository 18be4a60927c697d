import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench store`: strict-mode put/get throughput on an oracle ring.
struct StoreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Build an oracle ring of N random ids, then run strict-mode puts and gets (each routed and replicated as messages)."
    )

    @Option(parsing: .unconditional, help: "Number of nodes (1 to 2000000).") var nodes: Int = 100_000
    @Option(parsing: .unconditional, help: "Number of puts.") var puts: Int = 100_000
    @Option(parsing: .unconditional, help: "Number of gets.") var gets: Int = 100_000
    @Option(parsing: .unconditional, help: "Distinct keys the puts and gets draw from.") var keys: Int = 10_000
    @Option(parsing: .unconditional, help: "Replication N (1 to 32).") var replication: Int = 3
    @Option(parsing: .unconditional, help: "Write quorum W.") var w: Int = 2
    @Option(parsing: .unconditional, help: "Read quorum R.") var r: Int = 2
    @Option(help: "Lookup mode: recursive or iterative.") var lookupMode: String = "recursive"
    @Option(parsing: .unconditional, help: "Identifier bits (1 to 160).") var bits: Int = 32
    @Option(parsing: .unconditional, help: "PRNG seed.") var seed: UInt64 = 1
    @Flag(help: "Instead: compare two replicas' Merkle trees (merkle-sync's steps) and count the hashes sent.") var merkle = false
    @Option(parsing: .unconditional, help: "With --merkle: keys per replica.") var merkleKeys: Int = 1_000_000
    @Option(parsing: .unconditional, help: "With --merkle: percent of the keys whose values differ.") var differPercent: Double = 1

    func validate() throws {
        guard (1...10_000_000).contains(merkleKeys), (0...100).contains(differPercent) else {
            throw ValidationError("--merkle-keys must be from 1 to 10000000, --differ-percent from 0 to 100")
        }
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
        if merkle { return runMerkle() }
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

    /// Hashes sent against differences · log2(keys): the claim is that they grow alike.
    private func runMerkle() {
        let clock = ContinuousClock()
        var result: MerkleBenchmark.Result?
        let time = clock.measure { result = MerkleBenchmark.run(keys: merkleKeys, differPercent: differPercent, seed: seed) }
        guard let result else { return }
        let bound = Double(max(1, result.differing)) * log2(Double(max(2, result.keys)))
        printJSONLine([
            ("merkleKeys", String(result.keys)), ("differing", String(result.differing)),
            ("treeDepth", String(result.depth)),
            ("hashesSent", String(result.cost.hashes)),
            ("hashesPerDifferenceLog2Keys", format(Double(result.cost.hashes) / bound, 3)),
            ("differingLeaves", String(result.cost.differingLeaves)),
            ("valuesSent", String(result.cost.keysSent)),
            ("rounds", String(result.cost.rounds)),
            ("seconds", format(time.seconds, 3)),
            ("peakRSSBytes", String(PeakMemory.residentBytes())),
        ])
    }
}
