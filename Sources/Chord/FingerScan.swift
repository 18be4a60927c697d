import RingsideKernel

/// closest_preceding_finger, and where its downward scan may start without changing its
/// answer.
///
/// The paper scans all m fingers from the top. finger[k].start is n + 2^(k-1), and a
/// finger that lies at or after its start is at least 2^(k-1) clockwise from n, so it
/// cannot lie in (n, key) when 2^(k-1) exceeds the distance from n to the key. While no
/// finger of a node lies before its start (always so on an ideal ring), the scan can begin
/// at the highest finger whose start is not past the key, as the C reference loop does:
/// one or two fingers looked at per hop instead of m, each a cache miss on a large ring.
/// Fingers that lie before their start (stale pointers while a ring converges) are
/// counted per node, and a node with any scans all m fingers, so every answer is the
/// full scan's.
extension ChordState {
    /// The first finger of `node`, from the m-th down, that lies strictly between the node
    /// and `key` (nil when none does).
    // Inlined into routing: an outlined call from a mutating method copied the state.
    @inline(__always)
    public func closestPrecedingFinger(_ node: NodeIndex, _ key: Identifier) -> NodeIndex? {
        if bits <= 64 { return closestPrecedingFinger(node, word: key.w0) }
        let first = firstFingerWorthScanning(node, key)
        let base = Int(node) * bits
        let space = space
        return ids.withUnsafeBufferPointer { ids in
            fingerNodes.withUnsafeBufferPointer { fingers in
                let n = ids[Int(node)]
                var k = first
                while k >= 1 {
                    let f = fingers[base + k - 1]
                    if f >= 0, space.isInOpen(ids[Int(f)], n, key) { return f }
                    k -= 1
                }
                return nil
            }
        }
    }

    /// closest_preceding_finger in a space of at most 64 bits.
    @inlinable
    public func closestPrecedingFinger(_ node: NodeIndex, word key: UInt64) -> NodeIndex? {
        closestPrecedingFingerEntry(node, word: key)?.node
    }

    /// closest_preceding_finger in a space of at most 64 bits, as the finger entry found
    /// (RoutingTables.swift).
    @inlinable
    public func closestPrecedingFingerEntry(_ node: NodeIndex, word key: UInt64) -> FingerEntry? {
        withRoutingTables { $0.closestPrecedingFinger(node, key: key) }
    }

    /// The highest k whose finger can lie in (node, key); scanning from `bits` down to 1
    /// from here returns what scanning from `bits` returns.
    public func firstFingerWorthScanning(_ node: NodeIndex, _ key: Identifier) -> Int {
        guard heads[Int(node)].fingersBeforeStart == 0 else { return bits }
        let n = ids[Int(node)]
        // 2^(k-1) <= d exactly for k <= bitLength(d). d == 0 is key == n, and (n, n) is
        // the whole ring but n: every finger counts (bitLength 0 → bits).
        let length: Int
        if bits <= 64 {
            length = 64 - WordSpace(bits: bits).distance(n.w0, key.w0).leadingZeroBitCount
        } else {
            length = space.distance(from: n, to: key).bitLength
        }
        return length == 0 ? bits : length
    }

    /// Whether `target`, as finger k of `node`, lies before finger[k].start, i.e. its
    /// clockwise distance from the node is below 2^(k-1). Unknown and the node itself
    /// (which no open interval (n, key) contains) never count.
    @inline(__always)
    func liesBeforeStart(_ node: NodeIndex, _ k: Int, _ target: NodeIndex) -> Bool {
        guard target >= 0, target != node, k >= 2 else { return false }
        return Self.liesBeforeStart(ids[Int(target)], k, from: ids[Int(node)], in: space)
    }

    /// Whether id `t` lies less than 2^(k-1) clockwise from id `n`.
    @inline(__always)
    static func liesBeforeStart(_ t: Identifier, _ k: Int, from n: Identifier, in space: IdentifierSpace) -> Bool {
        if space.bits <= 64 {
            let mask: UInt64 = space.bits == 64 ? .max : (1 << UInt64(space.bits)) - 1
            return (t.w0 &- n.w0) & mask < (1 as UInt64) << UInt64(k - 1)
        }
        return space.distance(from: n, to: t) < Identifier.powerOfTwo(k - 1)
    }
}
