import RingsideKernel

/// One finger as a node stores it: the finger's node, and how far clockwise it lies.
///
/// The paper's finger table holds finger[k].node as an identifier; Ringside stores the
/// node's index (4 bytes) and, beside it, the top 32 bits of the finger's clockwise
/// distance from the node (`reach`). closest_preceding_finger asks whether a finger lies
/// in (n, key), which is distance(n, f) < distance(n, key): the reach answers that from
/// the finger's own cache line for all but a 2^-32 sliver of cases, where the scan reads
/// the finger's id as before. Without it every finger looked at cost a second dependent
/// cache miss (its id) on a large ring. Kept in spaces of at most 64 bits (WordSpace);
/// larger spaces compare full ids, and their rings keep 4 bytes a finger
/// (ChordState.fingerNodes).
@frozen
public struct FingerEntry: Sendable, Equatable {
    /// finger[k].node, -1 when unknown.
    public var node: NodeIndex
    /// Reach.cut(distance(n, node)); 0 when unknown.
    public var reach: UInt32

    @inlinable
    init(node: NodeIndex, reach: UInt32) {
        self.node = node
        self.reach = reach
    }

    static let unknown = FingerEntry(node: -1, reach: 0)
}

/// How a distance of at most 64 bits is cut to a reach, and compared against one.
@frozen
public struct Reach: Sendable {
    public let words: WordSpace
    public let shift: UInt64

    @inlinable @inline(__always)
    public init(bits: Int) {
        words = WordSpace(bits: bits)
        shift = UInt64(max(0, min(bits, 64) - 32))
    }

    /// The reach of a finger at id low word `f` of the node at `n`.
    @inlinable @inline(__always)
    public func of(_ f: UInt64, from n: UInt64) -> UInt32 {
        cut(words.distance(n, f))
    }

    /// The reach of a finger at clockwise distance `d`: its top 32 bits.
    @inlinable @inline(__always)
    public func cut(_ d: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: d >> shift)
    }

    /// The reach a finger must stay below to lie in (n, key), given d = distance(n, key):
    /// (n, n) is the whole ring but n, so there every finger but n qualifies.
    @inlinable @inline(__always)
    public func bound(_ d: UInt64) -> UInt32 {
        d == 0 ? .max : cut(d)
    }
}
