import Chord
import RingsideKernel

/// `ringside bench store`: strict-mode puts and gets of random keys from random nodes on
/// an oracle ring, every one routed and replicated message by message through the engine
/// the scripts use. Pure: the caller times it.
public enum StoreBenchmark {
    /// Messages sent so far in the run (message ids count from 1).
    public static func messagesSent(_ world: World) -> UInt64 { world.network.nextMessageID - 1 }

    /// Sets N, W and R (1 <= W, R <= N <= 32) and the lookup mode.
    public static func configure(_ world: inout World, replication: Int, w: Int, r: Int, iterative: Bool) {
        world.kv.replication = replication
        world.kv.writeQuorum = w
        world.kv.readQuorum = r
        world.withChord { $0.iterativeLookups = iterative }
    }

    /// `puts` puts of keys drawn from `keys` distinct random keys, then `gets` gets of
    /// them. Returns how many gets answered with a value.
    public static func run(_ world: inout World, puts: Int, gets: Int, keys: Int, seed: UInt64) -> Int {
        var rng = SplitMix64(seed: seed ^ 0x570_2E_5EED)
        let space = world.space
        let keyIDs = (0..<max(1, keys)).map { _ in rng.identifier(in: space) }
        let ring = world.state.liveRing
        for i in 0..<puts {
            let from = ring.nodes[rng.index(below: ring.count)]
            let key = keyIDs[rng.index(below: keyIDs.count)]
            world.enqueue(.put(key: key, value: "v\(i)", from: from))
            while (try? world.step()) == true {}
        }
        var found = 0
        for _ in 0..<gets {
            let from = ring.nodes[rng.index(below: ring.count)]
            let key = keyIDs[rng.index(below: keyIDs.count)]
            world.enqueue(.get(key: key, from: from, keyText: "", nodeText: ""))
            while (try? world.step()) == true {}
            if world.kv.gets.last?.values.isEmpty == false { found += 1 }
            world.kv.reports.removeAll(keepingCapacity: true)
        }
        return found
    }
}
