import RingsideKernel

/// A write's accept-stamp: the timestamp its origin gave it and the origin's id.
///
/// The pair is unique (an origin never reuses a timestamp) and, compared as
/// (timestamp, origin id), it is the order of tentative writes in every log.
/// Committed writes come first, ordered by CSN; the stamp of a write never changes,
/// its CSN is assigned once by the primary.
public struct WriteStamp: Hashable, Comparable, Sendable {
    public let timestamp: UInt64
    public let origin: Identifier

    @inlinable
    public init(timestamp: UInt64, origin: Identifier) {
        self.timestamp = timestamp
        self.origin = origin
    }

    @inlinable
    public static func < (lhs: WriteStamp, rhs: WriteStamp) -> Bool {
        if lhs.timestamp != rhs.timestamp { return lhs.timestamp < rhs.timestamp }
        return lhs.origin < rhs.origin
    }
}
