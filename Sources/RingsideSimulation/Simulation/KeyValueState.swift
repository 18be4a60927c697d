import Chord
import RingsideKernel
import RingsideStore

/// The key-value store's part of the world: settings, each node's replica, and the puts
/// and gets under way. Plain values, so copying the world snapshots them too.
struct KeyValueState: Sendable {
    var replication = 1
    var writeQuorum = 1
    var readQuorum = 1
    /// Each node's values; a node appears once it holds something.
    var replicas: [NodeIndex: ReplicaStore] = [:]
    var operations = StoreOperationTable()
    var nextOperation = 1
    /// Operations not yet finished, oldest first (few at a time: a scan is cheapest).
    var open: [Int] = []
    /// Every get, oldest first (state.md's `gets`).
    var gets: [GetRecord] = []
    /// Result lines of gets that finished and nobody printed yet.
    var reports: [StoreReport] = []

    // Dynamo mode (Simulation+Dynamo, +Handoff): its own values, so the two modes'
    // versions never mix (the mode changes only while the store is empty).
    var dynamo = false
    var vnodes = 1
    /// Ring positions of nodes added while `vnodes` > 1; any other node's one token is its id.
    var tokens: [NodeIndex: [Identifier]] = [:]
    /// Nodes that left: gone from Dynamo's membership (a crashed node stays a member).
    var departed: Set<NodeIndex> = []
    /// Each node's siblings per key; kept across a crash (Dynamo's durable local store).
    var siblings: [NodeIndex: SiblingStore] = [:]
    /// Values a stand-in keeps for an unreachable node of the preference list.
    var hints: [NodeIndex: [Hint]] = [:]
    /// Per node and key, the vector clock of the node's last get: its next put's context.
    var contexts: [NodeIndex: [Identifier: VectorClock]] = [:]
    /// Dynamo puts so far: each version's number, which orders two under one clock.
    var putsIssued: UInt64 = 0

    // merkle-sync sessions (Simulation+Merkle).
    var merkleSessions: [Int: MerkleSession] = [:]
    var nextMerkleSession = 1
    /// A session's own merges are running (they do not disturb it).
    var mergingMerkleEntries = false

    // What the store invariants need to know about the past (Simulation+StoreInvariants).
    /// A store message was lost or a node crashed since the last repair pass.
    var faultSinceRepair = false
    /// The (stand-in, intended node) pairs the last `handoff` sent hints for, until a new
    /// hint or a lost message.
    var handedOff: [HandoffPair]?
    /// The last finished merkle-sync pair, until either node's values change.
    var syncedPair: (a: NodeIndex, b: NodeIndex)?
    /// Bumped by every change of membership, liveness or store settings: a quorum read
    /// is judged against a put only when none came between them (Simulation+QuorumReads).
    var epoch = 0
    /// Per key, the newest puts acknowledged by the key's exact replica set in `epoch`.
    var acked: [Identifier: AckedPuts] = [:]
    /// Gets that missed an acknowledged put (QuorumReadsNewest), oldest first, a few.
    var staleReads: [StaleRead] = []

    /// Whether any value or hint is stored in either mode.
    var holdsAnything: Bool {
        replicas.values.contains { !$0.isEmpty } || siblings.values.contains { !$0.isEmpty }
            || hints.values.contains { !$0.isEmpty }
    }
}

struct HandoffPair: Sendable, Hashable {
    var holder: NodeIndex
    var intended: NodeIndex
}

/// A value a stand-in holds for the node it replaces in a preference list (hinted handoff).
struct Hint: Sendable, Hashable {
    var intended: NodeIndex
    var key: Identifier
    var value: ClockedValue
}

/// A put or a get at its coordinator.
struct StoreOperation: Sendable {
    enum Kind: Sendable {
        case put(VersionedValue)
        /// `record` indexes `gets`; `newest` is the best value among the replies counted.
        case get(record: Int, replies: [VersionedValue?])
        /// Dynamo mode: the new version, and each reply's siblings.
        case dynamoPut(ClockedValue)
        case dynamoGet(record: Int, replies: [[ClockedValue]])
    }
    var kind: Kind
    var key: Identifier
    var coordinator: NodeIndex
    /// The cause whose work it is (it fails if that work ends before it finishes).
    var cause: Int
    var quorum: QuorumCount
    /// How the command wrote KEY and NODE, for the result line.
    var keyText: String
    var nodeText: String
    /// The epoch it started in, and whether it used exactly the key's replicas (strict:
    /// the true replica set; Dynamo: the first N, or R, of the preference list, no
    /// stand-in): only then do quorum intersections promise anything.
    var epoch = 0
    var exact = false
    /// A get's promise: the acknowledged puts it must see (W + R > N, same epoch).
    var mustSee: AckedPuts?

    /// Counts a strict get's reply in place: the list is taken out of `kind` first, so the
    /// append finds it uniquely referenced and does not copy it.
    mutating func appendReply(_ value: VersionedValue?) {
        guard case .get(let record, var replies) = kind else { return }
        kind = .get(record: record, replies: [])
        replies.append(value)
        kind = .get(record: record, replies: replies)
    }

    var isPut: Bool {
        switch kind {
        case .put, .dynamoPut: true
        case .get, .dynamoGet: false
        }
    }
}

/// A finished get's result line. An answered strict get keeps its parts: the line is
/// written only when someone prints it (a benchmark's millions of gets never are).
enum StoreReport: Sendable {
    case answered(keyText: String, nodeText: String, value: String?)
    case line(String)

    var text: String {
        switch self {
        case let .answered(keyText, nodeText, value): "get \(keyText) from \(nodeText) = \(value ?? "(none)")"
        case let .line(text): text
        }
    }
}

/// One `get`, as state.md's `gets` lists it.
public struct GetRecord: Sendable, Hashable {
    public var key: Identifier
    public var from: NodeIndex
    public var values: [String] = []
    public var ok = false
}
