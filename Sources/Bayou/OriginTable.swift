import RingsideKernel

/// What a replica knows about one origin: its version-vector entry.
struct OriginRecord: Sendable {
    let origin: Identifier
    /// Highest timestamp seen from this origin (committed or not).
    var highestTimestamp: UInt64 = 0
}

/// A replica's version vector, indexed for anti-entropy.
///
/// Origins get dense slots in order of first sight; log entries refer to their origin
/// by slot, so a sender can hold the receiver's version vector as an array indexed by
/// slot. Slots are also kept sorted by origin id, so that two version vectors can be
/// walked side by side.
struct OriginTable: Sendable {
    private(set) var records: [OriginRecord] = []
    private var slotByOrigin = OriginIndex()
    /// Slots in ascending origin id.
    private(set) var sortedSlots: [Int32] = []

    func slot(of origin: Identifier) -> Int? { slotByOrigin.slot(of: origin, in: records) }

    func highestTimestamp(of origin: Identifier) -> UInt64 {
        slotByOrigin.slot(of: origin, in: records).map { records[$0].highestTimestamp } ?? 0
    }

    @inline(__always)
    mutating func slotCreatingIfNeeded(_ origin: Identifier) -> Int {
        if let slot = slotByOrigin.slot(of: origin, in: records) { return slot }
        return createSlot(origin)
    }

    /// Kept out of line: every received write looks its origin up, few add one.
    @inline(never)
    private mutating func createSlot(_ origin: Identifier) -> Int {
        let slot = records.count
        records.append(OriginRecord(origin: origin))
        slotByOrigin.insert(origin, slot: slot, in: records)
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

    /// For each slot, the entry for the same origin in `other` (0 if absent): one side-by-side walk.
    func entries(of other: VersionVector) -> [UInt64] {
        let theirs = other.entries
        return entries(theirCount: theirs.count) { (theirs[$0].origin, theirs[$0].timestamp) }
    }

    /// The same for another replica's table, read in place: `sync(from:)` would otherwise
    /// build the receiver's whole version vector for every session only to walk it once.
    func entries(of other: OriginTable) -> [UInt64] {
        entries(theirCount: other.sortedSlots.count) {
            let record = other.records[Int(other.sortedSlots[$0])]
            return (record.origin, record.highestTimestamp)
        }
    }

    /// The walk of both: `theirs(i)` is the other side's i-th entry in ascending origin.
    // Inlined: each caller's accessor is then a plain array read.
    @inline(__always)
    private func entries(theirCount: Int, _ theirs: (Int) -> (origin: Identifier, timestamp: UInt64)) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: records.count)
        var cursor = 0
        for slot32 in sortedSlots {
            let slot = Int(slot32)
            let origin = records[slot].origin
            while cursor < theirCount && theirs(cursor).origin < origin { cursor += 1 }
            if cursor == theirCount { break }
            let entry = theirs(cursor)
            if entry.origin == origin { result[slot] = entry.timestamp }
        }
        return result
    }

    var versionVector: VersionVector {
        VersionVector(sortedEntries: sortedSlots.map {
            let record = records[Int($0)]
            return VersionVector.Entry(origin: record.origin, timestamp: record.highestTimestamp)
        })
    }
}

/// Origin id → slot, an open-addressing hash table with a cheap multiplicative hash.
///
/// Looked up once or twice per received write; `Dictionary`'s SipHash of three words
/// was a measurable share of the benchmark. It stores slots only and compares against
/// the ids in the table's records: a replica knows every other replica, and 24 bytes
/// of key per table entry were a third of an origin table. Never iterated, so its
/// order cannot leak.
struct OriginIndex: Sendable {
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var count = 0
    private var shift = 60  // 64 - log2(capacity)

    private func home(_ id: Identifier) -> Int {
        var h = id.w0 &* 0x9E37_79B9_7F4A_7C15
        h ^= id.w1 &* 0xC2B2_AE3D_27D4_EB4F
        h ^= id.w2 &* 0x1656_67B1_9E37_79F9
        h ^= h >> 31
        return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// Through buffers: this runs for every received write, and each probe's bounds checks
    /// cost more than the probe.
    // Inlined: it runs once or more for every received write.
    @inline(__always)
    func slot(of id: Identifier, in records: [OriginRecord]) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            records.withUnsafeBufferPointer { records in
                let mask = slots.count - 1
                var index = home(id)
                while slots[index] >= 0 {
                    if records[Int(slots[index])].origin == id { return Int(slots[index]) }
                    index = (index + 1) & mask
                }
                return nil
            }
        }
    }

    /// Adds an id known to be absent; `records` must already hold it at `slot`.
    mutating func insert(_ id: Identifier, slot: Int, in records: [OriginRecord]) {
        if (count + 1) * 2 > slots.count { grow(records) }
        place(id, slot: slot)
    }

    private mutating func place(_ id: Identifier, slot: Int) {
        let mask = slots.count - 1
        var index = home(id)
        while slots[index] >= 0 { index = (index + 1) & mask }
        slots[index] = Int32(slot)
        count += 1
    }

    private mutating func grow(_ records: [OriginRecord]) {
        let oldSlots = slots
        slots = Array(repeating: -1, count: oldSlots.count * 2)
        shift -= 1
        count = 0
        for slot in oldSlots where slot >= 0 {
            place(records[Int(slot)].origin, slot: Int(slot))
        }
    }
}
