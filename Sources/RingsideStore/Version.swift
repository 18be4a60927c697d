import RingsideKernel

/// A strict-mode version: the virtual time at which the put started and the coordinator's
/// node id, compared in that order. The lecture's "something monotonically increasing like
/// a timestamp"; the node id breaks ties, so two puts never share a version.
public struct Version: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var time: UInt64
    public var node: Identifier

    public init(time: UInt64, node: Identifier) {
        self.time = time
        self.node = node
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        (lhs.time, lhs.node) < (rhs.time, rhs.node)
    }

    /// The lecture's notation, e.g. `(3,10)`.
    public var description: String { "(\(time),\(node))" }
}

/// A value with its version, as a replica holds it and as messages carry it.
public struct VersionedValue: Hashable, Sendable {
    public var value: String
    public var version: Version

    public init(value: String, version: Version) {
        self.value = value
        self.version = version
    }
}
