import RingsideKernel
import Testing
@testable import Bayou

/// Eventual consistency: once writes stop, enough sessions on a connected graph make replicas identical.
@Suite("Convergence")
struct ConvergenceTests {
    static func expectIdentical(_ replicas: [Replica], _ context: String) {
        let first = replicas[0]
        for replica in replicas.dropFirst() {
            #expect(replica.log == first.log, "\(context): logs differ")
            #expect(replica.versionVector == first.versionVector, "\(context): version vectors differ")
            #expect(replica.database == first.database, "\(context): databases differ")
        }
    }

    @Test("sessions along a random spanning tree converge, then commits spread", arguments: 1...20)
    func connectedGraph(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let count = 3 + random.index(below: 6)
        var replicas = (0..<count).map { Replica(id: Identifier(1000 - UInt64($0) * 7)) }
        // A random spanning tree: replica i hangs off an earlier one. Connected, and far from complete.
        let edges = (1..<count).map { ($0, random.index(below: $0)) }
        var total = 0
        for _ in 0..<(4 * count) {
            let at = random.index(below: count)
            let operation: Operation = random.next(below: 3) == 0
                ? .book(slots: ["s1", "s2"], who: "u\(at)")
                : .put(key: "k\(random.next(below: 5))", value: "\(total)")
            try replicas[at].accept(operation, at: replicas[at].clock + random.next(below: 5))
            total += 1
            if random.next(below: 5) == 0 { replicas[0].commitAsPrimary() }
        }
        // Writes stop. A round syncs every edge both ways; count - 1 rounds cover the tree's diameter.
        for _ in 0..<count {
            for (x, y) in edges {
                replicas[x].sync(from: replicas[y])
                replicas[y].sync(from: replicas[x])
            }
        }
        for replica in replicas { #expect(replica.logCount == total) }
        Self.expectIdentical(replicas, "seed \(seed) before the last commit")

        replicas[0].commitAsPrimary()
        for _ in 0..<count {
            for (x, y) in edges {
                replicas[x].sync(from: replicas[y])
                replicas[y].sync(from: replicas[x])
            }
        }
        for replica in replicas { #expect(replica.highestCSN == UInt64(total) && replica.tentativeCount == 0) }
        Self.expectIdentical(replicas, "seed \(seed) after the last commit")
        #expect(replicaInvariantProblems(replicas[0]) == [])
    }
}
