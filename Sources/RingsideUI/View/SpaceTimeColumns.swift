import Chord
import RingsideSimulation

/// Which nodes get a column in the space-time diagram, and where the columns go.
///
/// Every node when they fit; otherwise the selected node, the highlighted ones (the
/// focused lookup's route) and those that took part in the newest events, up to the
/// columns that fit, always in ring order. The work is bounded by the events and
/// columns shown, never by the ring's size.
struct SpaceTimeColumns {
    struct Column: Equatable {
        var node: NodeIndex
        /// The lifeline's x, relative to the diagram's left edge.
        var x: Int
    }

    let columns: [Column]
    /// Nodes of the world without a column.
    let hiddenCount: Int
    /// Cells from one lifeline to the next.
    let spacing: Int
    /// The first cell after the columns (where the text gutter may start).
    let endX: Int
    private let indexByNode: [NodeIndex: Int]

    /// Narrowest column: a lifeline with room for an arrow's corner and head on each side.
    static let minimumSpacing = 6
    /// Widest column: wider only spreads the picture without saying more.
    static let maximumSpacing = 10

    /// - Parameters:
    ///   - nodesByID: every node in ring order (only read when all of them fit).
    ///   - preferred: nodes that must show first (selection, then highlights), in order.
    ///   - x: where the columns start; `width`: cells they may take.
    init(nodesByID: [NodeIndex], preferred: [NodeIndex], events: [SimulationEvent], world: World,
         x: Int, width: Int) {
        let capacity = max(0, width / Self.minimumSpacing)
        var chosen: [NodeIndex]
        if nodesByID.count <= capacity {
            chosen = nodesByID
        } else {
            var seen = Set<NodeIndex>()
            chosen = []
            func take(_ node: NodeIndex?) {
                guard let node, chosen.count < capacity, Int(node) < world.state.count,
                      seen.insert(node).inserted else { return }
                chosen.append(node)
            }
            for node in preferred { take(node) }
            for event in events.reversed() where chosen.count < capacity {
                take(event.from)
                take(event.to)
                take(event.node)
            }
            // A quiet ring still shows its first nodes rather than an empty panel.
            for node in nodesByID {
                if chosen.count >= capacity { break }
                take(node)
            }
            let state = world.state
            chosen.sort { state.id($0) < state.id($1) }
        }
        let spacing = chosen.isEmpty ? Self.minimumSpacing
            : min(Self.maximumSpacing, max(Self.minimumSpacing, width / chosen.count))
        columns = chosen.enumerated().map { Column(node: $1, x: x + $0 * spacing + spacing / 2) }
        hiddenCount = max(0, nodesByID.count - chosen.count)
        self.spacing = spacing
        endX = x + chosen.count * spacing
        indexByNode = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
    }

    /// The column of `node`, if it has one.
    func index(of node: NodeIndex?) -> Int? {
        node.flatMap { indexByNode[$0] }
    }
}
