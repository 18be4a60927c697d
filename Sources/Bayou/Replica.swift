import RingsideKernel

/// One Bayou replica: a write log, its version vector, and the database the log produces.
///
/// Log order is committed writes by CSN, then tentative writes by (timestamp, origin id).
/// The database is that log applied in order to an empty map. A replica is a value:
/// the simulation owns replicas and moves anti-entropy items between them.
public struct Replica: Sendable {
    /// The replica's node id (its Chord node id); names are the caller's business.
    public let id: Identifier
    /// The local clock: set by `accept(_:at:)`, advanced to every timestamp this replica issues.
    public private(set) var clock: UInt64 = 0
    /// The largest timestamp this replica has seen, from any origin.
    public private(set) var maxTimestamp: UInt64 = 0
    /// The most recent reordering of this replica's log (nil if it never had one).
    public private(set) var lastRollback: Rollback?
    public private(set) var rollbackTotals = RollbackTotals()

    /// Committed writes; the write at index i has CSN i + 1.
    var committed: [StoredWrite] = []
    var tentative = TentativeLog()
    var origins = OriginTable()
    /// The committed prefix applied in CSN order; committed order never changes, so this is final.
    var committedDatabase: [String: String] = [:]
    /// CSN → slot, for committed bookings that got one.
    var committedOutcomes: [UInt64: String] = [:]
    var materialization = Materialization()
    /// How many tracked sessions this replica has opened as receiver (the last session number).
    public internal(set) var sessionsOpened: UInt64 = 0
    /// Tracked sessions still expecting items, oldest first.
    var openSessions: [IncomingSession] = []

    public init(id: Identifier) {
        self.id = id
    }

    // MARK: Reading the state

    /// The highest CSN this replica knows (0 = nothing committed yet).
    public var highestCSN: UInt64 { UInt64(committed.count) }
    public var committedCount: Int { committed.count }
    public var tentativeCount: Int { tentative.count }
    public var logCount: Int { committed.count + tentative.count }

    /// For each origin seen, the highest timestamp seen from it.
    public var versionVector: VersionVector { origins.versionVector }

    /// The writes in log order (no booking outcomes, so no materialisation needed).
    public var writes: [Write] {
        var result: [Write] = []
        result.reserveCapacity(logCount)
        for (index, write) in committed.enumerated() { result.append(write.write(csn: UInt64(index + 1))) }
        tentative.forEach(from: 0) { result.append($0.write(csn: nil)) }
        return result
    }

    /// The log in order, with each booking's outcome under this replica's current order.
    public var log: [LogEntry] {
        let view = currentMaterialization
        var result: [LogEntry] = []
        result.reserveCapacity(logCount)
        for (index, write) in committed.enumerated() {
            let csn = UInt64(index + 1)
            result.append(LogEntry(write: write.write(csn: csn), outcome: committedOutcomes[csn]))
        }
        var position = 0
        tentative.forEach(from: 0) { write in
            result.append(LogEntry(write: write.write(csn: nil), outcome: view.outcomes[position]))
            position += 1
        }
        return result
    }

    /// The materialised database (computed on a copy if writes arrived since `materialize()`).
    public var database: [String: String] { currentMaterialization.database }

    /// The database as (key, value) pairs in ascending key order, for output.
    public var sortedDatabase: [(key: String, value: String)] {
        database.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// The database of the committed prefix alone (what is final).
    public var committedSortedDatabase: [(key: String, value: String)] {
        committedDatabase.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// True when the database reflects every write: reading it costs nothing extra.
    public var isMaterialized: Bool { materialization.isCurrent(tentativeCount: tentative.count) }

    /// Rolls back to the dirty index and redoes the tentative tail, once, and keeps the result.
    public mutating func materialize() {
        materialization.bringUpToDate(tentative, committedDatabase: committedDatabase)
    }

    private var currentMaterialization: Materialization {
        if isMaterialized { return materialization }
        var copy = materialization
        copy.bringUpToDate(tentative, committedDatabase: committedDatabase)
        return copy
    }

    /// True when the replica holds the write with this stamp, committed or tentative.
    public func contains(_ stamp: WriteStamp) -> Bool {
        // The prefix property: a replica holds exactly its origins' writes up to its version vector.
        stamp.timestamp <= origins.highestTimestamp(of: stamp.origin)
    }

    // MARK: Client writes

    /// The largest timestamp a write may get: 2^53, the largest integer every JSON reader
    /// (a double) holds exactly, so the dump's clocks and stamps read back as written.
    public static let timestampMax: UInt64 = 1 << 53

    /// Accepts a client write, stamping it with max(clock, maxTimestamp + 1).
    ///
    /// `at` first sets the clock (it may not go back). The new stamp is above every
    /// timestamp seen, so the write goes at the end of the log and nothing is redone.
    @discardableResult
    public mutating func accept(_ operation: Operation, at time: UInt64? = nil) throws(BayouError) -> Write {
        if let time, time < clock { throw .clockWouldGoBack(clock: clock, requested: time) }
        // Checked before anything changes: a refused write leaves the replica as it was.
        guard maxTimestamp < Self.timestampMax else { throw .timestampOverflow }
        let timestamp = max(time ?? clock, maxTimestamp + 1)
        guard timestamp <= Self.timestampMax else { throw .timestampOverflow }
        clock = timestamp
        let write = StoredWrite(stamp: WriteStamp(timestamp: timestamp, origin: id), operation: operation)
        _ = insertTentative(write)
        return write.write(csn: nil)
    }

    // MARK: Primary commit

    /// The primary's commit: every tentative write, in log order, gets the next CSN.
    ///
    /// Call only on the primary replica. Log order does not change, so nothing is redone.
    /// Returns how many writes were committed.
    @discardableResult
    public mutating func commitAsPrimary() -> Int {
        let newlyCommitted = tentative.removeAll()
        for write in newlyCommitted { appendCommitted(write) }
        materialization.committedFront(newlyCommitted.count)
        return newlyCommitted.count
    }

    // MARK: Log changes (shared with anti-entropy)

    /// Inserts a tentative write the replica lacks; returns its log position and any rollback.
    /// `slot` is the origin's slot if the caller has looked it up already.
    // Inlined: it runs once or more for every received write.
    @inline(__always)
    mutating func insertTentative(_ write: StoredWrite, slot: Int? = nil) -> (position: Int, rollback: Rollback?)? {
        let countBefore = logCount
        let slot = slot ?? origins.slotCreatingIfNeeded(write.stamp.origin)
        guard let tentativePosition = tentative.insert(write, slot: slot) else { return nil }
        let position = committed.count + tentativePosition
        materialization.tentativeChanged(at: tentativePosition)
        origins.noteSeen(timestamp: write.stamp.timestamp, slot: slot)
        maxTimestamp = max(maxTimestamp, write.stamp.timestamp)
        // Everything after the insertion point is undone, then redone after the new write.
        let rollback = noteRollback(cause: write.stamp, undone: countBefore - position,
                                    redonePositions: (position + 1)..<(countBefore + 1))
        return (position, rollback)
    }

    /// The first half of receiving a tentative write in a batch (see `insertTentative(ascending:)`),
    /// given its origin's slot: false if the replica holds it already, else true, with the
    /// version vector and `maxTimestamp` advanced past it as `insertTentative` would.
    ///
    /// The log itself is left for the batch: the version vector alone decides which
    /// writes are new, so the writes after this one are judged the same as one by one.
    mutating func admitTentative(_ stamp: WriteStamp, slot: Int) -> Bool {
        guard stamp.timestamp > origins.records[slot].highestTimestamp else { return false }
        origins.noteSeen(timestamp: stamp.timestamp, slot: slot)
        maxTimestamp = max(maxTimestamp, stamp.timestamp)
        return true
    }

    /// The second half: puts admitted writes, in ascending stamp order, into the log at
    /// once, counting the rollbacks that inserting them one after another would have.
    /// Returns the sum of those rollbacks' undone (= redone) counts.
    mutating func insertTentative(ascending arrivals: [TentativeLog.Arrival]) -> Int {
        let countBefore = logCount
        let positions = tentative.insert(ascending: arrivals)
        guard let lowest = positions.first else { return 0 }
        // Positions never fall, so the first is where the log changed first.
        materialization.tentativeChanged(at: lowest)
        // What `noteRollback` would sum, one arrival at a time; only the last rollback is
        // kept, so only that one is made.
        var undone = 0
        var reorderings = 0
        var last: (index: Int, undone: Int)?
        for (index, tentativePosition) in positions.enumerated() {
            // The earlier arrivals were in, and all sit before this one.
            let undoneHere = countBefore + index - (committed.count + tentativePosition)
            guard undoneHere > 0 else { continue }
            undone += undoneHere
            reorderings += 1
            last = (index, undoneHere)
        }
        guard let last else { return 0 }
        rollbackTotals.reorderings += reorderings
        rollbackTotals.undone += undone
        rollbackTotals.redone += undone
        let position = committed.count + positions[last.index]
        lastRollback = Rollback(cause: arrivals[last.index].stamp, undone: last.undone, redone: last.undone,
                                redonePositions: (position + 1)..<(position + 1 + last.undone),
                                ordinal: rollbackTotals.reorderings)
        return undone
    }

    /// Appends a committed write the replica lacked entirely (CSN = highestCSN + 1).
    mutating func insertCommitted(_ write: StoredWrite) -> (position: Int, rollback: Rollback?) {
        let countBefore = logCount
        let position = committed.count
        appendCommitted(write)
        let slot = origins.slotCreatingIfNeeded(write.stamp.origin)
        origins.noteSeen(timestamp: write.stamp.timestamp, slot: slot)
        maxTimestamp = max(maxTimestamp, write.stamp.timestamp)
        materialization.committedPrefixReordered()
        let rollback = noteRollback(cause: write.stamp, undone: countBefore - position,
                                    redonePositions: (position + 1)..<(countBefore + 1))
        return (position, rollback)
    }

    /// Commits a write held tentatively (CSN = highestCSN + 1); nil if it is not held.
    mutating func commitHeld(_ stamp: WriteStamp) -> (position: Int, rollback: Rollback?)? {
        let countBefore = logCount
        guard let (tentativePosition, write) = tentative.remove(stamp) else { return nil }
        let position = committed.count
        appendCommitted(write)
        if tentativePosition == 0 {
            // It was already first after the committed prefix: the order is unchanged.
            materialization.committedFront(1)
            return (position, nil)
        }
        materialization.committedPrefixReordered()
        // Roll back to the end of the committed prefix; every tentative write is redone.
        let rollback = noteRollback(cause: stamp, undone: countBefore - position,
                                    redonePositions: position..<countBefore)
        return (position, rollback)
    }

    private mutating func appendCommitted(_ write: StoredWrite) {
        committed.append(write)
        let (_, outcome) = write.operation.apply(to: &committedDatabase)
        if let outcome { committedOutcomes[UInt64(committed.count)] = outcome }
    }

    // Inlined: it runs once or more for every received write.
    @inline(__always)
    private mutating func noteRollback(cause: WriteStamp, undone: Int, redonePositions: Range<Int>) -> Rollback? {
        guard undone > 0 else { return nil }
        rollbackTotals.reorderings += 1
        rollbackTotals.undone += undone
        rollbackTotals.redone += redonePositions.count
        let rollback = Rollback(cause: cause, undone: undone, redone: redonePositions.count,
                                redonePositions: redonePositions, ordinal: rollbackTotals.reorderings)
        lastRollback = rollback
        return rollback
    }
}

/// One log entry as a replica shows it: the write and, for a booking, the slot it got.
public struct LogEntry: Hashable, Sendable {
    public let write: Write
    /// The slot a booking got under this replica's current log order; nil if none (or not a booking).
    public let outcome: String?

    public init(write: Write, outcome: String?) {
        self.write = write
        self.outcome = outcome
    }

    public var csn: UInt64? { write.csn }
    public var timestamp: UInt64 { write.timestamp }
    public var origin: Identifier { write.origin }
    public var operation: Operation { write.operation }
}
