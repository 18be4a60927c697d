import Chord
import RingsideKernel

/// `ringside bench timeline`: a long run recorded in a `Timeline`, then jumps to random
/// steps. Pure: it builds the runs and the jump targets; the caller times and measures.
public enum TimelineBenchmark {
    /// Which world the run starts from.
    public enum Start: String, Sendable, CaseIterable {
        /// The built-in demo (six nodes, m = 7, Bayou replicas).
        case demo
        /// An oracle ring of `nodes` random 160-bit ids, narrating and recording lookup
        /// paths as the terminal view does.
        case ring
    }

    public static func world(_ start: Start, nodes: Int, seed: UInt64) -> World {
        switch start {
        case .demo:
            return Demo.world()
        case .ring:
            var world = ChordBenchmark.build(nodes: nodes, bits: World.defaultBits, seed: seed)
            world.withChord { $0.recordsLookupPaths = true; $0.narrates = true }
            return world
        }
    }

    /// Records `steps` steps: while work is under way mostly one event, else (and now and
    /// then anyway) a command — lookups, stabilize and fix-fingers at one node, and on the
    /// demo also Bayou writes, syncs and commits.
    public static func record(_ timeline: inout Timeline, steps: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed ^ 0x7133_11E)
        let isDemo = timeline.world.state.count <= 8
        while timeline.stepCount < steps {
            let world = timeline.world
            if !world.isIdle, rng.index(below: 8) != 0 {
                // Benchmark inputs raise no errors worth stopping for: they are recorded anyway.
                _ = try? timeline.step()
                continue
            }
            let ring = world.state.liveRing.nodes
            let a = world.state.name(ring[rng.index(below: ring.count)])
            let b = world.state.name(ring[rng.index(below: ring.count)])
            var lines = ["lookup \(rng.identifier(in: world.space)) from \(a)", "stabilize \(a)",
                         "fix-fingers \(a)", "check-predecessor \(a)"]
            if isDemo { lines += ["write \(a) put K \(rng.index(below: 9))", "sync \(a) \(b)", "commit"] }
            let line = lines[rng.index(below: lines.count)]
            guard let statement = try? Parser.parse(line: Substring(line), number: 1) else { continue }
            _ = try? timeline.begin(statement)
        }
    }

    /// `count` random steps in 0...steps to jump to.
    public static func jumpTargets(count: Int, steps: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed ^ 0x0007_1AE5)
        return (0..<count).map { _ in rng.index(below: steps + 1) }
    }
}
