import RingsideKernel

/// The ideal fingers of one node, k = 2 ... m, by galloping along the ring.
///
/// finger[k].node is the first live node at clockwise distance at least 2^(k-1) from n
/// (n itself when there is none). Walking clockwise from n, distances only grow, and so
/// does 2^(k-1), so each finger lies at or after the previous one: an exponential search
/// from there finds it in O(log gap) probes. Most fingers of a large ring are n's
/// successor (one probe); a binary search per finger over the whole ring touched
/// log N scattered ids each time, which made building a million-node ring slow.
struct IdealFingerWalk {
    let ids: UnsafeBufferPointer<Identifier>
    /// The ids' low words in ring order, in a space of at most 64 bits (else empty): the
    /// walk reads 8 bytes a probe instead of a 24-byte id, and a million-node ring's
    /// walk touches a third of the cache lines.
    let words: UnsafeBufferPointer<UInt64>
    let nodes: UnsafeBufferPointer<NodeIndex>
    let space: IdentifierSpace
    /// The previous node's answers, in steps from its neighbour (`at`), by k - 2, and its
    /// ring position (-1: none yet). The next node's finger[k] lies at or after the
    /// previous node's (its start is further on), so at most one step fewer from its own
    /// neighbour: the search for it starts there, and walking the ring in order costs a
    /// probe or two a finger instead of a gallop and a binary search from the successor.
    private var previousSteps: [Int]
    private var previousPosition = -1

    init(ids: UnsafeBufferPointer<Identifier>, words: UnsafeBufferPointer<UInt64>,
         nodes: UnsafeBufferPointer<NodeIndex>, space: IdentifierSpace) {
        self.ids = ids
        self.words = words
        self.nodes = nodes
        self.space = space
        previousSteps = Array(repeating: 0, count: max(0, space.bits - 1))
    }

    /// Fills `row[k - 2]` with finger[k] (k = 2 ... bits) of the node at ring `position`.
    /// Fastest when called for positions in ring order.
    mutating func fingers(ofPosition position: Int, into row: inout [NodeIndex]) {
        if space.bits <= 64 {
            // Ids of up to 64 bits live in one word: distances without the 192-bit carries.
            precondition(words.count == ids.count, "the walk needs the ids' low words")
            let words = words
            let origin = words[position]
            let mask: UInt64 = space.bits == 64 ? .max : (1 << UInt64(space.bits)) - 1
            walk(position, into: &row, reach: { (1 as UInt64) << UInt64($0 - 1) },
                 distance: { (words[$0] &- origin) & mask })
        } else {
            let (ids, space) = (ids, space)
            let origin = ids[position]
            walk(position, into: &row, reach: { Identifier.powerOfTwo($0 - 1) },
                 distance: { space.distance(from: origin, to: ids[$0]) })
        }
    }

    @inline(__always)
    private mutating func walk<D: Comparable>(
        _ position: Int, into row: inout [NodeIndex], reach: (Int) -> D, distance: (Int) -> D
    ) {
        let follows = previousPosition >= 0 && position == previousPosition + 1
        previousPosition = position
        let (nodes, bits) = (nodes, space.bits)
        // Taken out while the walk writes it, so that no closure below touches self.
        var previousSteps: [Int] = []
        swap(&previousSteps, &self.previousSteps)
        defer { swap(&previousSteps, &self.previousSteps) }
        let count = ids.count
        let last = count - 1
        // The node `steps` after n's clockwise neighbour (steps == last is n itself).
        func at(_ steps: Int) -> Int {
            let i = position + 1 + steps
            return i >= count ? i - count : i
        }
        // Whether that node lies at least `target` clockwise from n (n itself is a whole
        // turn away: it always does).
        func reaches(_ steps: Int, _ target: D) -> Bool {
            steps >= last || distance(at(steps)) >= target
        }
        var step = 0
        // The node at `step` and whether it reaches each target are kept, not looked up
        // again per finger: most fingers of a large ring are the successor, and each of
        // them then costs one comparison and one store.
        var stepNode = nodes[at(0)]
        var stepDistance = last > 0 ? distance(at(0)) : reach(bits)
        row.withUnsafeMutableBufferPointer { row in
            previousSteps.withUnsafeMutableBufferPointer { previous in
                for k in 2...max(2, bits) where k <= bits {
                    let target = reach(k)
                    // A lower bound from the previous node: the answer is there if that
                    // node reaches the target.
                    if follows && previous[k - 2] - 1 > step {
                        step = previous[k - 2] - 1
                        stepNode = nodes[at(min(step, last))]
                        if step < last { stepDistance = distance(at(step)) }
                    }
                    if step < last && stepDistance < target {
                        // Gallop: (low, high] holds the answer once `high` reaches.
                        var low = step
                        var width = 1
                        var high = min(last, step + width)
                        while !reaches(high, target) {
                            low = high
                            width *= 2
                            high = min(last, high + width)
                        }
                        while high - low > 1 {
                            let middle = low + (high - low) / 2
                            if reaches(middle, target) { high = middle } else { low = middle }
                        }
                        step = high
                        stepNode = nodes[at(min(step, last))]
                        if step < last { stepDistance = distance(at(step)) }
                    }
                    row[k - 2] = stepNode
                    previous[k - 2] = step
                }
            }
        }
    }
}
