/// A Dynamo vector clock: a list of (node, counter) pairs, one per coordinator that wrote
/// the value's history (DeCandia et al. 2007, §4.4; the lecture's "list of (node, count)
/// pairs where count is incremented on write"). Entries are kept sorted by node name, so
/// equal clocks are equal values and what reaches output never depends on hashing order.
public struct VectorClock: Hashable, Sendable, CustomStringConvertible {
    public private(set) var entries: [(node: String, count: UInt64)] = []

    public init() {}

    public init(_ pairs: [String: UInt64]) {
        entries = pairs.filter { $0.value > 0 }.map { (node: $0.key, count: $0.value) }.sorted { $0.node < $1.node }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(node: String) -> UInt64 {
        entries.first { $0.node == node }?.count ?? 0
    }

    /// The clock a coordinator gives a new version: its own entry set to `count`.
    public func setting(_ node: String, to count: UInt64) -> VectorClock {
        var pairs = Dictionary(uniqueKeysWithValues: entries.map { ($0.node, $0.count) })
        pairs[node] = count
        return VectorClock(pairs)
    }

    /// Element-wise maximum: the context of a get that returned several siblings.
    public func merged(with other: VectorClock) -> VectorClock {
        var pairs = Dictionary(uniqueKeysWithValues: entries.map { ($0.node, $0.count) })
        for entry in other.entries { pairs[entry.node] = max(pairs[entry.node] ?? 0, entry.count) }
        return VectorClock(pairs)
    }

    /// Every entry at least the other's: this version has seen everything `other` saw
    /// ("subsumes" on the slides), so `other` can be discarded.
    public func descends(from other: VectorClock) -> Bool {
        other.entries.allSatisfy { self[$0.node] >= $0.count }
    }

    /// Descends and differs: `other` is strictly older.
    public func strictlyDescends(from other: VectorClock) -> Bool {
        self != other && descends(from: other)
    }

    /// Neither descends from the other: concurrent writes, kept side by side as siblings.
    public func isConcurrent(with other: VectorClock) -> Bool {
        !descends(from: other) && !other.descends(from: self)
    }

    /// The lecture's notation: `[A:2, C:1]` (`[]` for the empty context).
    public var description: String {
        "[" + entries.map { "\($0.node):\($0.count)" }.joined(separator: ", ") + "]"
    }

    public static func == (lhs: VectorClock, rhs: VectorClock) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.node == $1.node && $0.count == $1.count }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.node)
            hasher.combine(entry.count)
        }
    }
}
