/// The tentative part of a write log, kept in (timestamp, origin) order.
///
/// Writes arrive in the middle of the log all the time (another replica's older
/// writes), so a flat array would move half the log per arrival. The writes are
/// held in sorted chunks of at most `chunkCapacity`: an insert moves at most one
/// chunk, and a Fenwick tree over the chunk sizes turns a chunk into a log position
/// (and back) in O(log n). That keeps receiving one write O(log n + chunkCapacity).
struct TentativeLog: Sendable {
    static let chunkCapacity = 128

    private(set) var chunks: [[StoredWrite]] = []
    /// `lastStamps[i]` is the stamp of the last write of `chunks[i]` (chunks are never empty).
    private var lastStamps: [WriteStamp] = []
    private var sizes = FenwickTree()
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The chunk a stamp belongs in: the first whose last stamp is not smaller, else the last.
    private func chunkIndex(for stamp: WriteStamp) -> Int {
        var low = 0
        var high = lastStamps.count - 1
        while low < high {
            let middle = (low + high) / 2
            if lastStamps[middle] < stamp { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func lowerBound(of stamp: WriteStamp, in chunk: [StoredWrite]) -> Int {
        var low = 0
        var high = chunk.count
        while low < high {
            let middle = (low + high) / 2
            if chunk[middle].stamp < stamp { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The position the stamp has (found) or would have (not found) in the log.
    func position(of stamp: WriteStamp) -> (position: Int, found: Bool) {
        guard !chunks.isEmpty else { return (0, false) }
        let chunk = chunkIndex(for: stamp)
        let offset = Self.lowerBound(of: stamp, in: chunks[chunk])
        let found = offset < chunks[chunk].count && chunks[chunk][offset].stamp == stamp
        return (sizes.prefixSum(chunk) + offset, found)
    }

    /// Inserts a write in stamp order; returns its position, or nil if the stamp is already held.
    mutating func insert(_ write: StoredWrite) -> Int? {
        if chunks.isEmpty {
            chunks = [[write]]
            lastStamps = [write.stamp]
            sizes = FenwickTree(sizes: [1])
            count = 1
            return 0
        }
        let chunk = chunkIndex(for: write.stamp)
        let offset = Self.lowerBound(of: write.stamp, in: chunks[chunk])
        if offset < chunks[chunk].count && chunks[chunk][offset].stamp == write.stamp { return nil }
        let position = sizes.prefixSum(chunk) + offset
        chunks[chunk].insert(write, at: offset)
        count += 1
        if offset == chunks[chunk].count - 1 { lastStamps[chunk] = write.stamp }
        if chunks[chunk].count > Self.chunkCapacity {
            split(chunk)
        } else {
            sizes.add(1, at: chunk)
        }
        return position
    }

    private mutating func split(_ chunk: Int) {
        let half = chunks[chunk].count / 2
        let upper = Array(chunks[chunk][half...])
        chunks[chunk].removeSubrange(half...)
        chunks.insert(upper, at: chunk + 1)
        lastStamps[chunk] = chunks[chunk][half - 1].stamp
        lastStamps.insert(upper[upper.count - 1].stamp, at: chunk + 1)
        sizes = FenwickTree(sizes: chunks.map(\.count))
    }

    /// Removes the write with this stamp; returns its position and the write, or nil if absent.
    mutating func remove(_ stamp: WriteStamp) -> (position: Int, write: StoredWrite)? {
        guard !chunks.isEmpty else { return nil }
        let chunk = chunkIndex(for: stamp)
        let offset = Self.lowerBound(of: stamp, in: chunks[chunk])
        guard offset < chunks[chunk].count, chunks[chunk][offset].stamp == stamp else { return nil }
        let position = sizes.prefixSum(chunk) + offset
        let write = chunks[chunk].remove(at: offset)
        count -= 1
        if chunks[chunk].isEmpty {
            chunks.remove(at: chunk)
            lastStamps.remove(at: chunk)
            sizes = FenwickTree(sizes: chunks.map(\.count))
        } else {
            lastStamps[chunk] = chunks[chunk][chunks[chunk].count - 1].stamp
            sizes.add(-1, at: chunk)
        }
        return (position, write)
    }

    /// Empties the log, returning every write in order (the primary's commit).
    mutating func removeAll() -> [StoredWrite] {
        let all = chunks.flatMap { $0 }
        self = TentativeLog()
        return all
    }

    subscript(position: Int) -> StoredWrite {
        let (chunk, offset) = sizes.locate(position)
        return chunks[chunk][offset]
    }

    /// Visits the writes from `position` to the end, in order.
    func forEach(from position: Int, _ body: (StoredWrite) throws -> Void) rethrows {
        guard position < count else { return }
        var (chunk, offset) = sizes.locate(position)
        while chunk < chunks.count {
            for write in chunks[chunk][offset...] { try body(write) }
            chunk += 1
            offset = 0
        }
    }

    var writes: [StoredWrite] { chunks.flatMap { $0 } }
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
