import Chord

extension World {
    /// The nodes whose Bayou replica holds at least one write, by id ascending: the
    /// replicas worth showing (the others are empty logs and zero vectors).
    public var replicasWithWrites: [NodeIndex] {
        simulation.replicas.filter { $0.value.logCount > 0 }.keys.sorted { state.id($0) < state.id($1) }
    }

    /// The live nodes whose replica has any state (every other live replica is empty:
    /// no write, a zero vector), in no particular order: for counts and maxima, which
    /// then cover every replica at the cost of those that hold something.
    public var liveReplicasWithState: [NodeIndex] {
        simulation.replicas.keys.filter { state.isAlive($0) }
    }
}

extension World {
    /// True when `node`'s replica has any state (see `liveReplicasWithState`).
    public func hasReplicaState(_ node: NodeIndex) -> Bool { simulation.replicas[node] != nil }

    /// Replicas with any state, live or not: O(1), to notice one appearing.
    public var replicaStateCount: Int { simulation.replicas.count }
}
