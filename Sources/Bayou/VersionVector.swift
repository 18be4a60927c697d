import RingsideKernel

/// A version vector: for each origin, the highest write timestamp a replica has seen from it.
///
/// Bayou's R.V[X]. Origins never seen are absent and read as 0. Entries are kept in
/// ascending origin id so that output never depends on hashing order, and so that two
/// vectors can be compared in one merge-like pass.
public struct VersionVector: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let origin: Identifier
        public let timestamp: UInt64

        public init(origin: Identifier, timestamp: UInt64) {
            self.origin = origin
            self.timestamp = timestamp
        }
    }

    /// Ascending origin id; every timestamp > 0.
    public private(set) var entries: [Entry]

    public init() {
        entries = []
    }

    /// A vector from any entries: zeros are dropped, a repeated origin keeps its highest timestamp.
    public init(_ entries: [Entry]) {
        var sorted = entries.filter { $0.timestamp > 0 }
        sorted.sort { ($0.origin, $0.timestamp) < ($1.origin, $1.timestamp) }
        var merged: [Entry] = []
        for entry in sorted {
            if let last = merged.last, last.origin == entry.origin {
                merged[merged.count - 1] = entry
            } else {
                merged.append(entry)
            }
        }
        self.entries = merged
    }

    /// Already sorted, positive, distinct (the replica builds it that way).
    init(sortedEntries: [Entry]) {
        entries = sortedEntries
    }

    /// The highest timestamp seen from `origin`; 0 if none.
    public subscript(origin: Identifier) -> UInt64 {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].origin < origin { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].origin == origin ? entries[low].timestamp : 0
    }

    /// True when every entry of `self` is >= the matching entry of `other`.
    public func dominates(_ other: VersionVector) -> Bool {
        other.entries.allSatisfy { self[$0.origin] >= $0.timestamp }
    }
}
