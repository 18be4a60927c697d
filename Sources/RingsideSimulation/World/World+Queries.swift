import Bayou
import Chord
import RingsideInvariants
import RingsideKernel
import RingsideStore

/// What viewers, exports and checks read of the simulation, through the world.
extension World {
    /// The replica at `node` (an empty one if it has seen nothing yet).
    public func replica(_ node: NodeIndex) -> Replica { simulation.replica(node) }

    /// A replica's name for an origin id (the node's name).
    public func replicaName(_ id: Identifier) -> String { simulation.replicaName(id) }

    /// Every replica as the invariants read it, in ascending node id.
    public var replicaSnapshots: [ReplicaSnapshot] { simulation.replicaSnapshots }

    /// Every invariant that does not hold now (see `Simulation.invariantViolations`).
    public func invariantViolations() -> [Violation] { simulation.invariantViolations() }

    /// Every invariant, with `monitor` remembering each replica's committed prefix between calls.
    public func invariantViolations(monitor: inout InvariantMonitor) -> [Violation] {
        simulation.invariantViolations(monitor: &monitor)
    }

    /// True when `node` is down because it left with `leave` (its keys handed to its
    /// successor), not because it crashed; `recover` brings it back and clears this.
    public func hasLeft(_ node: NodeIndex) -> Bool {
        !simulation.state.isAlive(node) && simulation.kv.departed.contains(node)
    }

    /// How many nodes are down because they left (see `hasLeft`).
    public var leftCount: Int { simulation.kv.departed.count { !simulation.state.isAlive($0) } }

    /// Every group of the partition by node name, the implicit one last.
    public func partitionGroupsByName() -> [[String]] { simulation.partitionGroupsByName() }

    public var replication: Int { simulation.replication }
    public var quorum: (w: Int, r: Int) { simulation.quorum }
    public var lookupIterative: Bool { simulation.lookupIterative }
    public var gets: [GetRecord] { simulation.gets }

    /// What `node` holds, keys in increasing order.
    public func storedValues(_ node: NodeIndex) -> [(key: Identifier, value: VersionedValue)] {
        simulation.storedValues(node)
    }
}

extension World {
    /// The `invariants` command's output lines (remembering committed prefixes).
    mutating func invariantReport() -> [String] { simulation.invariantReport() }
}

/// The messages on the wire, for exports, checks and viewers.
extension World {
    /// Messages in flight in delivery order (O(m log m)).
    public func inFlightPackets(limit: Int = 64) -> [Packet] {
        Array(simulation.network.inFlight.prefix(limit))
    }

    /// The message's type as the event log names it, e.g. `find_successor`.
    public func messageType(_ packet: Packet) -> String { simulation.messageType(packet.payload) }

    /// The protocol's words for it, as the trace uses them, e.g. `find_successor(15)`.
    public func summary(_ packet: Packet) -> String { simulation.summary(packet) }
}
