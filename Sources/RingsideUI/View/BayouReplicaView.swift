import Chord
import RingsideKernel
import RingsideSimulation

/// One write in a replica's log, ready to draw.
public struct BayouLogEntry: Sendable, Equatable {
    /// nil while tentative (∞ on screen).
    public var csn: UInt64?
    public var timestamp: UInt64
    public var origin: NodeIndex
    /// Slide notation, e.g. `1:1:P w(X,4)` or `∞:13:B D(Y)`.
    public var notation: String
    /// True when the last reordering at this replica undid and redid this write (flash it).
    public var redone: Bool

    public var isCommitted: Bool { csn != nil }
}

/// A replica as a viewer sees it: log in log order, version vector, database.
public struct BayouReplicaView: Sendable, Equatable {
    public var clock: UInt64
    /// The stamp the replica's next write gets, max(clock, maxTS + 1) (script.md): above
    /// `clock + 1` once a session brought it a write stamped later than its own clock,
    /// which moves only when it writes (`clock 5` after a session, and the write was 9).
    public var nextStamp: UInt64
    public var log: [BayouLogEntry]
    /// Every replica's entry, by node id ascending (0 = nothing seen).
    public var versionVector: [(node: NodeIndex, timestamp: UInt64)]
    /// The database, by key ascending.
    public var database: [(key: String, value: String)]
    /// Writes undone and redone by the most recent reordering.
    public var undone: Int
    public var redoneCount: Int
    /// Changes whenever this replica rolls back again (so a viewer knows when to flash).
    public var rollbackOrdinal: Int

    public static func == (a: BayouReplicaView, b: BayouReplicaView) -> Bool {
        a.clock == b.clock && a.nextStamp == b.nextStamp && a.log == b.log && a.undone == b.undone && a.redoneCount == b.redoneCount && a.rollbackOrdinal == b.rollbackOrdinal
            && a.versionVector.map(\.node) == b.versionVector.map(\.node)
            && a.versionVector.map(\.timestamp) == b.versionVector.map(\.timestamp)
            && a.database.map(\.key) == b.database.map(\.key) && a.database.map(\.value) == b.database.map(\.value)
    }
}

extension World {
    /// The Bayou replica at `node`, for display.
    public func bayouView(of node: NodeIndex) -> BayouReplicaView {
        let replica = replica(node)
        let flashing = replica.lastRollback?.redonePositions ?? 0..<0
        let log = replica.log.enumerated().map { position, entry in
            BayouLogEntry(csn: entry.csn, timestamp: entry.timestamp,
                          origin: state.index(ofID: entry.origin) ?? node,
                          notation: entry.slideNotation(name: replicaName),
                          redone: flashing.contains(position))
        }
        let vector = replica.versionVector
        return BayouReplicaView(
            clock: replica.clock, nextStamp: max(replica.clock, replica.maxTimestamp + 1), log: log,
            versionVector: state.allNodesByID().map { ($0, vector[state.id($0)]) },
            database: replica.sortedDatabase,
            undone: replica.lastRollback?.undone ?? 0, redoneCount: replica.lastRollback?.redone ?? 0,
            rollbackOrdinal: replica.lastRollback?.ordinal ?? 0)
    }
}
