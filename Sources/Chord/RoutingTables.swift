import RingsideKernel

/// The three tables a routing step reads in a space of at most 64 bits, lent as buffers:
/// the heads, the ids' low words and the finger entries.
///
/// The hop's scan and its prefetch are methods of this view, not of ChordState: a
/// non-mutating ChordState method called from the protocol's mutating `route` made Swift
/// copy the whole state (a memcpy per hop) to pass it, and a view of three buffers is
/// passed in registers. `withRoutingTables` lends them to readers; the hop's own
/// `forwardingFinger` nests the same three borrows itself, because it must be mutating.
@frozen
public struct RoutingTables {
    public let bits: Int
    public let heads: UnsafeBufferPointer<RoutingHead>
    public let lows: UnsafeBufferPointer<UInt64>
    public let fingers: UnsafeBufferPointer<FingerEntry>

    @inlinable @inline(__always)
    init(bits: Int, heads: UnsafeBufferPointer<RoutingHead>, lows: UnsafeBufferPointer<UInt64>,
         fingers: UnsafeBufferPointer<FingerEntry>) {
        self.bits = bits
        self.heads = heads
        self.lows = lows
        self.fingers = fingers
    }

    /// closest_preceding_finger(key) at `node`, as the finger entry found: the node's
    /// packed head, then per finger looked at one entry, whose reach decides
    /// (FingerEntry.swift); only a reach equal to the key's bound reads the finger's id.
    /// The scan starts where FingerScan.swift says it may.
    @inlinable @inline(__always)
    public func closestPrecedingFinger(_ node: NodeIndex, key: UInt64) -> FingerEntry? {
        let reach = Reach(bits: bits)
        let words = reach.words
        let base = Int(node) * bits
        let n = lows[Int(node)]
        let d = words.distance(n, key)
        let bound = reach.bound(d)
        // d == 0 (key == n) scans every finger.
        var k = bits
        if heads[Int(node)].fingersBeforeStart == 0 {
            let length = 64 - d.leadingZeroBitCount
            if length != 0 { k = length }
        }
        while k >= 1 {
            let f = fingers[base &+ k &- 1]
            // reach < bound: distance(n, f) < d; reach > 0: f is not n itself.
            if f.node >= 0, f.reach <= bound {
                if f.reach != 0 && f.reach < bound { return f }
                if words.isInOpen(lows[Int(f.node)], n, key) { return f }
            }
            k -= 1
        }
        return nil
    }

    /// Starts loading what the routing step for `key` at `next` will read: its head, its
    /// id's low word and the finger its scan starts at. Called when `node` sends the hop
    /// to `next`, its finger entry: the loads finish while the network queues and delivers
    /// the message, so the hop finds them in cache. Reads nothing of `next` (that read
    /// would wait for the very miss the prefetch is meant to hide): where the scan starts
    /// comes from the finger's reach, exact but for a 2^-32 sliver, and a wrong guess (or
    /// a node with fingers before their start, whose scan starts higher) merely wastes the
    /// prefetch. Changes no result.
    @inlinable @inline(__always)
    public func prefetchRoutingStep(from node: NodeIndex, to next: FingerEntry, key: UInt64) {
        let reach = Reach(bits: bits)
        let remaining = reach.words.distance(lows[Int(node)], key) &- (UInt64(next.reach) << reach.shift)
        let length = 64 - (remaining & reach.words.mask).leadingZeroBitCount
        let index = Int(next.node)
        CacheHint.prefetch(heads, index)
        CacheHint.prefetch(lows, index)
        CacheHint.prefetch(fingers, index * bits + (length != 0 ? length : bits) - 1)
    }
}

extension ChordState {
    /// The routing tables, lent for the duration of `body`.
    @inlinable @inline(__always)
    public func withRoutingTables<R>(_ body: (RoutingTables) -> R) -> R {
        let bits = bits
        return heads.withUnsafeBufferPointer { heads in
            lows.withUnsafeBufferPointer { lows in
                fingers.withUnsafeBufferPointer { fingers in
                    body(RoutingTables(bits: bits, heads: heads, lows: lows, fingers: fingers))
                }
            }
        }
    }

    /// closest_preceding_finger(key) at `node` in a space of at most 64 bits, for a hop
    /// about to be sent there, with the loads of the next routing step started.
    // Mutating though it writes nothing: taken inout, the state's arrays are read in place
    // (RoutingTables says why).
    @inlinable @inline(__always)
    public mutating func forwardingFinger(_ node: NodeIndex, word key: UInt64) -> NodeIndex? {
        let bits = bits
        return heads.withUnsafeBufferPointer { heads in
            lows.withUnsafeBufferPointer { lows in
                fingers.withUnsafeBufferPointer { fingers in
                    let tables = RoutingTables(bits: bits, heads: heads, lows: lows, fingers: fingers)
                    guard let next = tables.closestPrecedingFinger(node, key: key) else { return nil }
                    tables.prefetchRoutingStep(from: node, to: next, key: key)
                    return next.node
                }
            }
        }
    }

    /// Starts loading what the owner's step reads when the last hop reaches it: its head
    /// (the delivery asks whether it is up) and its predecessor, which its answer names
    /// (Routing.swift's ownerReached).
    // Mutating for the reason forwardingFinger is.
    @inlinable @inline(__always)
    public mutating func prefetchOwnerStep(at node: NodeIndex) {
        let index = Int(node)
        heads.withUnsafeBufferPointer { CacheHint.prefetch($0, index) }
        predecessors.withUnsafeBufferPointer { CacheHint.prefetch($0, index) }
    }

    /// Starts loading what a query's first routing step at `node` reads, all at once: its
    /// head, its id's low word and its top line of fingers. Where the scan starts depends
    /// on the node's id, which is not loaded yet; for a key drawn uniformly (a hashed key)
    /// it lies in the top line 255 times in 256. Without this the finger line's load
    /// waited for the id's. Changes no result.
    // Mutating for the reason forwardingFinger is.
    @inlinable @inline(__always)
    public mutating func prefetchFirstStep(at node: NodeIndex) {
        let bits = bits
        guard bits <= 64 else { return }
        let index = Int(node)
        heads.withUnsafeBufferPointer { CacheHint.prefetch($0, index) }
        lows.withUnsafeBufferPointer { CacheHint.prefetch($0, index) }
        fingers.withUnsafeBufferPointer { CacheHint.prefetch($0, index * bits + bits - 1) }
    }
}
