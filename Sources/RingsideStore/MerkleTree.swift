import RingsideKernel

/// A key range (lo, hi] on the ring and the shape of the Merkle tree both sides of a
/// `merkle-sync` build over it. A key's offset is its distance past `lo` minus one, so the
/// range's keys have offsets 0 ..< width; a tree node at level l covers an aligned block of
/// 2^(spanBits - l) offsets, so both sides agree on every node's key range without
/// exchanging boundaries (the leaves are 2^depth such blocks).
public struct MerkleRange: Hashable, Sendable {
    public var lo: Identifier
    public var hi: Identifier
    /// Offsets lie below 2^spanBits (the smallest power of two covering the width).
    public var spanBits: Int
    public var depth: Int

    /// The range (lo, hi] in `space` (lo == hi: the whole ring), with leaves for about
    /// `keys` keys: depth ⌈log2 keys⌉, so a leaf holds about one key (at most 22 levels,
    /// at least 1, never finer than single ids).
    public init(lo: Identifier, hi: Identifier, keys: Int, space: IdentifierSpace) {
        self.lo = lo
        self.hi = hi
        spanBits = space.subtract(space.distance(from: lo, to: hi), 1).bitLength
        var wanted = 1
        while wanted < 22, (1 << wanted) < keys { wanted += 1 }
        depth = min(spanBits, wanted)
    }

    /// The key's offset in the range, nil if it lies outside.
    public func offset(of key: Identifier, space: IdentifierSpace) -> Identifier? {
        let offset = space.subtract(space.distance(from: lo, to: key), 1)
        let last = space.subtract(space.distance(from: lo, to: hi), 1)
        return offset <= last ? offset : nil
    }

    /// The index of the level-`level` node holding `offset`.
    func bucket(_ offset: Identifier, level: Int) -> Int {
        Int(offset.shiftedRight(spanBits - level).w0)
    }

    /// The ids a tree node covers, as the interval (a, b] the trace prints.
    public func bounds(level: Int, index: Int, space: IdentifierSpace) -> (Identifier, Identifier) {
        let shift = spanBits - level
        let first = Identifier(UInt64(index)).shiftedLeft(shift)
        let width = space.distance(from: lo, to: hi)
        var end = Identifier(UInt64(index + 1)).shiftedLeft(shift)
        if width != .zero, width < end { end = width }
        return (space.add(lo, first), space.add(lo, end))
    }
}

/// Names one node of one range's tree: level 0 is the root, its children are level 1
/// (indexes 0 and 1), and so on down to the leaves at the range's depth.
public struct MerkleNodeID: Hashable, Sendable, Comparable {
    public var range: Int
    public var level: Int
    public var index: Int

    public init(range: Int, level: Int, index: Int) {
        self.range = range
        self.level = level
        self.index = index
    }

    public static func < (lhs: MerkleNodeID, rhs: MerkleNodeID) -> Bool {
        (lhs.range, lhs.level, lhs.index) < (rhs.range, rhs.level, rhs.index)
    }

    public var children: [MerkleNodeID] {
        [MerkleNodeID(range: range, level: level + 1, index: 2 * index),
         MerkleNodeID(range: range, level: level + 1, index: 2 * index + 1)]
    }
}

/// A tree node's hash as one side sends it.
public struct MerkleHash: Hashable, Sendable {
    public var node: MerkleNodeID
    public var hash: UInt64

    public init(node: MerkleNodeID, hash: UInt64) {
        self.node = node
        self.hash = hash
    }
}

/// One replica's Merkle tree over one key range (Dynamo §4.7): each leaf hashes the keys
/// (and their values' digests) in its block, each parent hashes its two children, so equal
/// roots mean equal ranges and a differing subtree is found by descending only where hashes
/// differ. An empty block hashes to 0.
public struct MerkleTree: Sendable {
    public let range: MerkleRange
    /// levels[l][i]: the hash of node (l, i).
    private var levels: [[UInt64]]
    /// The range's keys in offset order, and where each leaf's keys start in it.
    private var keys: [Identifier] = []
    private var leafStart: [Int]

    /// `entries` are (key, digest of its value); keys outside the range are left out.
    public init(range: MerkleRange, entries: [(key: Identifier, digest: UInt64)], space: IdentifierSpace) {
        self.range = range
        var inRange: [(offset: Identifier, key: Identifier, digest: UInt64)] = []
        for entry in entries {
            if let offset = range.offset(of: entry.key, space: space) { inRange.append((offset, entry.key, entry.digest)) }
        }
        inRange.sort { $0.offset < $1.offset }
        let leafCount = 1 << range.depth
        var leaves = [UInt64](repeating: 0, count: leafCount)
        leafStart = [Int](repeating: inRange.count, count: leafCount + 1)
        keys.reserveCapacity(inRange.count)
        for (position, entry) in inRange.enumerated().reversed() {
            leafStart[range.bucket(entry.offset, level: range.depth)] = position
        }
        // A leaf with no key starts where the next one does.
        for leaf in stride(from: leafCount - 1, through: 0, by: -1) where leafStart[leaf] > leafStart[leaf + 1] {
            leafStart[leaf] = leafStart[leaf + 1]
        }
        for entry in inRange {
            keys.append(entry.key)
            let leaf = range.bucket(entry.offset, level: range.depth)
            leaves[leaf] = MerkleDigest.mix(leaves[leaf] ^ MerkleDigest.mix(MerkleDigest.of(entry.key) &+ entry.digest))
        }
        levels = [leaves]
        while levels[0].count > 1 {
            let below = levels[0]
            levels.insert((0..<below.count / 2).map { MerkleDigest.parent(below[2 * $0], below[2 * $0 + 1]) }, at: 0)
        }
    }

    public var keyCount: Int { keys.count }

    public func hash(_ node: MerkleNodeID) -> UInt64 { levels[node.level][node.index] }

    public func isLeaf(_ node: MerkleNodeID) -> Bool { node.level == range.depth }

    /// The keys in a leaf, in ring order from the range's start.
    public func keys(inLeaf node: MerkleNodeID) -> ArraySlice<Identifier> {
        keys[leafStart[node.index]..<leafStart[node.index + 1]]
    }
}

/// The 64-bit hashing behind the trees: fixed functions (FNV-1a, SplitMix64's finalizer),
/// never Swift's per-process seeded `Hasher`, so both sides and every run agree.
public enum MerkleDigest {
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public static func of(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return mix(h)
    }

    public static func of(_ key: Identifier) -> UInt64 { mix(key.w0 ^ mix(key.w1 ^ mix(key.w2))) }

    static func parent(_ left: UInt64, _ right: UInt64) -> UInt64 {
        left == 0 && right == 0 ? 0 : mix(mix(left) ^ right)
    }
}

extension Identifier {
    func shiftedRight(_ k: Int) -> Identifier {
        guard k > 0 else { return self }
        guard k < 192 else { return .zero }
        var words = [w0, w1, w2]
        let wordShift = k / 64, bitShift = UInt64(k % 64)
        var out: [UInt64] = [0, 0, 0]
        for i in 0..<3 where i + wordShift < 3 {
            out[i] = words[i + wordShift] >> bitShift
            if bitShift > 0, i + wordShift + 1 < 3 { out[i] |= words[i + wordShift + 1] << (64 - bitShift) }
        }
        words = out
        return Identifier(w2: words[2], w1: words[1], w0: words[0])
    }

    func shiftedLeft(_ k: Int) -> Identifier {
        guard k > 0 else { return self }
        guard k < 192 else { return .zero }
        let words = [w0, w1, w2]
        let wordShift = k / 64, bitShift = UInt64(k % 64)
        var out: [UInt64] = [0, 0, 0]
        for i in 0..<3 where i - wordShift >= 0 {
            out[i] = words[i - wordShift] << bitShift
            if bitShift > 0, i - wordShift - 1 >= 0 { out[i] |= words[i - wordShift - 1] >> (64 - bitShift) }
        }
        return Identifier(w2: out[2], w1: out[1], w0: out[0])
    }
}
