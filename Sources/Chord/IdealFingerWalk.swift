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
    let nodes: UnsafeBufferPointer<NodeIndex>
    let space: IdentifierSpace

    /// Fills `row[k - 2]` with finger[k] (k = 2 ... bits) of the node at ring `position`.
    func fingers(ofPosition position: Int, into row: inout [NodeIndex]) {
        let origin = ids[position]
        if space.bits <= 64 {
            // Ids of up to 64 bits live in one word: distances without the 192-bit carries.
            let mask: UInt64 = space.bits == 64 ? .max : (1 << UInt64(space.bits)) - 1
            walk(position, into: &row, reach: { (1 as UInt64) << UInt64($0 - 1) },
                 distance: { (self.ids[$0].w0 &- origin.w0) & mask })
        } else {
            walk(position, into: &row, reach: { Identifier.powerOfTwo($0 - 1) },
                 distance: { self.space.distance(from: origin, to: self.ids[$0]) })
        }
    }

    @inline(__always)
    private func walk<D: Comparable>(
        _ position: Int, into row: inout [NodeIndex], reach: (Int) -> D, distance: (Int) -> D
    ) {
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
        row.withUnsafeMutableBufferPointer { row in
            for k in 2...max(2, space.bits) where k <= space.bits {
                let target = reach(k)
                if !reaches(step, target) {
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
                }
                row[k - 2] = nodes[at(min(step, last))]
            }
        }
    }
}
