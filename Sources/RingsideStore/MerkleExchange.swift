/// The steps of a Merkle comparison, shared by the simulated `merkle-sync` (one step per
/// message) and the benchmark (all steps at once): the initiator sends hashes, the other
/// side answers which differ, the initiator descends into the differing internal nodes and
/// exchanges the keys of the differing leaves. Only hashes of nodes whose parent differed
/// travel, so d differences among n keys cost O(d · log n) hashes.
public enum MerkleExchange {
    /// The nodes whose hash in `trees` differs from the one sent, in node order.
    public static func differing(_ sent: [MerkleHash], trees: [MerkleTree]) -> [MerkleNodeID] {
        sent.filter { trees[$0.node.range].hash($0.node) != $0.hash }.map(\.node).sorted()
    }

    /// The roots of every tree: how a session starts.
    public static func roots(_ trees: [MerkleTree]) -> [MerkleHash] {
        trees.indices.map { MerkleHash(node: MerkleNodeID(range: $0, level: 0, index: 0), hash: trees[$0].hash(MerkleNodeID(range: $0, level: 0, index: 0))) }
    }

    /// What the initiator sends next for the nodes the other side found different: the
    /// children's hashes of internal nodes, and the differing leaves (whose keys it sends).
    public static func descend(_ differing: [MerkleNodeID], trees: [MerkleTree]) -> (hashes: [MerkleHash], leaves: [MerkleNodeID]) {
        var hashes: [MerkleHash] = []
        var leaves: [MerkleNodeID] = []
        for node in differing {
            if trees[node.range].isLeaf(node) {
                leaves.append(node)
            } else {
                hashes += node.children.map { MerkleHash(node: $0, hash: trees[$0.range].hash($0)) }
            }
        }
        return (hashes, leaves)
    }

    /// Counts for a whole comparison run without a network (the benchmark).
    public struct Cost: Sendable, Equatable {
        public var hashes = 0
        public var differingLeaves = 0
        /// Keys in differing leaves, counted on both sides (the values that travel).
        public var keysSent = 0
        public var rounds = 0
    }

    public static func cost(initiator a: [MerkleTree], other b: [MerkleTree]) -> Cost {
        var cost = Cost()
        var sent = roots(a)
        while !sent.isEmpty {
            cost.rounds += 1
            cost.hashes += sent.count
            let next = descend(differing(sent, trees: b), trees: a)
            cost.differingLeaves += next.leaves.count
            for leaf in next.leaves { cost.keysSent += a[leaf.range].keys(inLeaf: leaf).count + b[leaf.range].keys(inLeaf: leaf).count }
            sent = next.hashes
        }
        return cost
    }
}
