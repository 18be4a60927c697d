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
    /// Each chunk also costs about 150 bytes of array headers and per-chunk indexes: at
    /// 192 rather than 128 that is a byte less per write held.
    static let chunkCapacity = 192

    /// A run of consecutive writes: references to shared writes, and their origins' slots.
    struct Chunk: Sendable {
        /// The writes and, for each, the origin's slot in the replica's `OriginTable`, or
        /// `SlotCode.wide` for slots that do not fit in 16 bits (more than 65,535 origins):
        /// two bytes per entry instead of four keeps a thousand replicas' full logs small.
        private(set) var storage: ChunkStorage

        var count: Int { storage.count }

        init(_ write: StoredWrite, slot: Int) {
            storage = ChunkStorage(capacity: Self.capacity(for: 1))
            storage.insert(write, code: SlotCode.encode(slot), at: 0)
        }

        init(storage: ChunkStorage) {
            self.storage = storage
        }

        /// Room a chunk gets beyond what it holds, when it is made or must grow.
        ///
        /// Reserving the most a chunk ever holds leaves a third of it empty on average;
        /// growing by a small step keeps chunks about 93% full. For a thousand replicas
        /// holding ten thousand writes each that is tens of megabytes.
        static let growth = 16

        static func capacity(for count: Int) -> Int {
            max(count, min(count + growth, TentativeLog.chunkCapacity + 1))
        }

        /// Copies the storage if another log shares it (copy on write).
        private mutating func makeUnique() {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
        }

        /// Makes the storage unique with room for `count` writes.
        mutating func reserve(_ count: Int) {
            makeUnique()
            if storage.capacity < count { storage.resize(to: Self.capacity(for: count)) }
        }

        /// Gives back room a chunk no longer needs after writes left it.
        mutating func shrinkIfRoomy() {
            guard storage.capacity > count + 2 * Self.growth else { return }
            makeUnique()
            storage.resize(to: Self.capacity(for: count))
        }

        /// The first offset whose stamp is not smaller than `stamp`, knowing that every write
        /// before `start` is smaller.
        ///
        /// Gallops from `start` before bisecting: each probe reads a write from memory, and
        /// the writes of one session land close behind one another.
        func lowerBound(of stamp: WriteStamp, from start: Int = 0) -> Int {
            storage.withBuffers { writes, _ in
                var low = start
                var high = writes.count
                var probe = start
                var step = 1
                while probe < high {
                    if writes[probe]._withUnsafeGuaranteedRef({ $0.stamp < stamp }) {
                        low = probe + 1
                        probe = low + step
                        step *= 2
                    } else {
                        high = probe
                    }
                }
                while low < high {
                    let middle = (low + high) / 2
                    if writes[middle]._withUnsafeGuaranteedRef({ $0.stamp < stamp }) { low = middle + 1 } else { high = middle }
                }
                return low
            }
        }

        /// Inserts in stamp order; returns the offset, or nil if the stamp is already there.
        // Inlined: it runs once or more for every received write.
        @inline(__always)
        mutating func insert(_ write: StoredWrite, slot: Int, from start: Int) -> Int? {
            let offset = lowerBound(of: write.stamp, from: start)
            if offset < count && stamp(at: offset) == write.stamp { return nil }
            reserve(count + 1)
            storage.insert(write, code: SlotCode.encode(slot), at: offset)
            return offset
        }

        /// Inserts arrivals in order, `arrivals[t]` before the write now at `ranks[t]`.
        mutating func insert(_ arrivals: ArraySlice<Arrival>, before ranks: [Int]) {
            reserve(count + ranks.count)
            storage.insert(arrivals, before: ranks)
        }

        /// Removes the write at `offset`.
        mutating func remove(at offset: Int) -> StoredWrite {
            makeUnique()
            return storage.remove(at: offset)
        }

        /// Moves writes `start ..< count` to the front of `next`.
        mutating func moveTail(from start: Int, toFrontOf next: inout Chunk) {
            makeUnique()
            next.reserve(next.count + count - start)
            storage.moveTail(from: start, toFrontOf: next.storage)
        }

        /// Moves writes `0 ..< moved` to the end of `previous`.
        mutating func moveHead(_ moved: Int, toEndOf previous: inout Chunk) {
            makeUnique()
            previous.reserve(previous.count + moved)
            storage.moveHead(moved, toEndOf: previous.storage)
        }

        /// Cuts the chunk at `start`: it keeps the writes before, the result holds the rest.
        mutating func split(at start: Int) -> Chunk {
            var upper = Chunk(storage: ChunkStorage(capacity: Self.capacity(for: count - start)))
            moveTail(from: start, toFrontOf: &upper)
            return upper
        }

        func write(at offset: Int) -> StoredWrite { storage.write(at: offset) }

        func stamp(at offset: Int) -> WriteStamp { storage.withWrite(at: offset) { $0.stamp } }
    }

    /// How a slot is kept in a chunk.
    enum SlotCode {
        /// The slot is too large for 16 bits: look it up by the write's origin.
        static let wide = UInt16.max

        static func encode(_ slot: Int) -> UInt16 {
            slot < Int(wide) ? UInt16(slot) : wide
        }
    }

    private(set) var chunks: [Chunk] = []
    /// `lastStamps[i]` is the stamp of the last write of `chunks[i]` (chunks are never empty).
    private var lastStamps: [WriteStamp] = []
    /// `chunkSizes[i] == chunks[i].count`, kept apart to rebuild the tree without touching chunks.
    private var chunkSizes: [Int] = []
    private var sizes = FenwickTree()
    private(set) var count = 0
    /// Chunk and offset of the last write inserted, while no other change has moved it.
    private var finger: (chunk: Int, offset: Int)?

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
        let found = offset < chunks[chunk].count && chunks[chunk].stamp(at: offset) == stamp
        return (sizes.prefixSum(chunk) + offset, found)
    }

    /// Inserts a write in stamp order; returns its position, or nil if the stamp is already held.
    mutating func insert(_ write: StoredWrite, slot: Int) -> Int? {
        if chunks.isEmpty {
            chunks = [Chunk(write, slot: slot)]
            lastStamps = [write.stamp]
            chunkSizes = [1]
            sizes = FenwickTree(sizes: chunkSizes)
            count = 1
            return 0
        }
        let (chunk, start) = searchStart(for: write.stamp)
        // A mutating method on the element works in place; reading `chunks[chunk]` piece by
        // piece would copy the chunk out (retaining its arrays) for every look.
        guard let offset = chunks[chunk].insert(write, slot: slot, from: start) else { return nil }
        finger = (chunk, offset)
        let position = sizes.prefixSum(chunk) + offset
        count += 1
        chunkSizes[chunk] += 1
        if offset == chunkSizes[chunk] - 1 { lastStamps[chunk] = write.stamp }
        sizes.add(1, at: chunk)
        if chunkSizes[chunk] > Self.chunkCapacity { overflow(chunk) }
        return position
    }

    /// The chunk a stamp belongs in, and an offset in it before which every write is smaller.
    ///
    /// A session's writes arrive in log order, so a write usually lands just after the
    /// one inserted before it: starting there saves reading writes the search would skip.
    // Inlined: it runs once or more for every received write.
    @inline(__always)
    private func searchStart(for stamp: WriteStamp) -> (chunk: Int, offset: Int) {
        if let (chunk, offset) = finger, chunks[chunk].stamp(at: offset) < stamp,
           !(lastStamps[chunk] < stamp) {
            return (chunk, offset + 1)
        }
        return (chunkIndex(for: stamp), 0)
    }

    /// A neighbour with at least this much room takes writes from a full chunk instead of
    /// a split: chunks then stay about 85% full rather than 70%, which for a thousand
    /// replicas holding ten thousand writes each is tens of megabytes.
    private static let shareMinimum = 16

    /// Makes room in a chunk that just went over capacity: hands writes to a neighbour
    /// with room, else splits it in two.
    private mutating func overflow(_ chunk: Int) {
        finger = nil
        let size = chunkSizes[chunk]
        if chunk + 1 < chunks.count && chunkSizes[chunk + 1] <= Self.chunkCapacity - Self.shareMinimum {
            let moved = (size - chunkSizes[chunk + 1]) / 2
            let cut = size - moved
            chunks.withUnsafeMutableBufferPointer { $0[chunk].moveTail(from: cut, toFrontOf: &$0[chunk + 1]) }
            chunks[chunk].shrinkIfRoomy()
            lastStamps[chunk] = chunks[chunk].stamp(at: cut - 1)
            move(moved, from: chunk, to: chunk + 1)
        } else if chunk > 0 && chunkSizes[chunk - 1] <= Self.chunkCapacity - Self.shareMinimum {
            let moved = (size - chunkSizes[chunk - 1]) / 2
            chunks.withUnsafeMutableBufferPointer { $0[chunk].moveHead(moved, toEndOf: &$0[chunk - 1]) }
            chunks[chunk].shrinkIfRoomy()
            lastStamps[chunk - 1] = chunks[chunk - 1].stamp(at: chunks[chunk - 1].count - 1)
            move(moved, from: chunk, to: chunk - 1)
        } else {
            split(chunk)
        }
    }

    /// Books `count` writes moved between neighbouring chunks in the sizes.
    private mutating func move(_ count: Int, from source: Int, to target: Int) {
        chunkSizes[source] -= count
        chunkSizes[target] += count
        sizes.add(-count, at: source)
        sizes.add(count, at: target)
    }

    private mutating func split(_ chunk: Int) {
        let half = chunkSizes[chunk] / 2
        let upper = chunks[chunk].split(at: half)
        chunks[chunk].shrinkIfRoomy()
        chunks.insert(upper, at: chunk + 1)
        lastStamps[chunk] = chunks[chunk].stamp(at: half - 1)
        lastStamps.insert(upper.stamp(at: upper.count - 1), at: chunk + 1)
        chunkSizes[chunk] = half
        chunkSizes.insert(upper.count, at: chunk + 1)
        sizes = FenwickTree(sizes: chunkSizes)
    }

    /// A write for `insert(ascending:)`, with its origin's slot.
    ///
    /// Unretained: a batch is made and inserted while the sender's log holds its writes,
    /// and retaining and releasing each shared write again cost a tenth of a session.
    struct Arrival {
        let write: Unmanaged<StoredWrite>
        let slot: Int

        var stamp: WriteStamp { write._withUnsafeGuaranteedRef { $0.stamp } }
    }

    /// Inserts writes the log does not hold, given in ascending stamp order, as calling
    /// `insert` for each in turn would; returns each one's position.
    ///
    /// A write's position once all are in is its position when it went in: every later
    /// arrival is larger. Why not one `insert` each: a session's writes arrive in log
    /// order, often many into one chunk, and each insert moved the chunk's tail again.
    /// Here a chunk that gains writes is merged once and cut if it overflows, and the
    /// chunk indexes are rebuilt once, which is cheap next to the session's other O(R + n).
    mutating func insert(ascending arrivals: [Arrival]) -> [Int] {
        guard !arrivals.isEmpty else { return [] }
        finger = nil
        if chunks.isEmpty {
            // One empty chunk, which takes every arrival below.
            chunks = [Chunk(storage: ChunkStorage(capacity: Chunk.capacity(for: arrivals.count)))]
            lastStamps = [arrivals[arrivals.count - 1].stamp]
            chunkSizes = [0]
        }
        var positions: [Int] = []
        positions.reserveCapacity(arrivals.count)
        var newChunks: [Chunk] = []
        var newLastStamps: [WriteStamp] = []
        var newSizes: [Int] = []
        let expected = chunks.count + arrivals.count / Self.chunkCapacity + 1
        newChunks.reserveCapacity(expected)
        newLastStamps.reserveCapacity(expected)
        newSizes.reserveCapacity(expected)
        var ranks: [Int] = []
        var next = 0
        var before = 0
        // Chunks are taken out of `chunks` as they are reached, leaving this in their place,
        // so that the one in `newChunks` is the only reference and changes in place.
        let emptied = Chunk(storage: ChunkStorage(capacity: 0))
        for index in chunks.indices {
            // This chunk's arrivals: those below its last write (they are never equal to a
            // held write), or all that are left for the last chunk.
            var end = arrivals.count
            if index < chunks.count - 1 {
                end = next
                let last = lastStamps[index]
                while end < arrivals.count && arrivals[end].stamp < last { end += 1 }
            }
            var chunk = emptied
            swap(&chunk, &chunks[index])
            let original = chunkSizes[index]
            guard end > next else {
                newChunks.append(chunk)
                newLastStamps.append(lastStamps[index])
                newSizes.append(chunk.count)
                before += original
                continue
            }
            ranks.removeAll(keepingCapacity: true)
            var rank = 0
            for t in next..<end {
                rank = chunk.lowerBound(of: arrivals[t].stamp, from: rank)
                ranks.append(rank)
                positions.append(before + rank + t)
            }
            chunk.insert(arrivals[next..<end], before: ranks)
            before += original
            next = end
            if chunk.count > Self.chunkCapacity {
                // The next chunk takes no arrivals if there are none left or they lie beyond it.
                let nextTakesNone = index + 1 < chunks.count
                    && (next == arrivals.count || (index + 2 < chunks.count && !(arrivals[next].stamp < lastStamps[index + 1])))
                share(&chunk, next: nextTakesNone ? index + 1 : nil, previous: &newChunks,
                      lastStamps: &newLastStamps, sizes: &newSizes)
            }
            Self.appendCut(&chunk, to: &newChunks, lastStamps: &newLastStamps, sizes: &newSizes)
        }
        chunks = newChunks
        lastStamps = newLastStamps
        chunkSizes = newSizes
        sizes = FenwickTree(sizes: chunkSizes)
        count += arrivals.count
        return positions
    }

    /// Hands writes of a chunk over capacity to a neighbour with room, as `overflow` does,
    /// if the two then fit in two chunks: the next one in `chunks` (if given: it takes no
    /// arrivals, so its indexes are read afresh when it is reached) or the last one made.
    /// Cutting a chunk just over capacity in two would leave both half empty.
    private mutating func share(_ chunk: inout Chunk, next: Int?, previous: inout [Chunk],
                                lastStamps: inout [WriteStamp], sizes: inout [Int]) {
        let size = chunk.count
        let roomy = Self.chunkCapacity - Self.shareMinimum
        if let next, chunks[next].count <= roomy, size + chunks[next].count <= 2 * Self.chunkCapacity {
            let moved = (size - chunks[next].count) / 2
            chunk.moveTail(from: size - moved, toFrontOf: &chunks[next])
            chunk.shrinkIfRoomy()
        } else if let last = previous.indices.last, sizes[last] <= roomy,
                  size + sizes[last] <= 2 * Self.chunkCapacity {
            let moved = (size - sizes[last]) / 2
            chunk.moveHead(moved, toEndOf: &previous[last])
            chunk.shrinkIfRoomy()
            sizes[last] += moved
            lastStamps[last] = previous[last].stamp(at: sizes[last] - 1)
        }
    }

    /// Appends a chunk that may hold more than `chunkCapacity`, cut into as few chunks of
    /// even size as fit, and their indexes.
    private static func appendCut(_ chunk: inout Chunk, to chunks: inout [Chunk], lastStamps: inout [WriteStamp],
                           sizes: inout [Int]) {
        let total = chunk.count
        let pieces = (total + Self.chunkCapacity - 1) / Self.chunkCapacity
        // Cut from the back, so that each write moves once.
        var tails: [Chunk] = []
        for piece in stride(from: pieces - 1, to: 0, by: -1) {
            tails.append(chunk.split(at: total * piece / pieces))
        }
        chunk.shrinkIfRoomy()
        for piece in [chunk] + tails.reversed() {
            chunks.append(piece)
            lastStamps.append(piece.stamp(at: piece.count - 1))
            sizes.append(piece.count)
        }
    }

    /// Removes the write with this stamp; returns its position and the write, or nil if absent.
    mutating func remove(_ stamp: WriteStamp) -> (position: Int, write: StoredWrite)? {
        guard !chunks.isEmpty else { return nil }
        finger = nil
        let chunk = chunkIndex(for: stamp)
        let offset = chunks[chunk].lowerBound(of: stamp)
        guard offset < chunks[chunk].count, chunks[chunk].stamp(at: offset) == stamp else { return nil }
        let position = sizes.prefixSum(chunk) + offset
        let write = chunks[chunk].remove(at: offset)
        count -= 1
        chunkSizes[chunk] -= 1
        if chunkSizes[chunk] == 0 {
            chunks.remove(at: chunk)
            lastStamps.remove(at: chunk)
            chunkSizes.remove(at: chunk)
            sizes = FenwickTree(sizes: chunkSizes)
        } else {
            lastStamps[chunk] = chunks[chunk].stamp(at: chunkSizes[chunk] - 1)
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
    /// tentative writes a receiver lacks. An origin whose threshold reaches this
    /// replica's own entry (`origins`) has nothing to send, and its writes are skipped
    /// by their slot alone, without reading the write.
    ///
    /// Nor is a write read to learn whether it is newer when its chunk's stamps decide:
    /// timestamps never fall along the log, so every write of chunk i has a timestamp from
    /// the last one of chunk i - 1 to the last one of chunk i (`lastStamps`). A threshold
    /// below that range sends the write, one at or above it skips it. Reading the skipped
    /// writes' references and stamps was most of a sender's time.
    func forEach(newerThan thresholds: [UInt64], origins: OriginTable,
                 _ body: (StoredWrite, _ slot: Int) -> Void) {
        // The threshold, or .max where nothing of the origin can be newer.
        var cutoffs = thresholds
        for slot in cutoffs.indices where cutoffs[slot] >= origins.records[slot].highestTimestamp {
            cutoffs[slot] = .max
        }
        cutoffs.withUnsafeBufferPointer { cutoffs in
            chunks.withUnsafeBufferPointer { chunks in
                var lowest: UInt64 = 0
                for (chunkIndex, chunk) in chunks.enumerated() {
                    let highest = lastStamps[chunkIndex].timestamp
                    chunk.storage.withBuffers { writes, slots in
                        for index in 0..<writes.count {
                            var slot = Int(slots[index])
                            if slot == Int(SlotCode.wide) {
                                // Every origin in the log has a slot.
                                slot = origins.slot(of: writes[index].takeUnretainedValue().stamp.origin) ?? 0
                            }
                            let cutoff = cutoffs[slot]
                            guard cutoff < highest else { continue }
                            // Borrowed, not taken: a taken reference is retained and released again.
                            writes[index]._withUnsafeGuaranteedRef { write in
                                if cutoff < lowest || write.stamp.timestamp > cutoff { body(write, slot) }
                            }
                        }
                    }
                    lowest = highest
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

    /// Both walks run on every received write: through a buffer, without a bounds check per step.
    // Inlined: it runs once or more for every received write.
    @inline(__always)
    mutating func add(_ delta: Int, at chunk: Int) {
        tree.withUnsafeMutableBufferPointer { tree in
            var i = chunk + 1
            while i < tree.count {
                tree[i] += delta
                i += i & -i
            }
        }
    }

    /// Total size of chunks 0 ..< chunk.
    // Inlined: it runs once or more for every received write.
    @inline(__always)
    func prefixSum(_ chunk: Int) -> Int {
        tree.withUnsafeBufferPointer { tree in
            var sum = 0
            var i = chunk
            while i > 0 {
                sum += tree[i]
                i -= i & -i
            }
            return sum
        }
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
