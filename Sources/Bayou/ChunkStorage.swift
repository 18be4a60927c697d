/// The memory of one tentative-log chunk: write references and their slot codes, side by side.
///
/// Why not two `Array`s: every write is shared by all replicas, so its reference count is
/// a contended word far away in memory. Arrays retain and release each element they copy,
/// and sliding, sharing, splitting and shrinking chunks copy elements all the time: that
/// was a fifth of the benchmark. Here a reference is retained once when a write enters
/// the log and released once when it leaves (or the storage dies); moving it between
/// positions and chunks is a plain memory move.
///
/// Not a value: `TentativeLog.Chunk` wraps it and copies it before writing when it is
/// shared (copy on write), so a replica copy never sees another's changes. That discipline,
/// not the compiler, is what makes it safe to send.
final class ChunkStorage: @unchecked Sendable {
    private(set) var count = 0
    private(set) var capacity: Int
    /// +1 references: the storage owns one count of each write in 0 ..< count.
    private var refs: UnsafeMutablePointer<Unmanaged<StoredWrite>>
    private var codes: UnsafeMutablePointer<UInt16>

    init(capacity: Int) {
        self.capacity = capacity
        (refs, codes) = Self.allocate(capacity)
    }

    deinit {
        for index in 0..<count { refs[index].release() }
        refs.deallocate()
    }

    /// One block for both: references first, then codes (growing a chunk is one malloc, not two).
    private static func allocate(_ capacity: Int)
        -> (UnsafeMutablePointer<Unmanaged<StoredWrite>>, UnsafeMutablePointer<UInt16>) {
        let stride = MemoryLayout<Unmanaged<StoredWrite>>.stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: capacity * (stride + MemoryLayout<UInt16>.stride),
            alignment: MemoryLayout<Unmanaged<StoredWrite>>.alignment)
        let refs = block.bindMemory(to: Unmanaged<StoredWrite>.self, capacity: capacity)
        let codes = (block + capacity * stride).bindMemory(to: UInt16.self, capacity: capacity)
        return (refs, codes)
    }

    /// A copy holding its own count of each write (for copy on write).
    func copy(capacity newCapacity: Int) -> ChunkStorage {
        let copy = ChunkStorage(capacity: max(newCapacity, count))
        for index in 0..<count { _ = refs[index].retain() }
        copy.refs.initialize(from: refs, count: count)
        copy.codes.initialize(from: codes, count: count)
        copy.count = count
        return copy
    }

    /// Moves the contents to new memory of this capacity (>= count), without touching counts.
    func resize(to newCapacity: Int) {
        precondition(newCapacity >= count)
        let (newRefs, newCodes) = Self.allocate(newCapacity)
        newRefs.moveInitialize(from: refs, count: count)
        newCodes.moveInitialize(from: codes, count: count)
        refs.deallocate()
        refs = newRefs
        codes = newCodes
        capacity = newCapacity
    }

    @inline(__always)
    func write(at index: Int) -> StoredWrite { refs[index].takeUnretainedValue() }

    @inline(__always)
    func code(at index: Int) -> UInt16 { codes[index] }

    /// Reads the write at `index` without the caller holding a count of its own.
    @inline(__always)
    func withWrite<R>(at index: Int, _ body: (StoredWrite) -> R) -> R {
        refs[index]._withUnsafeGuaranteedRef(body)
    }

    /// Inserts at `index` (capacity must allow), taking a count of the write.
    // Inlined: it runs once or more for every received write.
    @inline(__always)
    func insert(_ write: StoredWrite, code: UInt16, at index: Int) {
        precondition(count < capacity && index <= count)
        (refs + index + 1).moveInitialize(from: refs + index, count: count - index)
        (codes + index + 1).moveInitialize(from: codes + index, count: count - index)
        (refs + index).initialize(to: .passRetained(write))
        (codes + index).initialize(to: code)
        count += 1
    }

    /// Inserts `arrivals[t]` before the write now at `ranks[t]`, for every t (capacity must
    /// allow), taking a count of each. `ranks` never falls and the arrivals are in order.
    ///
    /// One pass from the back: every write already here moves once, however many arrive
    /// (inserting them one by one moved the tail once per arrival).
    func insert(_ arrivals: ArraySlice<TentativeLog.Arrival>, before ranks: [Int]) {
        let arrivalCount = ranks.count
        precondition(arrivals.count == arrivalCount && count + arrivalCount <= capacity)
        var end = count
        var arrival = arrivals.endIndex
        for t in stride(from: arrivalCount - 1, through: 0, by: -1) {
            let rank = ranks[t]
            precondition(rank <= end)
            arrival -= 1
            (refs + rank + t + 1).moveInitialize(from: refs + rank, count: end - rank)
            (codes + rank + t + 1).moveInitialize(from: codes + rank, count: end - rank)
            (refs + rank + t).initialize(to: arrivals[arrival].write.retain())
            (codes + rank + t).initialize(to: TentativeLog.SlotCode.encode(arrivals[arrival].slot))
            end = rank
        }
        count += arrivalCount
    }

    /// Removes the write at `index`, handing its count to the caller.
    func remove(at index: Int) -> StoredWrite {
        precondition(index < count)
        let write = refs[index].takeRetainedValue()
        (refs + index).moveInitialize(from: refs + index + 1, count: count - index - 1)
        (codes + index).moveInitialize(from: codes + index + 1, count: count - index - 1)
        count -= 1
        return write
    }

    /// Moves writes `from ..< count` to the front of `target` (whose capacity must allow).
    func moveTail(from start: Int, toFrontOf target: ChunkStorage) {
        let moved = count - start
        precondition(moved >= 0 && target.count + moved <= target.capacity)
        (target.refs + moved).moveInitialize(from: target.refs, count: target.count)
        (target.codes + moved).moveInitialize(from: target.codes, count: target.count)
        target.refs.moveInitialize(from: refs + start, count: moved)
        target.codes.moveInitialize(from: codes + start, count: moved)
        target.count += moved
        count = start
    }

    /// Moves writes `0 ..< moved` to the end of `target` (whose capacity must allow).
    func moveHead(_ moved: Int, toEndOf target: ChunkStorage) {
        precondition(moved <= count && target.count + moved <= target.capacity)
        (target.refs + target.count).moveInitialize(from: refs, count: moved)
        (target.codes + target.count).moveInitialize(from: codes, count: moved)
        refs.moveInitialize(from: refs + moved, count: count - moved)
        codes.moveInitialize(from: codes + moved, count: count - moved)
        target.count += moved
        count -= moved
    }

    /// Runs `body` over the references and codes of 0 ..< count.
    func withBuffers<R>(_ body: (UnsafeBufferPointer<Unmanaged<StoredWrite>>, UnsafeBufferPointer<UInt16>) -> R) -> R {
        body(UnsafeBufferPointer(start: refs, count: count), UnsafeBufferPointer(start: codes, count: count))
    }
}
