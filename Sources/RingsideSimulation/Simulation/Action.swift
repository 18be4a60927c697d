import Bayou
import Chord
import RingsideKernel

/// A protocol action the simulation starts for a cause (`Simulation.perform`).
enum Action: Sendable {
    case lookup(key: Identifier, from: NodeIndex)
    case stabilize(NodeIndex)
    case fixFingers(NodeIndex)
    case checkPredecessor(NodeIndex)
    case join(NodeIndex, via: NodeIndex, eager: Bool)
    case leave(NodeIndex)
    /// A one-way Bayou anti-entropy session sender → receiver.
    case antiEntropy(sender: NodeIndex, receiver: NodeIndex)
    /// The end of a `primary` handoff: its session to `to` has run (Simulation+PrimaryHandoff).
    case primaryHandoff(from: NodeIndex, to: NodeIndex)
    /// A key-value store put or get, coordinated by `from` (Simulation+Store).
    case put(key: Identifier, value: String, from: NodeIndex)
    case get(key: Identifier, from: NodeIndex, keyText: String, nodeText: String)
    /// Re-replication after a membership change (Simulation+StoreRepair): send values to the
    /// replica-set members that lack them, then drop copies outside the replica sets.
    /// `leaving` is a node about to leave, already counted out of every replica set.
    case storeRepair(leaving: NodeIndex?)
    case storePrune(leaving: NodeIndex?)
    /// Dynamo's hinted handoff from every stand-in, or from one (Simulation+Handoff).
    case handoff(NodeIndex?)
    /// A Merkle-tree comparison of two replicas (Simulation+Merkle).
    case merkleSync(NodeIndex, NodeIndex)
}
