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
    case findSuccessor(QueryTicket)
    /// The last hop: sent to the node believed to own the key, which answers the origin.
    case ownerReached(QueryTicket)
    /// The answer to a routed query, sent to the node that asked.
    case queryResult(query: UInt64, owner: NodeIndex, predecessor: NodeIndex, hops: Int32)
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
    /// Eager join (an extension: the paper's Fig. 6 has no successor lists): a node whose
    /// successor list changed tells its predecessor "yours is me, then these", so the lists
    /// of the nodes before a joiner are whole when the join ends.
    case successorListUpdate(successors: [NodeIndex])
    /// Graceful leave, to the successor: "your predecessor is now p; here are my keys".
    case predecessorLeaving(newPredecessor: NodeIndex?, keys: [Identifier])
    /// Iterative lookup, asker → a node on the path: "what is the next node to ask?"
    /// (`asksOwner`: the asker was told this node owns the key and asks it to confirm).
    /// `avoiding`: nodes the asker found dead during this query; the node asked routes
    /// around them, as a forwarding node routes around a peer that timed out. (Kept out of
    /// the ticket, so the recursive hot path copies no array.)
    case nextHopQuery(QueryTicket, asksOwner: Bool, avoiding: [NodeIndex])
    /// The answer to `nextHopQuery`: ask `next` (which owns the key if `nextOwns`), or,
    /// when `done`, the answering node owns the key.
    case nextHopReply(QueryTicket, next: NodeIndex, nextOwns: Bool, done: Bool)
}

extension ChordMessage {
    /// An answer to a request: its loss tells its sender nothing about the peer
    /// (Timeouts.swift).
    public var isReply: Bool {
        switch self {
        case .queryResult, .predecessorIs, .pong, .updateFingerTableDone, .nextHopReply: true
        default: false
        }
    }
}

/// A routed query's context. Every hop carries it, so a forwarding node decides from the
/// message and its own routing state alone, never from the asker's memory.
public struct QueryTicket: Sendable, Hashable {
    /// The asker's number for the query; the answer names it.
    public var id: UInt64
    public var key: Identifier
    /// The node that asked and waits for the answer.
    public var origin: NodeIndex
    public var mode: QueryMode
    /// Forwards so far.
    public var hops: Int32 = 0
    /// A (re)joining node's lookup must not be answered by the joiner itself, which stale
    /// pointers elsewhere may still name (a recovered node).
    public var excludesOrigin = false
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
    /// A key-value store operation's query found the key's owner.
    case storeOwnerFound(operation: Int, owner: NodeIndex)
}

/// A `lookup` command's recorded route (state.md's LOOKUP).
public struct LookupRecord: Sendable, Hashable {
    public var key: Identifier
    public var from: NodeIndex
    public var path: [NodeIndex]
    public var owner: NodeIndex?
    /// True when the lookup could not finish (its command ended without an answer).
    public var failed = false
    /// Messages the lookup sent (forwards, the last hop and the answer).
    public var messages = 0

    public init(key: Identifier, from: NodeIndex, path: [NodeIndex], owner: NodeIndex?) {
        self.key = key
        self.from = from
        self.path = path
        self.owner = owner
    }

    /// Hops = length of path - 1.
    public var hops: Int { max(0, path.count - 1) }
}
