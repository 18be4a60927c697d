import RingsideKernel

/// What one routing step reads of a node besides its fingers and ids, packed in 8 bytes
/// (with whether the node is up, which every delivery reads first).
///
/// A lookup hop at node n reads n's successor and whether n's finger scan may start high
/// (FingerScan.swift), then its own id's low word from `lows` and its fingers with their
/// reaches (FingerEntry.swift). In the per-concept arrays each is a cache miss
/// of its own on a large ring; here they are one, and the table is as small as it can be:
/// on a large ring the fingers, heads and low words must share the last-level cache, as the
/// C reference's fingers and ids do. The arrays stay the truth; ChordState keeps this copy
/// in step in the same writes.
@frozen
public struct RoutingHead: Sendable, Equatable {
    /// successor (successor list entry 0), -1 when unknown.
    public var successor: NodeIndex
    /// How many of the node's fingers lie before their start (FingerScan.swift).
    public var fingersBeforeStart: UInt8
    /// Whether the node is up (`ChordState.alive`). Read by the network on every delivery,
    /// before the node routes: in the head, the one line the hop's prefetch loaded serves
    /// both, where the array of flags was a cache miss of its own on a large ring. Free:
    /// it fills padding.
    public var isAlive: Bool

    @inlinable
    init() {
        self.successor = -1
        self.fingersBeforeStart = 0
        self.isAlive = true
    }
}

/// Interval tests on ids of at most 64 bits as distances in one word: x ∈ (a, b) exactly
/// when 0 < d(a, x) < d(a, b), which needs no case split on the wrap.
@frozen
public struct WordSpace: Sendable {
    public let mask: UInt64

    @inlinable @inline(__always)
    public init(bits: Int) {
        mask = bits >= 64 ? .max : (1 << UInt64(bits)) - 1
    }

    /// Clockwise distance from a to b.
    @inlinable @inline(__always)
    public func distance(_ a: UInt64, _ b: UInt64) -> UInt64 { (b &- a) & mask }

    /// x ∈ (a, b); (a, a) is the whole ring but a.
    @inlinable @inline(__always)
    public func isInOpen(_ x: UInt64, _ a: UInt64, _ b: UInt64) -> Bool {
        let dx = distance(a, x)
        let db = distance(a, b)
        return dx != 0 && (db == 0 || dx < db)
    }

    /// x ∈ (a, b]; (a, a] is the whole ring.
    @inlinable @inline(__always)
    public func isInOpenClosed(_ x: UInt64, _ a: UInt64, _ b: UInt64) -> Bool {
        let db = distance(a, b)
        if db == 0 { return true }
        let dx = distance(a, x)
        return dx != 0 && dx <= db
    }
}

extension ChordState {
    /// key ∈ (node, successor]: the successor owns the key, as node sees it.
    // Always inlined: called on `state` from a mutating method, an outlined call copied
    // the whole ChordState (a memcpy per hop) to pass it.
    @inlinable @inline(__always)
    public func successorOwns(_ key: Identifier, at node: NodeIndex, successor: NodeIndex) -> Bool {
        if bits <= 64 {
            return WordSpace(bits: bits).isInOpenClosed(key.w0, lows[Int(node)], lows[Int(successor)])
        }
        return space.isInOpenClosed(key, ids[Int(node)], ids[Int(successor)])
    }
}
