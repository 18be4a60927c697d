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

    /// Replicas read to find the newest timestamp per origin, at most (as in the samples).
    static let replicasMax = ConvergenceSample.replicasMax

    /// The first `rowsMax` live replicas in ring order, and the origins seen anywhere.
    init(world: World, rowsMax: Int) {
        let ring = world.state.liveRing
        let rowsShown = max(0, min(rowsMax, ring.count))
        hiddenRows = ring.count - rowsShown
        var newest: [Identifier: UInt64] = [:]
        var vectors: [VersionVector] = []
        for (n, position) in ConvergenceSample.evenSpread(ring.count, max: Self.replicasMax).enumerated() {
            let vector = world.replica(ring.nodes[position]).versionVector
            for entry in vector.entries where entry.timestamp > 0 { newest[entry.origin] = max(newest[entry.origin] ?? 0, entry.timestamp) }
            if n < rowsShown, ring.count <= Self.replicasMax { vectors.append(vector) }
        }
        // Rows are the first replicas in ring order even when the origins came from a spread.
        if vectors.count < rowsShown {
            vectors = (0..<rowsShown).map { world.replica(ring.nodes[$0]).versionVector }
        }
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
