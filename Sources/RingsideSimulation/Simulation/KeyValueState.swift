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
    var operations: [Int: StoreOperation] = [:]
    var nextOperation = 1
    /// Operations not yet finished, oldest first (few at a time: a scan is cheapest).
    var open: [Int] = []
    /// Every get, oldest first (state.md's `gets`).
    var gets: [GetRecord] = []
    /// Result lines of gets that finished and nobody printed yet.
    var reports: [String] = []
}

/// A put or a get at its coordinator.
struct StoreOperation: Sendable {
    enum Kind: Sendable {
        case put(VersionedValue)
        /// `record` indexes `gets`; `newest` is the best value among the replies counted.
        case get(record: Int, replies: [VersionedValue?])
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

    var isPut: Bool { if case .put = kind { true } else { false } }
}

/// One `get`, as state.md's `gets` lists it.
public struct GetRecord: Sendable, Hashable {
    public var key: Identifier
    public var from: NodeIndex
    public var values: [String] = []
    public var ok = false
}
