import RingsideKernel
import RingsideStore

/// `ringside bench store --merkle`: two replicas of one key range (the whole 64-bit ring)
/// holding the same random keys, a fraction of whose values differ, compared with the same
/// Merkle steps `merkle-sync` takes message by message. Counts the hashes that travel, to
/// set against differences · log2(keys). Pure: the caller times it.
public enum MerkleBenchmark {
    public struct Result: Sendable {
        public var keys: Int
        public var differing: Int
        public var depth: Int
        public var cost: MerkleExchange.Cost
    }

    public static func run(keys: Int, differPercent: Double, seed: UInt64) -> Result {
        var rng = SplitMix64(seed: seed ^ 0x3E_4C1E)
        let space = IdentifierSpace(bits: 64)
        var seen = Set<UInt64>()
        var entries: [(key: Identifier, digest: UInt64)] = []
        entries.reserveCapacity(keys)
        while entries.count < keys {
            let id = rng.next()
            if seen.insert(id).inserted { entries.append((Identifier(id), MerkleDigest.mix(id))) }
        }
        // The other replica: the same keys, with every differing key's value changed.
        let differing = Int((Double(keys) * differPercent / 100).rounded())
        var other = entries
        var positions = Array(0..<keys)
        rng.shuffle(&positions)
        for p in positions.prefix(differing) { other[p].digest = MerkleDigest.mix(other[p].digest) }
        let range = MerkleRange(lo: .zero, hi: .zero, keys: keys, space: space)
        let a = [MerkleTree(range: range, entries: entries, space: space)]
        let b = [MerkleTree(range: range, entries: other, space: space)]
        return Result(keys: keys, differing: differing, depth: range.depth, cost: MerkleExchange.cost(initiator: a, other: b))
    }
}
