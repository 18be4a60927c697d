import Chord

extension World {
    /// The nodes whose Bayou replica holds at least one write, by id ascending: the
    /// replicas worth showing (the others are empty logs and zero vectors).
    public var replicasWithWrites: [NodeIndex] {
        simulation.replicas.filter { $0.value.logCount > 0 }.keys.sorted { state.id($0) < state.id($1) }
    }
}
