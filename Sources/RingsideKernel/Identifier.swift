/// An unsigned identifier of up to 160 bits: a point on the Chord ring.
///
/// Stored as three 64-bit words so that ids of every width up to SHA-1's 160
/// bits share one fixed-size value type (no heap, cheap to copy and compare).
/// The top word only ever holds 32 significant bits.
public struct Identifier: Hashable, Comparable, Sendable {
    public var w0: UInt64  // least significant
    public var w1: UInt64
    public var w2: UInt64  // most significant (bits 128..<160)

    public static let bitWidthMax = 160

    @inlinable
    public init(w2: UInt64, w1: UInt64, w0: UInt64) {
        self.w2 = w2
        self.w1 = w1
        self.w0 = w0
    }

    @inlinable
    public init(_ value: UInt64) {
        self.init(w2: 0, w1: 0, w0: value)
    }

    public static let zero = Identifier(0)

    @inlinable
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
        return lhs.w0 < rhs.w0
    }

    /// True when the value fits in 64 bits (the fast path for small rings).
    @inlinable
    public var fitsInUInt64: Bool { w1 == 0 && w2 == 0 }

    /// 2^k for 0 <= k < 192.
    @inlinable
    public static func powerOfTwo(_ k: Int) -> Identifier {
        precondition(k >= 0 && k < 192)
        switch k {
        case 0..<64: return Identifier(w2: 0, w1: 0, w0: 1 << UInt64(k))
        case 64..<128: return Identifier(w2: 0, w1: 1 << UInt64(k - 64), w0: 0)
        default: return Identifier(w2: 1 << UInt64(k - 128), w1: 0, w0: 0)
        }
    }

    /// Wrapping addition over 192 bits; callers reduce with `IdentifierSpace`.
    @inlinable
    public func addingWrapped(_ other: Identifier) -> Identifier {
        let (s0, c0) = w0.addingReportingOverflow(other.w0)
        var (s1, c1) = w1.addingReportingOverflow(other.w1)
        var carry2: UInt64 = c1 ? 1 : 0
        if c0 {
            let (t, c) = s1.addingReportingOverflow(1)
            s1 = t
            if c { carry2 += 1 }
        }
        let s2 = w2 &+ other.w2 &+ carry2
        return Identifier(w2: s2, w1: s1, w0: s0)
    }

    /// Wrapping subtraction over 192 bits; callers reduce with `IdentifierSpace`.
    @inlinable
    public func subtractingWrapped(_ other: Identifier) -> Identifier {
        let (d0, b0) = w0.subtractingReportingOverflow(other.w0)
        var (d1, b1) = w1.subtractingReportingOverflow(other.w1)
        var borrow2: UInt64 = b1 ? 1 : 0
        if b0 {
            let (t, b) = d1.subtractingReportingOverflow(1)
            d1 = t
            if b { borrow2 += 1 }
        }
        let d2 = w2 &- other.w2 &- borrow2
        return Identifier(w2: d2, w1: d1, w0: d0)
    }

    /// Keeps the low `bits` bits (reduction mod 2^bits).
    @inlinable
    public func masked(toBits bits: Int) -> Identifier {
        func mask(_ word: UInt64, from lowBit: Int) -> UInt64 {
            let keep = bits - lowBit
            if keep <= 0 { return 0 }
            if keep >= 64 { return word }
            return word & ((1 << UInt64(keep)) - 1)
        }
        return Identifier(w2: mask(w2, from: 128), w1: mask(w1, from: 64), w0: mask(w0, from: 0))
    }

    /// Number of significant bits (0 for zero).
    @inlinable
    public var bitLength: Int {
        if w2 != 0 { return 128 + 64 - w2.leadingZeroBitCount }
        if w1 != 0 { return 64 + 64 - w1.leadingZeroBitCount }
        return 64 - w0.leadingZeroBitCount
    }

    /// Divides by a small divisor, returning quotient and remainder.
    func dividedReportingRemainder(by divisor: UInt64) -> (Identifier, UInt64) {
        let (q2, r2) = divisor.dividingFullWidth((high: 0, low: w2))
        let (q1, r1) = divisor.dividingFullWidth((high: r2, low: w1))
        let (q0, r0) = divisor.dividingFullWidth((high: r1, low: w0))
        return (Identifier(w2: q2, w1: q1, w0: q0), r0)
    }

    /// Multiplies by a small factor and adds a small addend; nil on overflow past 192 bits.
    func multipliedAdding(_ factor: UInt64, _ addend: UInt64) -> Identifier? {
        var carry = addend
        var out = [UInt64](repeating: 0, count: 3)
        for (i, word) in [w0, w1, w2].enumerated() {
            let (high, low) = word.multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            out[i] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        return carry == 0 ? Identifier(w2: out[2], w1: out[1], w0: out[0]) : nil
    }

    /// Parses a non-negative decimal integer of at most 192 bits; nil otherwise.
    public init?(decimal text: Substring) {
        guard !text.isEmpty, text.count <= 60 else { return nil }
        var value = Identifier.zero
        for ch in text.utf8 {
            guard ch >= 48 && ch <= 57 else { return nil }
            guard let next = value.multipliedAdding(10, UInt64(ch - 48)) else { return nil }
            value = next
        }
        self = value
    }

    public init?(decimal text: String) {
        self.init(decimal: Substring(text))
    }

    /// Big-endian bytes (e.g. a SHA-1 digest) read as an unsigned integer; the last 24 bytes count.
    public init<Bytes: Collection>(bigEndianBytes bytes: Bytes) where Bytes.Element == UInt8 {
        var value = Identifier.zero
        for byte in bytes {
            value = Identifier(
                w2: (value.w2 << 8) | (value.w1 >> 56),
                w1: (value.w1 << 8) | (value.w0 >> 56),
                w0: (value.w0 << 8) | UInt64(byte))
        }
        self = value
    }

    /// The value as UInt64 when it fits.
    @inlinable
    public var uint64Value: UInt64? { fitsInUInt64 ? w0 : nil }

    /// A Double approximation, for drawing positions on the ring.
    public var doubleValue: Double {
        Double(w2) * 0x1p128 + Double(w1) * 0x1p64 + Double(w0)
    }
}

extension Identifier: CustomStringConvertible {
    /// Decimal text, as scripts and the state JSON write ids.
    public var description: String {
        if fitsInUInt64 { return String(w0) }
        // Peel off 19 decimal digits at a time (10^19 is the largest power of ten in a word).
        var chunks: [UInt64] = []
        var value = self
        while value != .zero {
            let (q, r) = value.dividedReportingRemainder(by: 10_000_000_000_000_000_000)
            chunks.append(r)
            value = q
        }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}

extension Identifier: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt64) {
        self.init(value)
    }
}
