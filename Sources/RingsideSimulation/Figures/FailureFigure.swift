import Chord
import RingsideKernel

/// Stoica et al.: lookups right after a fraction p of the nodes crash at once (SIGCOMM
/// Fig. 11, ToN Table III), for successor lists of r = 1 … 2·log2 N.
///
/// What is measured, exactly: an ideal ring of N nodes with successor lists of length r;
/// a random ⌊p·N⌉ of them crash together; then L lookups of random keys from random live
/// nodes, routed message by message (a message to a crashed node times out and the sender
/// drops that node, the engine's only repair). A lookup *fails* when it ends without an
/// answer or answers a node other than the key's live owner (the first live node at or
/// after the key). Separately, a key is *lost* when its owner before the crash is down:
/// that fraction is ≈ p whatever the routing does, and it is what SIGCOMM Fig. 11 counts
/// as failed, because there a lookup must find the node "originally responsible".
///
/// Two conditions from the same crash: `immediate` runs every lookup on its own copy of
/// the crashed world, so no lookup benefits from another's timeouts (the paper's "before
/// the tables are corrected"); `settled` first runs rounds of stabilize, fix-fingers and
/// check-predecessor on every live node until a round changes nothing (or `settleRounds`
/// run out), then the same lookups.
public enum FailureFigure {
    public struct Outcome: Hashable, Sendable {
        public let lookups: Int
        /// Ended with no answer (no live node left to ask).
        public let unanswered: Int
        /// Answered a node that is not the key's live owner.
        public let wrong: Int
        /// The key's pre-crash owner is down, answered or not (the paper's Fig. 11 failures).
        public let lost: Int
        /// Hops of the answered lookups.
        public let hops: Spread
        public var failed: Int { unanswered + wrong }
        public var failedFraction: Double { lookups == 0 ? 0 : Double(failed) / Double(lookups) }
        public var lostFraction: Double { lookups == 0 ? 0 : Double(lost) / Double(lookups) }
    }

    public struct Point: Hashable, Sendable {
        public let nodes: Int
        public let successors: Int
        public let fraction: Double
        public let crashed: Int
        public let immediate: Outcome
        public let settled: Outcome
        /// Maintenance rounds run before the settled lookups.
        public let settleRounds: Int
        /// False when `settleRounds` ran out before a round changed nothing.
        public let settledStable: Bool
    }

    public static let bits = 32

    public static func point(nodes: Int, successors: Int, fraction: Double, lookups: Int,
                             settleRoundsMax: Int, seed: UInt64) -> Point {
        var world = ChordBenchmark.build(nodes: nodes, bits: bits, seed: seed)
        world.withChord { chord in
            // Lookup records give each lookup's answer; narration stays off (it is only text).
            chord.recordsLookupPaths = true
            chord.withState { state in
                state.setSuccessorListLength(successors)
                state.stabilizeByOracle()
            }
        }
        let before = world.state.liveRing
        // Not drawn from r: every r sees the same crash and the same lookups, so the
        // columns of one p differ only by the successor lists.
        var rng = SplitMix64(seed: seed ^ 0xFA11_0000)
        var order = before.nodes
        rng.shuffle(&order)
        // At least one node stays up, so every lookup has somewhere to start.
        let crashed = min(nodes - 1, Int((fraction * Double(nodes)).rounded()))
        world.withChord { chord in
            for node in order.prefix(crashed) { chord.fail(node) }
        }
        // The same keys and askers in both conditions.
        var probes: [(key: Identifier, from: NodeIndex)] = []
        let live = world.state.liveRing
        for _ in 0..<lookups {
            let from = live.nodes[rng.index(below: live.count)]
            probes.append((rng.identifier(in: world.space), from))
        }
        let immediate = measure(world, probes, ownersBefore: before)

        var settling = world
        var rounds = 0
        var stable = false
        while rounds < settleRoundsMax && !stable {
            rounds += 1
            let changes = settling.state.changeCount
            for command in ["stabilize", "fix-fingers", "check-predecessor"] {
                // Commands over all live nodes raise no script error; if one ever did,
                // the round simply counts as not stable.
                _ = try? settling.execute(line: command)
            }
            stable = settling.state.changeCount == changes
        }
        let settled = measure(settling, probes, ownersBefore: before)
        return Point(nodes: nodes, successors: successors, fraction: fraction, crashed: crashed,
                     immediate: immediate, settled: settled, settleRounds: rounds, settledStable: stable)
    }

    /// Runs each probe on its own copy of `world` and classifies its answer.
    private static func measure(_ world: World, _ probes: [(key: Identifier, from: NodeIndex)],
                                ownersBefore: SortedRing) -> Outcome {
        var unanswered = 0, wrong = 0, lost = 0
        var hops: [Int] = []
        for probe in probes {
            var copy = world
            let ownerNow = copy.state.liveRing.successor(of: probe.key)
            copy.enqueue(.lookup(key: probe.key, from: probe.from))
            // A lookup raises no script error; a thrown one ends it like no answer.
            while (try? copy.step()) == true {}
            if let original = ownersBefore.successor(of: probe.key), !copy.state.isAlive(original) { lost += 1 }
            guard let record = copy.chord.lookups.last, !record.failed, let owner = record.owner else {
                unanswered += 1
                continue
            }
            hops.append(copy.chord.lastLookupHops)
            if owner != ownerNow { wrong += 1 }
        }
        return Outcome(lookups: probes.count, unanswered: unanswered, wrong: wrong, lost: lost, hops: Spread(hops))
    }
}
