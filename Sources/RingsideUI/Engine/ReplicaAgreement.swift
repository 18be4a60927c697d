import Bayou
import Chord
import RingsideKernel
import RingsideSimulation

/// How many different databases the live Bayou replicas hold, kept up to date message by
/// message, so the convergence view can say at exactly which step they became identical.
///
/// Sampled once per screen update, "identical since" depended on how the run got there:
/// stepping with `n` said step 928, the same run played at speed said step 934. A full
/// count after every message costs replicas × vector entries; here a delivered message
/// re-keys only the replicas it names, and only a command (a write, a crash, a join)
/// or a change in the number of live nodes or replicas recounts them all.
struct ReplicaAgreement: Sendable {
    /// A replica's database, by what determines it: equal version vectors know the same
    /// writes, equal commit counts commit the same ones (see `ConvergenceSample`).
    struct DatabaseKey: Hashable, Sendable {
        var vector: [VersionVector.Entry]
        var committed: UInt64

        static let empty = DatabaseKey(vector: [], committed: 0)

        init(vector: [VersionVector.Entry], committed: UInt64) {
            self.vector = vector
            self.committed = committed
        }

        init(_ replica: Replica) {
            // A zero entry is an origin the replica has only heard of: it knows no write.
            self.init(vector: replica.versionVector.entries.filter { $0.timestamp > 0 }, committed: replica.highestCSN)
        }
    }

    private var keyOf: [NodeIndex: DatabaseKey] = [:]
    private var counts: [DatabaseKey: Int] = [:]
    private var liveNodes = 0
    private var replicasWithState = 0

    init(_ world: World) {
        recount(world)
    }

    /// Different databases among the live nodes (a live node without state holds the
    /// empty one).
    var distinctDatabases: Int {
        counts.count + (liveNodes > keyOf.count && counts[.empty] == nil ? 1 : 0)
    }

    /// Some live replica knows a write.
    var hasWrites: Bool { counts.keys.contains { !$0.vector.isEmpty } }

    /// All live replicas hold the same database and it has writes.
    var isIdentical: Bool { hasWrites && distinctDatabases <= 1 }

    /// Follows one step whose structured events are `events`.
    mutating func follow(_ world: World, events: [SimulationEvent]) {
        if events.contains(where: { $0.kind == .command })
            || world.state.liveRing.count != liveNodes || world.replicaStateCount != replicasWithState {
            recount(world)
            return
        }
        for event in events {
            for node in [event.from, event.to, event.node] {
                if let node { rekey(node, in: world) }
            }
        }
    }

    mutating func recount(_ world: World) {
        keyOf = [:]
        counts = [:]
        liveNodes = world.state.liveRing.count
        replicasWithState = world.replicaStateCount
        for node in world.liveReplicasWithState { rekey(node, in: world) }
    }

    private mutating func rekey(_ node: NodeIndex, in world: World) {
        let key: DatabaseKey? = world.state.isAlive(node) && world.hasReplicaState(node)
            ? DatabaseKey(world.replica(node)) : nil
        let old = keyOf[node]
        guard key != old else { return }
        if let old {
            counts[old, default: 1] -= 1
            if counts[old] == 0 { counts[old] = nil }
        }
        keyOf[node] = key
        if let key { counts[key, default: 0] += 1 }
    }
}

/// A step at which the live replicas became identical, or stopped being so.
public struct AgreementChange: Sendable, Equatable {
    public var step: Int
    public var time: VirtualTime
    public var isIdentical: Bool
}
