import Bayou
import Chord
import RingsideKernel

/// A unit of a command's work, started when the command has nothing else under way.
enum Action: Sendable {
    case lookup(key: Identifier, from: NodeIndex)
    case stabilize(NodeIndex)
    case fixFingers(NodeIndex)
    case checkPredecessor(NodeIndex)
    case join(NodeIndex, via: NodeIndex, eager: Bool)
    case leave(NodeIndex)
    /// One round of `settle`; `bound` is the last round allowed.
    case settleRound(round: Int, bound: Int)
    /// End of a settle round: did anything change since `changeCount`?
    case settleCheck(round: Int, bound: Int, changeCount: UInt64)
    /// A one-way Bayou anti-entropy session sender → receiver.
    case antiEntropy(sender: NodeIndex, receiver: NodeIndex)
    /// The end of a `primary` handoff: its session to `to` has run (World+PrimaryHandoff).
    case primaryHandoff(from: NodeIndex, to: NodeIndex)
    /// A key-value store put or get, coordinated by `from` (World+Store).
    case put(key: Identifier, value: String, from: NodeIndex)
    case get(key: Identifier, from: NodeIndex, keyText: String, nodeText: String)
    /// Re-replication after a membership change (World+StoreRepair): send values to the
    /// replica-set members that lack them, then drop copies outside the replica sets.
    /// `leaving` is a node about to leave, already counted out of every replica set.
    case storeRepair(leaving: NodeIndex?)
    case storePrune(leaving: NodeIndex?)
}
