import Bayou
import Chord
import RingsideKernel
import RingsideSimulation

/// How far the world is from converged at one step: what the convergence view plots
/// over time. Small and plain, so the history can keep hundreds of them.
public struct ConvergenceSample: Sendable, Equatable {
    /// The timeline step it was taken at (the cursor's numbering).
    public var step: Int
    public var time: VirtualTime

    // MARK: Bayou

    /// Live replicas compared (all of them).
    public var replicas: Int
    /// Distinct databases among them: 1 when they all agree.
    public var distinctDatabases: Int
    /// Some replica has accepted a write: before that, agreement says nothing.
    public var hasWrites: Bool

    // MARK: Chord

    public var liveNodes: Int
    /// Live nodes whose successor is the next live node on the ideal ring, out of `liveNodes`.
    public var correctSuccessors: Int
    /// Fingers equal to the ideal ring's, out of `fingersChecked` (a bounded sample of nodes).
    public var correctFingers: Int
    public var fingersChecked: Int
    /// Lookups so far that failed, or answered with a node that is not the key's owner.
    public var failedLookups: Int
    public var wrongOwnerLookups: Int
    /// Lookups judged so far: a lookup is judged once, when it has ended, so each sample
    /// only looks at the lookups that ended since the previous one.
    var lookupsJudged: Int

    /// Successors correct, 0...1 (1 on an empty ring: nothing is wrong).
    public var successorFraction: Double { liveNodes == 0 ? 1 : Double(correctSuccessors) / Double(liveNodes) }
    /// Fingers correct, 0...1.
    public var fingerFraction: Double { fingersChecked == 0 ? 1 : Double(correctFingers) / Double(fingersChecked) }
    /// Every replica compared holds the same state.
    public var replicasIdentical: Bool { distinctDatabases <= 1 }
}

extension ConvergenceSample {
    /// Nodes whose fingers are checked at most, spread evenly round the ring: every finger
    /// of every node (N·m lookups in the ideal ring) would cost milliseconds per step.
    static let fingerNodesMax = 64

    /// Measures `world` now, judging the lookups that ended since `previous`.
    init(world: World, step: Int, previous: ConvergenceSample?) {
        self.step = step
        time = world.time
        let state = world.state
        let ring = state.liveRing
        liveNodes = ring.count
        (replicas, distinctDatabases, hasWrites) = Self.databases(world, ring: ring)
        (correctSuccessors, correctFingers, fingersChecked) = Self.pointers(state)
        // A sample from another branch may have judged lookups this world never ran.
        let lookups = world.chord.lookups
        let base = previous.flatMap { $0.lookupsJudged <= lookups.count ? $0 : nil }
        failedLookups = base?.failedLookups ?? 0
        wrongOwnerLookups = base?.wrongOwnerLookups ?? 0
        lookupsJudged = base?.lookupsJudged ?? 0
        // In order, stopping at the first still running, so each is counted exactly once.
        while lookupsJudged < lookups.count {
            let record = lookups[lookupsJudged]
            if record.failed {
                failedLookups += 1
            } else if let owner = record.owner {
                if owner != state.idealOwner(of: record.key) { wrongOwnerLookups += 1 }
            } else {
                break
            }
            lookupsJudged += 1
        }
    }

    /// Replicas compared (every live one), distinct states among them, and whether any
    /// holds a write.
    ///
    /// Two replicas with equal version vectors know the same writes, and with equal commit
    /// counts the same ones are committed; Bayou's log order is a function of those, so
    /// their databases are equal. Comparing (vector, CSN) counts databases without
    /// materialising one per replica. Only replicas with state are read; the rest are
    /// one empty database (an even spread of 512 on a 1,000-node ring missed writers and
    /// said 5 databases where `ringside run` has 6).
    private static func databases(_ world: World, ring: SortedRing) -> (Int, Int, Bool) {
        let agreement = ReplicaAgreement(world)
        return (ring.count, agreement.distinctDatabases, agreement.hasWrites)
    }

    /// Successors right (all live nodes, O(N)) and fingers right (an even spread of nodes).
    private static func pointers(_ state: ChordState) -> (Int, Int, Int) {
        let ring = state.liveRing
        let count = ring.count
        let fingerNodes = evenSpread(count, max: fingerNodesMax)
        let fingersChecked = fingerNodes.count * max(1, state.bits)
        // What `add` and `settle` leave: every pointer is the oracle's, nothing to compare.
        if state.isIdealByOracle { return (count, fingersChecked, fingersChecked) }
        var successors = 0
        for position in 0..<count {
            let ideal = ring.nodes[(position + 1) % count]
            if state.successor(ring.nodes[position]) == ideal { successors += 1 }
        }
        var fingers = 0
        for position in fingerNodes {
            let node = ring.nodes[position]
            for k in 1...max(1, state.bits) where state.finger(node, k) == state.idealFinger(node, k) {
                fingers += 1
            }
        }
        return (successors, fingers, fingersChecked)
    }

    /// `max` positions spread evenly over 0..<count (all of them when there are few).
    static func evenSpread(_ count: Int, max: Int) -> [Int] {
        guard count > max, max > 0 else { return Array(0..<count) }
        return (0..<max).map { $0 * count / max }
    }
}
