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
