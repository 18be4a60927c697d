import ArgumentParser
import Bayou
import Foundation

/// `ringside bench bayou`: epidemic anti-entropy among R replicas until their logs agree.
struct BayouBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bayou",
        abstract: "W writes over R replicas, then push-pull rounds with random partners until all logs are identical."
    )

    @Option(parsing: .unconditional, help: "Number of replicas (2 to 100000).") var replicas: Int
    @Option(parsing: .unconditional, help: "Number of writes (0 to 10000000).") var writes: Int
    @Option(parsing: .unconditional, help: "PRNG seed.") var seed: UInt64 = 1

    func validate() throws {
        guard (2...100_000).contains(replicas) else { throw ValidationError("--replicas must be from 2 to 100000") }
        guard (0...10_000_000).contains(writes) else { throw ValidationError("--writes must be from 0 to 10000000") }
    }

    func run() throws {
        let clock = ContinuousClock()
        var result: BayouBenchmark.Result?
        let elapsed = clock.measure {
            result = BayouBenchmark.run(replicas: replicas, writes: writes, seed: seed)
        }
        guard let result else { return }
        let fields: [(String, String)] = [
            ("replicas", String(result.replicas)),
            ("writes", String(result.writes)),
            ("rounds", String(result.rounds)),
            ("sessions", String(result.sessions)),
            ("writesSent", String(result.writesSent)),
            ("converged", result.converged ? "true" : "false"),
            ("seconds", format(elapsed.seconds, 3)),
            ("peakRSSBytes", String(PeakMemory.residentBytes())),
        ]
        printJSONLine(fields)
    }
}
