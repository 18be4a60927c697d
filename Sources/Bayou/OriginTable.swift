import RingsideKernel

/// A tentative write as its origin's index holds it.
struct TentativeRef: Sendable {
    let timestamp: UInt64
    let body: OperationBox
}

/// What a replica knows about one origin: its version-vector entry and its tentative writes.
struct OriginRecord: Sendable {
    let origin: Identifier
    /// The version-vector entry: highest timestamp seen from this origin (committed or not).
    var highestTimestamp: UInt64 = 0
    /// This origin's tentative writes in timestamp order; those before `start` have been committed.
    var tentative: [TentativeRef] = []
    var start = 0

    init(origin: Identifier) {
        self.origin = origin
    }

    var pendingCount: Int { tentative.count - start }

    /// The index of the first tentative write newer than `timestamp`.
    func firstTentative(after timestamp: UInt64) -> Int {
        timestamp == .max ? tentative.count : firstTentative(notBefore: timestamp + 1)
    }

    /// The index of the first tentative write with a timestamp >= `timestamp`.
    func firstTentative(notBefore timestamp: UInt64) -> Int {
        var low = start
        var high = tentative.count
        while low < high {
            let middle = (low + high) / 2
            if tentative[middle].timestamp < timestamp { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func removeTentative(timestamp: UInt64) {
        if start < tentative.count && tentative[start].timestamp == timestamp {
            // Commits reach an origin's writes in timestamp order: the usual case is the oldest.
            start += 1
            if start == tentative.count {
                tentative.removeAll(keepingCapacity: true)
                start = 0
            } else if start >= 32 && start * 2 >= tentative.count {
                tentative.removeSubrange(0..<start)
                start = 0
            }
            return
        }
        let index = firstTentative(notBefore: timestamp)
        if index < tentative.count && tentative[index].timestamp == timestamp {
            tentative.remove(at: index)
        }
    }
}

/// Per-origin state of a replica, indexed for anti-entropy.
///
/// The sender of a session must find, for every origin, its tentative writes newer
/// than the receiver's version-vector entry. Keeping each origin's tentative writes
/// apart makes that a binary search per origin instead of a scan of the whole log,
/// and keeping the origins in id order lets the two version vectors be walked side by side.
struct OriginTable: Sendable {
    private(set) var records: [OriginRecord] = []
    private var slotByOrigin: [Identifier: Int] = [:]
    /// Slots in ascending origin id.
    private(set) var sortedSlots: [Int32] = []

    func slot(of origin: Identifier) -> Int? { slotByOrigin[origin] }

    func highestTimestamp(of origin: Identifier) -> UInt64 {
        slotByOrigin[origin].map { records[$0].highestTimestamp } ?? 0
    }

    mutating func slotCreatingIfNeeded(_ origin: Identifier) -> Int {
        if let slot = slotByOrigin[origin] { return slot }
        let slot = records.count
        records.append(OriginRecord(origin: origin))
        slotByOrigin[origin] = slot
        var low = 0
        var high = sortedSlots.count
        while low < high {
            let middle = (low + high) / 2
            if records[Int(sortedSlots[middle])].origin < origin { low = middle + 1 } else { high = middle }
        }
        sortedSlots.insert(Int32(slot), at: low)
        return slot
    }

    mutating func noteSeen(timestamp: UInt64, slot: Int) {
        if timestamp > records[slot].highestTimestamp { records[slot].highestTimestamp = timestamp }
    }

    mutating func addTentative(_ ref: TentativeRef, slot: Int) {
        // An origin's writes arrive in timestamp order (the prefix property), so this appends;
        // the ordered insert only guards the index against a misbehaving transport.
        if let last = records[slot].tentative.last, last.timestamp > ref.timestamp {
            let index = records[slot].firstTentative(notBefore: ref.timestamp)
            records[slot].tentative.insert(ref, at: index)
        } else {
            records[slot].tentative.append(ref)
        }
    }

    mutating func removeTentative(_ stamp: WriteStamp) {
        guard let slot = slotByOrigin[stamp.origin] else { return }
        records[slot].removeTentative(timestamp: stamp.timestamp)
    }

    mutating func removeAllTentative() {
        for slot in records.indices where records[slot].pendingCount > 0 || records[slot].start > 0 {
            records[slot].tentative = []
            records[slot].start = 0
        }
    }

    var versionVector: VersionVector {
        VersionVector(sortedEntries: sortedSlots.map {
            let record = records[Int($0)]
            return VersionVector.Entry(origin: record.origin, timestamp: record.highestTimestamp)
        })
    }
}
