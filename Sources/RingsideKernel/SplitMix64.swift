/// The one seeded pseudo-random generator behind everything random in a run.
///
/// SplitMix64 (Steele, Lea, Flood 2014). Bounded draws are done here, not with the
/// standard library's `random(in:)`, whose algorithm may change between Swift versions:
/// the same seed must give the same run on every toolchain.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0 ..< bound (Lemire's multiply-shift with rejection).
    @inlinable @inline(__always)
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform integer in range.
    @inlinable @inline(__always)
    public mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
        let width = range.upperBound - range.lowerBound
        if width == UInt64.max { return next() }
        return range.lowerBound + next(below: width + 1)
    }

    /// A uniform Int in 0 ..< count.
    @inlinable
    public mutating func index(below count: Int) -> Int {
        Int(next(below: UInt64(count)))
    }

    /// A uniform identifier in 0 ..< 2^bits.
    public mutating func identifier(in space: IdentifierSpace) -> Identifier {
        Identifier(w2: next(), w1: next(), w0: next()).masked(toBits: space.bits)
    }

    /// A Fisher–Yates shuffle with this generator's own bounded draws.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }
}
