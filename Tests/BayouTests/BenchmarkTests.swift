import Testing
@testable import Bayou

/// The epidemic benchmark at a small size: converges, sane counters, same seed same counts.
@Suite("Benchmark")
struct BenchmarkTests {
    @Test("R = 50, W = 500 converges with exact counters", arguments: [UInt64(1), 2, 3])
    func small(seed: UInt64) {
        let result = BayouBenchmark.run(replicas: 50, writes: 500, seed: seed)
        #expect(result.converged)
        #expect(result.replicas == 50 && result.writes == 500)
        #expect((3...30).contains(result.rounds), "rounds \(result.rounds)")
        #expect(result.sessions == 2 * 50 * result.rounds)
        // Sequential whole sessions never send a write twice to the same replica:
        // each of the other 49 replicas receives each write exactly once.
        #expect(result.writesSent == 49 * 500)
        #expect(BayouBenchmark.run(replicas: 50, writes: 500, seed: seed) == result)
    }

    @Test("the converged replicas really hold identical logs")
    func identicalLogs() {
        let (result, replicas) = BayouBenchmark.simulate(replicas: 20, writes: 150, seed: 9, roundsMax: 100)
        #expect(result.converged)
        let log = replicas[0].writes
        #expect(log.count == 150)
        #expect(replicas.allSatisfy { $0.writes == log })
        #expect(replicas.allSatisfy { $0.database == replicas[0].database })
    }

    @Test("degenerate sizes")
    func degenerate() {
        let one = BayouBenchmark.run(replicas: 1, writes: 10, seed: 1)
        #expect(one.converged && one.rounds == 0 && one.sessions == 0)
        let none = BayouBenchmark.run(replicas: 5, writes: 0, seed: 1)
        #expect(none.converged && none.rounds == 0)
        let capped = BayouBenchmark.run(replicas: 64, writes: 640, seed: 1, roundsMax: 1)
        #expect(!capped.converged && capped.rounds == 1)
    }
}
