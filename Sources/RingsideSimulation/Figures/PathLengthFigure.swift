import RingsideKernel

/// Stoica et al. 2001, the path-length figure (SIGCOMM Fig. 10a / ToN Fig. 10a): hops of
/// random lookups on a stable ring of N = 2^k nodes, whose mean the paper finds to be
/// about ½·log2 N.
///
/// The ring and the lookups are `bench chord`'s: an oracle-built ideal ring, then each
/// lookup routed message by message through the engine the scripts use. Pure: no clock.
public enum PathLengthFigure {
    public struct Point: Hashable, Sendable {
        public let exponent: Int
        public let nodes: Int
        public let hops: Spread
        /// The paper's model, ½·log2 N: the nodes its iterative find_predecessor visits.
        public var halfLog2N: Double { Double(exponent) / 2 }
    }

    /// Identifier bits: 2^20 random ids in a 2^32 space rarely collide (the builder
    /// redraws when they do) and fingers stay 4-byte indices.
    public static let bits = 32

    /// One ring of 2^exponent nodes and `lookups` random lookups on it.
    ///
    /// Our hop count is the number of messages from the asker to the owner, so it counts
    /// the last hop (predecessor → owner) that the paper's find_predecessor leaves out:
    /// expect about ½·log2 N + 1.
    public static func point(exponent: Int, lookups: Int, seed: UInt64) -> Point {
        let nodes = 1 << exponent
        // Each size gets its own ring, so no size depends on which others ran.
        let ringSeed = seed &+ UInt64(exponent) &* 0x9E37_79B9
        var world = ChordBenchmark.build(nodes: nodes, bits: bits, seed: ringSeed)
        let hops = ChordBenchmark.lookups(&world, count: lookups, seed: ringSeed)
        return Point(exponent: exponent, nodes: nodes, hops: Spread(hops))
    }
}
