import Chord
import RingsideKernel

/// Nodes appearing and crashing, once the driver has checked the names and ids.
extension Simulation {
    /// `add`: nodes placed by the oracle (a ring that was ideal stays ideal), values
    /// placed at their replica sets.
    mutating func addByOracle(_ identities: [(id: Identifier, name: String)]) {
        let added = chord.withState { state in
            let wasIdeal = state.isIdealByOracle || state.liveCount == 0
            let nodes = state.addNodes(identities)
            state.placeByOracle(nodes, ringWasIdeal: wasIdeal)
            return nodes
        }
        for node in added { nodeAdded(node) }
        storeEpochChanged()
        placeValuesByOracle()
    }

    /// `join`: the node exists from now on; its join runs as messages.
    mutating func addJoining(id: Identifier, name: String) -> NodeIndex {
        let node = chord.withState { $0.addNode(id: id, name: name) }
        nodeAdded(node)
        storeEpochChanged()
        return node
    }

    /// Bookkeeping when a node appears: the first one becomes the primary.
    mutating func nodeAdded(_ node: NodeIndex) {
        if primary == nil { primary = node }
        bayouNodeAdded(node)
    }

    /// A crash: the node stops answering and loses what it held in memory.
    mutating func fail(_ node: NodeIndex) {
        chord.fail(node)
        storeNodeFailed(node)
        storeEpochChanged()
        guard kv.dynamo else {
            note(.command, "\(chord.label(node)) crashed: it stops answering; its keys are lost", node: node)
            return
        }
        // One line: "its keys are lost" followed by "its values are back" read as a
        // contradiction; the DHT's keys (`store`) and Dynamo's values are not the same store.
        note(.command, "\(chord.label(node)) crashed: its Dynamo values and hints are on durable storage, back when it recovers (until then sloppy quorums skip it; it stays in the membership); its DHT keys (store) are lost", node: node)
    }
}
