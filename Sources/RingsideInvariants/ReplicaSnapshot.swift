import Bayou
import RingsideKernel

/// What the Bayou invariants read of one replica: its log, version vector and database.
///
/// A plain value rather than `Replica` itself, so that a test can build a broken replica
/// (a log out of order, a wrong vector) that `Replica`'s own API would never produce.
public struct ReplicaSnapshot: Sendable {
    public var id: Identifier
    /// In log order as the replica holds it, with each booking's outcome.
    public var log: [LogEntry]
    public var versionVector: VersionVector
    public var database: [String: String]

    public init(id: Identifier, log: [LogEntry], versionVector: VersionVector, database: [String: String]) {
        self.id = id
        self.log = log
        self.versionVector = versionVector
        self.database = database
    }

    /// Reads a replica (its log and database are materialised on a copy when stale).
    public init(_ replica: Replica) {
        self.init(id: replica.id, log: replica.log, versionVector: replica.versionVector, database: replica.database)
    }

    /// The committed writes' stamps in log order (the committed prefix, if the log is in order).
    var committedStamps: [WriteStamp] {
        log.filter { $0.csn != nil }.map(\.write.stamp)
    }
}
