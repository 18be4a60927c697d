import Bayou
import Chord
import RingsideKernel
import RingsideSimulation

/// Bayou's version vectors as a replica × origin matrix: how much of each origin's
/// writes each replica has seen, as a fraction of the newest write of that origin any
/// replica holds (1: up to date with that origin, 0: nothing from it).
struct VersionMatrix {
    struct Row {
        var node: NodeIndex
        var name: String
        /// One fraction per origin, in `origins` order.
        var cells: [Double]
    }

    /// Origins that have written, in id order.
    private(set) var origins: [(id: Identifier, name: String)] = []
    private(set) var rows: [Row] = []
    /// Live replicas without a row (more than `rowsMax`).
    private(set) var hiddenRows = 0

    /// The first `rowsMax` live replicas in ring order, and every origin any live replica
    /// has a write of (read from the replicas with state: a spread of 512 left out one of
    /// five writers on a 1,000-node ring).
    init(world: World, rowsMax: Int) {
        let ring = world.state.liveRing
        let rowsShown = max(0, min(rowsMax, ring.count))
        hiddenRows = ring.count - rowsShown
        var newest: [Identifier: UInt64] = [:]
        for node in world.liveReplicasWithState {
            for entry in world.replica(node).versionVector.entries where entry.timestamp > 0 {
                newest[entry.origin] = max(newest[entry.origin] ?? 0, entry.timestamp)
            }
        }
        let vectors = (0..<rowsShown).map { world.replica(ring.nodes[$0]).versionVector }
        origins = newest.keys.sorted().map { ($0, world.replicaName($0)) }
        rows = (0..<rowsShown).map { position in
            let vector = vectors[position]
            let cells = origins.map { origin -> Double in
                let top = newest[origin.id] ?? 0
                return top == 0 ? 1 : Double(vector[origin.id]) / Double(top)
            }
            let node = ring.nodes[position]
            return Row(node: node, name: world.state.name(node), cells: cells)
        }
    }
}
