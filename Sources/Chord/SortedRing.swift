import RingsideKernel

/// The live nodes' ids in ascending order: the ground truth an oracle reads.
///
/// Lookups of "the first live node at or after x" are binary searches, so building or
/// checking a million-node ring never does O(N) work per query.
public struct SortedRing: Sendable {
    public private(set) var ids: [Identifier] = []
    public private(set) var nodes: [NodeIndex] = []

    public init() {}

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    /// Position of the first id >= x (ids.count if none).
    public func lowerBound(_ x: Identifier) -> Int {
        ids.lowerBound(of: x)
    }

    /// The first live node at or after x, wrapping around: successor(x) in the paper.
    public func successor(of x: Identifier) -> NodeIndex? {
        guard !ids.isEmpty else { return nil }
        let position = lowerBound(x)
        return nodes[position == ids.count ? 0 : position]
    }

    /// Position in the ring of the first id >= x, wrapping (nil when empty).
    public func successorPosition(of x: Identifier) -> Int? {
        guard !ids.isEmpty else { return nil }
        let position = lowerBound(x)
        return position == ids.count ? 0 : position
    }

    /// The last live node strictly before x, wrapping: the node whose successor owns x.
    public func predecessor(of x: Identifier) -> NodeIndex? {
        guard !ids.isEmpty else { return nil }
        let position = lowerBound(x)
        return nodes[position == 0 ? ids.count - 1 : position - 1]
    }

    public mutating func insert(id: Identifier, node: NodeIndex) {
        let position = lowerBound(id)
        ids.insert(id, at: position)
        nodes.insert(node, at: position)
    }

    /// Inserts many at once: a few by binary search, many by one sort and a linear merge,
    /// so neither one node per line nor a million in one line is quadratic.
    public mutating func insert(contentsOf entries: [(Identifier, NodeIndex)]) {
        if entries.count < 64 {
            for (id, node) in entries { insert(id: id, node: node) }
            return
        }
        let sorted = entries.sorted { $0.0 < $1.0 }
        var mergedIDs: [Identifier] = []
        var mergedNodes: [NodeIndex] = []
        mergedIDs.reserveCapacity(ids.count + sorted.count)
        mergedNodes.reserveCapacity(ids.count + sorted.count)
        var i = 0
        var j = 0
        while i < ids.count || j < sorted.count {
            if j == sorted.count || (i < ids.count && ids[i] < sorted[j].0) {
                mergedIDs.append(ids[i])
                mergedNodes.append(nodes[i])
                i += 1
            } else {
                mergedIDs.append(sorted[j].0)
                mergedNodes.append(sorted[j].1)
                j += 1
            }
        }
        ids = mergedIDs
        nodes = mergedNodes
    }

    public mutating func remove(id: Identifier) {
        let position = lowerBound(id)
        guard position < ids.count, ids[position] == id else { return }
        ids.remove(at: position)
        nodes.remove(at: position)
    }
}
