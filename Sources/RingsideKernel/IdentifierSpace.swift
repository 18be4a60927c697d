/// The identifier circle 0 ..< 2^bits with Chord's modular arithmetic and circular intervals.
///
/// Interval conventions follow the Chord paper and Zave's corrected Chord: when the two
/// ends coincide, `(a, a)` is the whole ring except `a`, and `(a, a]` / `[a, a)` are the
/// whole ring. That is what a one-node ring needs (its successor is itself).
public struct IdentifierSpace: Hashable, Sendable {
    public let bits: Int

    public static let bitsRange = 1...160

    public init(bits: Int) {
        precondition(IdentifierSpace.bitsRange.contains(bits), "bits must be in 1...160")
        self.bits = bits
    }

    /// 2^bits - 1, the largest id.
    public var maxIdentifier: Identifier {
        Identifier.powerOfTwo(bits).subtractingWrapped(1).masked(toBits: bits)
    }

    @inlinable
    public func contains(_ id: Identifier) -> Bool { id.masked(toBits: bits) == id }

    @inlinable
    public func reduce(_ id: Identifier) -> Identifier { id.masked(toBits: bits) }

    /// (a + b) mod 2^bits
    @inlinable
    public func add(_ a: Identifier, _ b: Identifier) -> Identifier {
        a.addingWrapped(b).masked(toBits: bits)
    }

    /// (a - b) mod 2^bits
    @inlinable
    public func subtract(_ a: Identifier, _ b: Identifier) -> Identifier {
        a.subtractingWrapped(b).masked(toBits: bits)
    }

    /// Clockwise distance from `a` to `b`: (b - a) mod 2^bits.
    @inlinable
    public func distance(from a: Identifier, to b: Identifier) -> Identifier {
        subtract(b, a)
    }

    /// finger[k].start = (n + 2^(k-1)) mod 2^bits, for k = 1 ... bits.
    @inlinable
    public func fingerStart(of n: Identifier, k: Int) -> Identifier {
        add(n, Identifier.powerOfTwo(k - 1))
    }

    /// x ∈ (a, b)
    @inlinable
    public func isInOpen(_ x: Identifier, _ a: Identifier, _ b: Identifier) -> Bool {
        if a < b { return a < x && x < b }
        if b < a { return a < x || x < b }
        return x != a
    }

    /// x ∈ (a, b]
    @inlinable
    public func isInOpenClosed(_ x: Identifier, _ a: Identifier, _ b: Identifier) -> Bool {
        if a < b { return a < x && x <= b }
        if b < a { return a < x || x <= b }
        return true
    }

    /// x ∈ [a, b)
    @inlinable
    public func isInClosedOpen(_ x: Identifier, _ a: Identifier, _ b: Identifier) -> Bool {
        if a < b { return a <= x && x < b }
        if b < a { return a <= x || x < b }
        return true
    }

    /// hash(token) as script.md defines it: SHA-1 of the UTF-8 bytes, big-endian, mod 2^bits.
    public func hash(_ token: String) -> Identifier {
        reduce(Identifier(bigEndianBytes: SHA1.digest(Array(token.utf8))))
    }
}
