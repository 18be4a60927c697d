/// Virtual time in simulated milliseconds. Nothing in the core reads a wall clock.
public typealias VirtualTime = UInt64

/// A min-priority queue of events ordered by (time, sequence).
///
/// The sequence number breaks ties in submission order, as FoundationDB's sim2 and
/// swift-nio's EmbeddedEventLoop do, so equal times never depend on heap internals.
/// A value type: copying a queue (for a snapshot) is O(1) until one copy changes.
public struct EventQueue<Payload>: Sendable where Payload: Sendable {
    public struct Entry: Sendable {
        public let time: VirtualTime
        public let sequence: UInt64
        public let payload: Payload

        @inlinable
        init(time: VirtualTime, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    // Inlinable so that the queue is specialised for its payload in the modules that use
    // it: unspecialised generic code spent a tenth of a run looking up type metadata.
    @usableFromInline var heap: [Entry] = []
    @usableFromInline var sequenceCounter: UInt64 = 0

    /// The sequence number the next push gets.
    public var nextSequence: UInt64 { sequenceCounter }

    public init() {}

    @inlinable public var isEmpty: Bool { heap.isEmpty }
    @inlinable public var count: Int { heap.count }

    /// The earliest entry, without removing it.
    public var first: Entry? { heap.first }

    /// All pending entries in no particular order (O(1)).
    public var entries: [Entry] { heap }

    /// All pending entries in delivery order (for display; O(n log n)).
    public var orderedEntries: [Entry] {
        heap.sorted { $0.precedes($1) }
    }

    @inlinable
    @discardableResult
    public mutating func push(_ payload: Payload, at time: VirtualTime) -> UInt64 {
        let sequence = sequenceCounter
        sequenceCounter += 1
        insert(Entry(time: time, sequence: sequence, payload: payload))
        return sequence
    }

    /// Takes a sequence number now for an entry that may be pushed later, so that it sorts
    /// as if it had been pushed now (a timer set at send time, pushed only if needed).
    @inlinable
    public mutating func reserveSequence() -> UInt64 {
        let sequence = sequenceCounter
        sequenceCounter += 1
        return sequence
    }

    /// Pushes with a sequence number from `reserveSequence()`.
    @inlinable
    public mutating func push(_ payload: Payload, at time: VirtualTime, sequence: UInt64) {
        insert(Entry(time: time, sequence: sequence, payload: payload))
    }

    // Push and pop sift a hole through one buffer access: each subscripted write or swap
    // of the array checked its uniqueness again. The moves and comparisons are those of
    // swapping the entry along, so the heap's layout is the same.
    @inlinable @inline(__always)
    mutating func insert(_ entry: Entry) {
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard entry.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = entry
        }
    }

    @inlinable @inline(__always)
    public mutating func pop() -> Entry? {
        guard let last = heap.popLast() else { return nil }
        guard !heap.isEmpty else { return last }
        // The last entry takes the root's place and sinks.
        return heap.withUnsafeMutableBufferPointer { heap in
            let top = heap[0]
            Self.sink(last, from: 0, in: heap)
            return top
        }
    }

    /// Removes every entry whose payload matches (used for dropping a dead node's traffic).
    public mutating func removeAll(where predicate: (Payload) -> Bool) {
        let kept = heap.filter { !predicate($0.payload) }
        guard kept.count != heap.count else { return }
        heap = kept
        for i in stride(from: heap.count / 2, through: 0, by: -1) { siftDown(i) }
    }

    @inlinable
    mutating func siftDown(_ index: Int) {
        heap.withUnsafeMutableBufferPointer { heap in Self.sink(heap[index], from: index, in: heap) }
    }

    /// Moves the hole at `parent` down past every child that precedes `value`, then puts
    /// `value` there: one write per level instead of a swap's two.
    @inlinable
    static func sink(_ value: Entry, from parent: Int, in heap: UnsafeMutableBufferPointer<Entry>) {
        var parent = parent
        let n = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < n else { break }
            var best = left
            let right = left + 1
            if right < n && heap[right].precedes(heap[left]) { best = right }
            guard heap[best].precedes(value) else { break }
            heap[parent] = heap[best]
            parent = best
        }
        heap[parent] = value
    }
}
