import RingsideKernel

/// The ideal fingers of one node, k = 2 ... m in turn, by galloping along the ring.
///
/// finger[k].node is the first live node at clockwise distance at least 2^(k-1) from n
/// (n itself when there is none). Walking clockwise from n, distances only grow, and so
/// does 2^(k-1), so each finger lies at or after the previous one: an exponential search
/// from there finds it in O(log gap) probes. Most fingers of a large ring are n's
/// successor (one probe); a binary search per finger over the whole ring touched
/// log N scattered ids each time, which made building a million-node ring slow.
struct IdealFingerWalk {
    private let ids: [Identifier]
    private let nodes: [NodeIndex]
    private let space: IdentifierSpace
    private let origin: Identifier
    private let position: Int
    /// Steps from n's clockwise neighbour to the previous finger (count - 1 is n itself).
    private var step = 0

    init(ring: SortedRing, space: IdentifierSpace, position: Int) {
        ids = ring.ids
        nodes = ring.nodes
        self.space = space
        self.position = position
        origin = ring.ids[position]
    }

    /// The node `steps` after n's clockwise neighbour.
    private func at(_ steps: Int) -> Int {
        let i = position + 1 + steps
        return i >= ids.count ? i - ids.count : i
    }

    /// Whether the node `steps` along lies at least `reach` clockwise from n
    /// (n itself, the last step, is a whole turn away: it always does).
    private func reaches(_ steps: Int, _ reach: Identifier) -> Bool {
        steps >= ids.count - 1 || space.distance(from: origin, to: ids[at(steps)]) >= reach
    }

    /// The first node at clockwise distance >= `reach` (non-decreasing from call to call).
    mutating func next(start reach: Identifier) -> NodeIndex {
        let last = ids.count - 1
        if !reaches(step, reach) {
            // Gallop: (low, high] holds the answer once `high` reaches.
            var low = step
            var width = 1
            var high = min(last, step + width)
            while !reaches(high, reach) {
                low = high
                width *= 2
                high = min(last, high + width)
            }
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if reaches(middle, reach) { high = middle } else { low = middle }
            }
            step = high
        }
        return nodes[at(min(step, last))]
    }
}
