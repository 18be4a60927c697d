/// How much memory a ring of a given shape needs, checked before it is built.
///
/// Running out of memory is a Swift trap ("failed to allocate"), not an error a script
/// can report, so `add`, `join` and `successors` ask here first. The dominant cost is
/// ChordState's flat arrays: per node, `r` successor-list entries of 4 bytes and `bits`
/// fingers, of 4 bytes each in spaces over 64 bits and 8 in smaller ones (a finger there
/// carries its reach, FingerEntry.swift). Growing one of them copies it (old and new
/// buffers live at once), so the peak holds more than the steady state; the estimate
/// counts the larger of the two arrays one and a half times more. Calibrated on 20,000-
/// and 40,000-node rings of 160-bit ids (peak RSS per node: 1,600 B at r = 3, 2,330 B at
/// r = 64, 5,750 B at r = 512; the estimate gives 2,124, 2,368 and 6,272); a 64-bit ring
/// peaks at about 900 B a node at r = 3 (`bench chord`, 10^6 nodes), estimated 1,804.
public enum MemoryBudget {
    /// Well inside a 24 GB machine, leaving room for the terminal view and a snapshot,
    /// and just enough for the default shape (r = 3, 160 bits) at Limits.nodesMax.
    public static let limitBytes: UInt64 = 4_500_000_000

    /// Everything else per node, measured and rounded up: the 24-byte id, twice more in
    /// the live ring and the id index; the name (a long `N<ID>` name lives on the heap)
    /// and its index; predecessor, liveness, the key list and allocator slack.
    static let otherBytesPerNode: UInt64 = 512

    /// The peak bytes of a ring of `nodes` nodes with successor lists of `successors`
    /// entries over a `bits`-bit space.
    public static func estimatedBytes(nodes: Int, successors: Int, bits: Int) -> UInt64 {
        let r = UInt64(max(successors, 0)), m = UInt64(max(bits, 0))
        let fingerBytes: UInt64 = m <= 64 ? 8 : 4
        let flat = 4 * r + fingerBytes * m
        // One and a half times the larger array more.
        let growing = max(4 * r, fingerBytes * m) * 3 / 2
        return UInt64(max(nodes, 0)) * (flat + growing + otherBytesPerNode)
    }

    /// The most nodes that fit in the budget with this shape.
    public static func nodesThatFit(successors: Int, bits: Int) -> Int {
        Int(limitBytes / estimatedBytes(nodes: 1, successors: successors, bits: bits))
    }

    /// An error unless the ring fits; `column` is where the command was written.
    public static func check(nodes: Int, successors: Int, bits: Int, column: Int) throws(ScriptError) {
        let bytes = estimatedBytes(nodes: nodes, successors: successors, bits: bits)
        guard bytes > limitBytes else { return }
        throw ScriptError(column: column, "this ring would need about \(gigabytes(bytes)) GB (\(nodes) nodes × \(successors) successors × \(bits) fingers); the limit is \(gigabytes(limitBytes)) GB, which holds about \(nodesThatFit(successors: successors, bits: bits)) nodes of this shape — use fewer nodes, a shorter successor list or fewer bits")
    }

    /// Bytes as GB with one decimal, e.g. "15.2".
    static func gigabytes(_ bytes: UInt64) -> String {
        let tenths = (bytes + 50_000_000) / 100_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
