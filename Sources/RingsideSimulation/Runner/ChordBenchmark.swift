import Chord
import RingsideKernel

/// `ringside bench chord`: an oracle ring of N random ids, then L random-key lookups routed
/// message by message through the same engine the scripts use. Pure: the caller times it.
public enum ChordBenchmark {

    /// N distinct random ids in 0 ..< 2^bits, placed as a fully stabilized ring.
    public static func build(nodes: Int, bits: Int, seed: UInt64) -> World {
        var world = World(seed: seed)
        world.resetSpace(bits: bits)
        var rng = SplitMix64(seed: seed ^ 0x5EED_0F_C0DE)
        let space = world.space
        var seen = Set<Identifier>(minimumCapacity: nodes)
        var specs: [(id: Identifier, name: String)] = []
        specs.reserveCapacity(nodes)
        while specs.count < nodes {
            let id = rng.identifier(in: space)
            // Named by number: a name of up to 15 bytes is stored inline, where "N" and a
            // 20-digit id took a heap allocation per node.
            if seen.insert(id).inserted { specs.append((id, "n\(specs.count)")) }
        }
        // Added in ring order, as the C reference numbers its nodes: a node's successor
        // then sits next to it in every per-node array, so a hop touches fewer cache lines.
        // Routing reads ids, never indices, so every route and hop count is the same.
        specs.sort { $0.id < $1.id }
        world.withChord { chord in
            chord.recordsLookupPaths = false
            chord.narrates = false
            chord.withState { state in
                _ = state.addNodes(specs)
                state.stabilizeByOracle()
            }
        }
        if let first = world.state.liveRing.nodes.first { world.primary = first }
        return world
    }

    /// Runs `count` lookups of random keys from random live nodes; returns each one's hops.
    public static func lookups(_ world: inout World, count: Int, seed: UInt64, iterative: Bool = false) -> [Int] {
        world.withChord { $0.iterativeLookups = iterative }
        var rng = SplitMix64(seed: seed ^ 0x100C_0FF5)
        let ring = world.state.liveRing
        var hops: [Int] = []
        hops.reserveCapacity(count)
        for _ in 0..<count {
            let from = ring.nodes[rng.index(below: ring.count)]
            let key = rng.identifier(in: world.space)
            world.enqueue(.lookup(key: key, from: from))
            // Lookups raise no script errors; the loop ends when the route is answered.
            while (try? world.step()) == true {}
            hops.append(world.chord.lastLookupHops)
        }
        return hops
    }

    /// The p-th percentile (nearest rank) of sorted values.
    public static func percentile(_ sorted: [Int], _ p: Double) -> Int {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
