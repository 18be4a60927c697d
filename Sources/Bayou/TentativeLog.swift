/// The tentative part of a write log, kept in (timestamp, origin) order.
///
/// Writes arrive in the middle of the log all the time (another replica's older
/// writes), so a flat array would move half the log per arrival. The writes are
/// held in sorted chunks of at most `chunkCapacity`: an insert moves at most one
/// chunk, and a Fenwick tree over the chunk sizes turns a chunk into a log position
/// (and back) in O(log n). That keeps receiving one write O(log n + chunkCapacity).
/// Each write also carries its origin's slot in the replica's `OriginTable`, so that an
/// anti-entropy sender can test it against the receiver's version vector by array index.
struct TentativeLog: Sendable {
    static let chunkCapacity = 128

    /// A run of consecutive writes. Stamps and operations live in separate arrays so that
    /// binary searches read dense stamps and never touch reference counts.
    struct Chunk: Sendable {
        var stamps: [WriteStamp] = []
        var bodies: [OperationBox] = []
        /// The origin's slot in the replica's `OriginTable`.
        var slots: [Int32] = []

        var count: Int { stamps.count }

        /// A chunk with room for `chunkCapacity + 1` writes, the most it holds before it splits:
        /// its arrays never grow (and never double past what they need).
        init<Stamps: Collection, Bodies: Collection, Slots: Collection>(
            stamps: Stamps, bodies: Bodies, slots: Slots
        ) where Stamps.Element == WriteStamp, Bodies.Element == OperationBox, Slots.Element == Int32 {
            self.stamps.reserveCapacity(TentativeLog.chunkCapacity + 1)
            self.bodies.reserveCapacity(TentativeLog.chunkCapacity + 1)
            self.slots.reserveCapacity(TentativeLog.chunkCapacity + 1)
            self.stamps.append(contentsOf: stamps)
            self.bodies.append(contentsOf: bodies)
            self.slots.append(contentsOf: slots)
        }

        /// The first offset whose stamp is not smaller than `stamp`.
        func lowerBound(of stamp: WriteStamp) -> Int {
            stamps.withUnsafeBufferPointer { $0.lowerBound(of: stamp) }
        }

        /// Inserts in stamp order; returns the offset, or nil if the stamp is already there.
        mutating func insert(_ write: StoredWrite, slot: Int) -> Int? {
            let offset = lowerBound(of: write.stamp)
            if offset < stamps.count && stamps[offset] == write.stamp { return nil }
            stamps.insert(write.stamp, at: offset)
            bodies.insert(write.body, at: offset)
            slots.insert(Int32(slot), at: offset)
            return offset
        }

        func write(at offset: Int) -> StoredWrite {
            StoredWrite(stamp: stamps[offset], body: bodies[offset])
        }
    }

    private(set) var chunks: [Chunk] = []
    /// `lastStamps[i]` is the stamp of the last write of `chunks[i]` (chunks are never empty).
    private var lastStamps: [WriteStamp] = []
    /// `chunkSizes[i] == chunks[i].count`, kept apart to rebuild the tree without touching chunks.
    private var chunkSizes: [Int] = []
    private var sizes = FenwickTree()
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The chunk a stamp belongs in: the first whose last stamp is not smaller, else the last.
    private func chunkIndex(for stamp: WriteStamp) -> Int {
        lastStamps.withUnsafeBufferPointer { lasts in
            var low = 0
            var high = lasts.count - 1
            while low < high {
                let middle = (low + high) / 2
                if lasts[middle] < stamp { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// The position the stamp has (found) or would have (not found) in the log.
    func position(of stamp: WriteStamp) -> (position: Int, found: Bool) {
        guard !chunks.isEmpty else { return (0, false) }
        let chunk = chunkIndex(for: stamp)
        let offset = chunks[chunk].lowerBound(of: stamp)
        let found = offset < chunks[chunk].count && chunks[chunk].stamps[offset] == stamp
        return (sizes.prefixSum(chunk) + offset, found)
    }

    /// Inserts a write in stamp order; returns its position, or nil if the stamp is already held.
    mutating func insert(_ write: StoredWrite, slot: Int) -> Int? {
        if chunks.isEmpty {
            chunks = [Chunk(stamps: [write.stamp], bodies: [write.body], slots: [Int32(slot)])]
            lastStamps = [write.stamp]
            chunkSizes = [1]
            sizes = FenwickTree(sizes: chunkSizes)
            count = 1
            return 0
        }
        let chunk = chunkIndex(for: write.stamp)
        // A mutating method on the element works in place; reading `chunks[chunk]` piece by
        // piece would copy the chunk out (retaining its arrays) for every look.
        guard let offset = chunks[chunk].insert(write, slot: slot) else { return nil }
        let position = sizes.prefixSum(chunk) + offset
        count += 1
        chunkSizes[chunk] += 1
        if offset == chunkSizes[chunk] - 1 { lastStamps[chunk] = write.stamp }
        if chunkSizes[chunk] > Self.chunkCapacity {
            split(chunk)
        } else {
            sizes.add(1, at: chunk)
        }
        return position
    }

    private mutating func split(_ chunk: Int) {
        let half = chunkSizes[chunk] / 2
        let upper = Chunk(stamps: chunks[chunk].stamps[half...], bodies: chunks[chunk].bodies[half...],
                          slots: chunks[chunk].slots[half...])
        chunks[chunk].stamps.removeSubrange(half...)  // keeps its capacity: this chunk grows again
        chunks[chunk].bodies.removeSubrange(half...)
        chunks[chunk].slots.removeSubrange(half...)
        chunks.insert(upper, at: chunk + 1)
        lastStamps[chunk] = chunks[chunk].stamps[half - 1]
        lastStamps.insert(upper.stamps[upper.count - 1], at: chunk + 1)
        chunkSizes[chunk] = half
        chunkSizes.insert(upper.count, at: chunk + 1)
        sizes = FenwickTree(sizes: chunkSizes)
    }

    /// Removes the write with this stamp; returns its position and the write, or nil if absent.
    mutating func remove(_ stamp: WriteStamp) -> (position: Int, write: StoredWrite)? {
        guard !chunks.isEmpty else { return nil }
        let chunk = chunkIndex(for: stamp)
        let offset = chunks[chunk].lowerBound(of: stamp)
        guard offset < chunks[chunk].count, chunks[chunk].stamps[offset] == stamp else { return nil }
        let position = sizes.prefixSum(chunk) + offset
        let write = StoredWrite(stamp: chunks[chunk].stamps.remove(at: offset), body: chunks[chunk].bodies.remove(at: offset))
        chunks[chunk].slots.remove(at: offset)
        count -= 1
        chunkSizes[chunk] -= 1
        if chunkSizes[chunk] == 0 {
            chunks.remove(at: chunk)
            lastStamps.remove(at: chunk)
            chunkSizes.remove(at: chunk)
            sizes = FenwickTree(sizes: chunkSizes)
        } else {
            lastStamps[chunk] = chunks[chunk].stamps[chunkSizes[chunk] - 1]
            sizes.add(-1, at: chunk)
        }
        return (position, write)
    }

    /// Empties the log, returning every write in order (the primary's commit).
    mutating func removeAll() -> [StoredWrite] {
        let all = writes
        self = TentativeLog()
        return all
    }

    subscript(position: Int) -> StoredWrite {
        let (chunk, offset) = sizes.locate(position)
        return chunks[chunk].write(at: offset)
    }

    /// Visits the writes from `position` to the end, in order.
    func forEach(from position: Int, _ body: (StoredWrite) throws -> Void) rethrows {
        guard position < count else { return }
        var (chunk, offset) = sizes.locate(position)
        while chunk < chunks.count {
            for index in offset..<chunks[chunk].count { try body(chunks[chunk].write(at: index)) }
            chunk += 1
            offset = 0
        }
    }

    /// Visits, in order, the writes newer than `thresholds[slot]` for their origin's slot,
    /// with that slot.
    ///
    /// One pass over dense arrays, no hashing: how an anti-entropy sender finds the
    /// tentative writes a receiver lacks.
    func forEach(newerThan thresholds: [UInt64], _ body: (StoredWrite, _ slot: Int) -> Void) {
        thresholds.withUnsafeBufferPointer { thresholds in
            for chunk in chunks.indices {
                chunks[chunk].stamps.withUnsafeBufferPointer { stamps in
                    chunks[chunk].slots.withUnsafeBufferPointer { slots in
                        for index in stamps.indices {
                            let slot = Int(slots[index])
                            if stamps[index].timestamp > thresholds[slot] {
                                body(StoredWrite(stamp: stamps[index], body: chunks[chunk].bodies[index]), slot)
                            }
                        }
                    }
                }
            }
        }
    }

    var writes: [StoredWrite] {
        var result: [StoredWrite] = []
        result.reserveCapacity(count)
        forEach(from: 0) { result.append($0) }
        return result
    }
}

/// A Fenwick (binary indexed) tree of chunk sizes: prefix sums and position lookup in O(log n).
struct FenwickTree: Sendable {
    /// 1-based: `tree[i]` sums the sizes of chunks (i - lowbit(i)) ..< i.
    private var tree: [Int] = [0]

    init() {}

    init(sizes: [Int]) {
        tree = [0] + sizes
        for i in 1..<tree.count {
            let parent = i + (i & -i)
            if parent < tree.count { tree[parent] += tree[i] }
        }
    }

    private var chunkCount: Int { tree.count - 1 }

    mutating func add(_ delta: Int, at chunk: Int) {
        var i = chunk + 1
        while i < tree.count {
            tree[i] += delta
            i += i & -i
        }
    }

    /// Total size of chunks 0 ..< chunk.
    func prefixSum(_ chunk: Int) -> Int {
        var sum = 0
        var i = chunk
        while i > 0 {
            sum += tree[i]
            i -= i & -i
        }
        return sum
    }

    /// The chunk holding a position, and the offset inside it.
    func locate(_ position: Int) -> (chunk: Int, offset: Int) {
        var index = 0
        var remaining = position
        var step = 1
        while step * 2 <= chunkCount { step *= 2 }
        while step > 0 {
            let next = index + step
            if next <= chunkCount && tree[next] <= remaining {
                index = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return (index, remaining)
    }
}
