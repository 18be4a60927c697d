import Chord
import RingsideKernel

/// Stoica et al. 2001, load balance (SIGCOMM Figs. 8 and 9): keys per real node when
/// N nodes each run v virtual nodes at random ids and K random keys are stored.
///
/// Ownership is the oracle rule the engine's `store` uses (a key belongs to the first
/// live id at or after it, `SortedRing.successor`); a real node holds the keys of all
/// its virtual nodes. No message is needed: where a key lives does not depend on routing.
public enum KeysPerNodeFigure {
    public struct Point: Hashable, Sendable {
        public let nodes: Int
        public let virtualNodes: Int
        public let keys: Int
        /// Keys per real node; its mean is exactly keys / nodes.
        public let perNode: Spread
        public var p99OverMean: Double { perNode.mean == 0 ? 0 : Double(perNode.p99) / perNode.mean }
    }

    /// 64-bit ids: 2×10^5 virtual nodes and 10^6 keys in a space where ties are rare.
    public static let bits = 64

    /// One ring of nodes × virtualNodes ids; keys stored on it in prefixes of `keyCounts`
    /// (the same ring and the same key stream for every K, as one growing store).
    public static func points(nodes: Int, virtualNodes: Int, keyCounts: [Int], seed: UInt64) -> [Point] {
        let space = IdentifierSpace(bits: bits)
        var rng = SplitMix64(seed: seed ^ UInt64(virtualNodes) &* 0x9E37_79B9_7F4A_7C15)
        var ring = SortedRing()
        var used = Set<Identifier>(minimumCapacity: nodes * virtualNodes)
        var entries: [(Identifier, NodeIndex)] = []
        entries.reserveCapacity(nodes * virtualNodes)
        // Virtual node i belongs to real node i / virtualNodes.
        while entries.count < nodes * virtualNodes {
            let id = rng.identifier(in: space)
            if used.insert(id).inserted { entries.append((id, NodeIndex(entries.count))) }
        }
        ring.insert(contentsOf: entries)
        var counts = [Int](repeating: 0, count: nodes)
        var stored = 0
        var result: [Point] = []
        for target in keyCounts.sorted() {
            while stored < target {
                let key = rng.identifier(in: space)
                if let owner = ring.successor(of: key) { counts[Int(owner) / virtualNodes] += 1 }
                stored += 1
            }
            result.append(Point(nodes: nodes, virtualNodes: virtualNodes, keys: target, perNode: Spread(counts)))
        }
        return result
    }
}
