import Chord
import RingsideKernel

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
        a.clock == b.clock && a.log == b.log && a.undone == b.undone && a.redoneCount == b.redoneCount && a.rollbackOrdinal == b.rollbackOrdinal
            && a.versionVector.map(\.node) == b.versionVector.map(\.node)
            && a.versionVector.map(\.timestamp) == b.versionVector.map(\.timestamp)
            && a.database.map(\.key) == b.database.map(\.key) && a.database.map(\.value) == b.database.map(\.value)
    }
}
