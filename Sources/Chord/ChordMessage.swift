import RingsideKernel

/// Which answer a routed query wants: the owner of the key (find_successor) or the node
/// just before it (find_predecessor, as update_others needs).
public enum QueryMode: Sendable, Hashable {
    case successor
    case predecessor
}

/// One message between two Chord nodes. Every remote step of the protocol is one of
/// these, so a viewer can deliver and explain them one at a time.
public enum ChordMessage: Sendable, Hashable {
    /// find_successor / find_predecessor, forwarded hop by hop toward the key.
    case findSuccessor(query: UInt64, key: Identifier)
    /// The last hop: sent to the node believed to own the key, which answers the origin.
    case ownerReached(query: UInt64, key: Identifier)
    /// The answer to a routed query, sent to the node that asked.
    case queryResult(query: UInt64, owner: NodeIndex, predecessor: NodeIndex)
    /// stabilize: "successor, who is your predecessor?"
    case getPredecessor
    /// The reply, carrying the successor list so the asker can refresh its own.
    case predecessorIs(NodeIndex?, successors: [NodeIndex])
    /// notify(n'): "I think I might be your predecessor."
    case notify
    /// Eager join: update_finger_table(s, i), passed backwards along predecessors.
    case updateFingerTable(s: NodeIndex, k: Int)
    /// Eager join: the chain for finger k stopped; the joiner may go on with k - 1.
    case updateFingerTableDone(k: Int)
    /// Eager join: successor.predecessor = n (the successor then hands over keys).
    case setPredecessor
    /// check_predecessor's probe and its answer.
    case ping
    case pong
    /// Keys handed to their new owner (join) or to the successor (leave).
    case transferKeys([Identifier])
    /// Graceful leave, to the predecessor: "take my successor list".
    case leaving(successors: [NodeIndex])
    /// Graceful leave, to the successor: "your predecessor is now p; here are my keys".
    case predecessorLeaving(newPredecessor: NodeIndex?, keys: [Identifier])
    /// The network's word that `original` was not answered in time: its target is dead.
    indirect case deliveryFailed(original: ChordEnvelope)
}

/// A message with its endpoints.
public struct ChordEnvelope: Sendable, Hashable {
    public var from: NodeIndex
    public var to: NodeIndex
    public var message: ChordMessage

    public init(from: NodeIndex, to: NodeIndex, message: ChordMessage) {
        self.from = from
        self.to = to
        self.message = message
    }
}

/// What handling a message produces, besides the new state.
public enum ChordEffect: Sendable, Hashable {
    case send(ChordEnvelope)
    /// One line of explanation in the protocol's own terms, said by `node`.
    case note(node: NodeIndex, text: String)
    /// A lookup started by the `lookup` command finished (index into `lookups`).
    case lookupFinished(record: Int)
}

/// A `lookup` command's recorded route (state.md's LOOKUP).
public struct LookupRecord: Sendable, Hashable {
    public var key: Identifier
    public var from: NodeIndex
    public var path: [NodeIndex]
    public var owner: NodeIndex?

    public init(key: Identifier, from: NodeIndex, path: [NodeIndex], owner: NodeIndex?) {
        self.key = key
        self.from = from
        self.path = path
        self.owner = owner
    }

    /// Hops = length of path - 1.
    public var hops: Int { max(0, path.count - 1) }
}
