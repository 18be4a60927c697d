import RingsideKernel

/// An epidemic benchmark of anti-entropy: how many push-pull rounds until every replica agrees.
///
/// Pure: it returns counters and never reads a clock; the caller times it.
public enum BayouBenchmark {
    /// The counters of one run.
    public struct Result: Hashable, Sendable {
        public let replicas: Int
        public let writes: Int
        /// Push-pull rounds run (0 if the replicas agreed from the start).
        public let rounds: Int
        /// One-way anti-entropy sessions (two per push-pull).
        public let sessions: Int
        /// Session items that carried a whole write.
        public let writesSent: Int
        /// Writes undone (and as many redone) across all replicas, as eager replicas would.
        public let writesUndone: Int
        /// False if `roundsMax` ran out first.
        public let converged: Bool
    }

    /// W puts of random keys at random replicas, then push-pull rounds until all logs are identical.
    ///
    /// In each round every replica, in index order, syncs with a uniformly random other
    /// replica: it sends to the partner, then the partner sends to it. Every draw comes
    /// from one SplitMix64 seeded with `seed`, so a seed fixes the whole run.
    public static func run(replicas replicaCount: Int, writes writeCount: Int, seed: UInt64,
                           roundsMax: Int = 10_000) -> Result {
        simulate(replicas: replicaCount, writes: writeCount, seed: seed, roundsMax: roundsMax).result
    }

    /// `run`, also returning the final replicas (for tests).
    static func simulate(replicas replicaCount: Int, writes writeCount: Int, seed: UInt64,
                         roundsMax: Int) -> (result: Result, replicas: [Replica]) {
        precondition(replicaCount >= 1, "at least one replica")
        precondition(writeCount >= 0, "writes must be >= 0")
        var random = SplitMix64(seed: seed)
        var replicas = makeReplicas(replicaCount, random: &random)
        let keyCount = UInt64(max(1, writeCount / 10))
        var accepted = 0
        for index in 0..<writeCount {
            let at = random.index(below: replicaCount)
            let key = "k\(random.next(below: keyCount))"
            // Without `at`, accept only fails once timestamps run out, which W cannot reach.
            if (try? replicas[at].accept(.put(key: key, value: "\(index)"))) != nil { accepted += 1 }
        }

        var rounds = 0
        var sessions = 0
        var writesSent = 0
        while !allAgree(replicas, writeCount: accepted) && rounds < roundsMax && replicaCount > 1 {
            rounds += 1
            for initiator in 0..<replicaCount {
                var partner = random.index(below: replicaCount - 1)
                if partner >= initiator { partner += 1 }
                writesSent += session(&replicas, from: initiator, to: partner)
                writesSent += session(&replicas, from: partner, to: initiator)
                sessions += 2
            }
        }
        let result = Result(
            replicas: replicaCount, writes: writeCount, rounds: rounds, sessions: sessions,
            writesSent: writesSent, writesUndone: replicas.reduce(0) { $0 + $1.rollbackTotals.undone },
            converged: allAgree(replicas, writeCount: accepted))
        return (result, replicas)
    }

    /// Distinct pseudo-random node ids, so that origin order is not replica order.
    private static func makeReplicas(_ count: Int, random: inout SplitMix64) -> [Replica] {
        var used = Set<Identifier>()
        var replicas: [Replica] = []
        replicas.reserveCapacity(count)
        while replicas.count < count {
            let id = Identifier(random.next())
            if used.insert(id).inserted { replicas.append(Replica(id: id)) }
        }
        return replicas
    }

    /// One one-way session; returns how many items carried a write.
    private static func session(_ replicas: inout [Replica], from sender: Int, to receiver: Int) -> Int {
        // A copy of the sender shares its storage and is never written to while it lives.
        let senderReplica = replicas[sender]
        return replicas[receiver].sync(from: senderReplica).writes
    }

    /// Identical logs: the log order is a function of the write set and the committed
    /// prefix, and every write has a unique stamp, so holding all writes with the same
    /// highest CSN means holding the same log.
    private static func allAgree(_ replicas: [Replica], writeCount: Int) -> Bool {
        guard let csn = replicas.first?.highestCSN else { return true }
        return replicas.allSatisfy { $0.logCount == writeCount && $0.highestCSN == csn }
    }
}
