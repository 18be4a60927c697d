/// How a replica rolled back and redone its log when a write or a commit reordered it.
///
/// Bayou undoes every write after the point where the log changed, then redoes them
/// in the new order. These are the counts a replica applying each change as it arrives
/// would incur, even though `Replica` defers the actual redo until the database is read.
public struct Rollback: Hashable, Sendable {
    /// The write whose arrival or commit reordered the log.
    public let cause: WriteStamp
    /// Writes undone (everything from the change point to the end of the log).
    public let undone: Int
    /// Writes redone afterwards (the undone ones again, in their new order).
    public let redone: Int
    /// Positions of the redone writes in the log right after the change (0-based).
    public let redonePositions: Range<Int>
    /// 1 for this replica's first reordering, 2 for the next, and so on.
    public let ordinal: Int
}

/// Running totals of rollbacks at one replica.
public struct RollbackTotals: Hashable, Sendable {
    public var reorderings = 0
    public var undone = 0
    public var redone = 0

    public init() {}
}
