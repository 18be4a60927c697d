import RingsideKernel

/// One node's share of the key-value store (strict mode): the newest version it has seen
/// of each key. Older versions are overwritten, never kept beside it.
public struct ReplicaStore: Sendable, Hashable {
    public private(set) var values: [Identifier: VersionedValue] = [:]

    public init() {}

    public var isEmpty: Bool { values.isEmpty }

    public subscript(key: Identifier) -> VersionedValue? { values[key] }

    /// Keeps `incoming` if it is newer than what the replica holds ("newest wins");
    /// returns whether it was kept.
    @discardableResult
    public mutating func accept(_ key: Identifier, _ incoming: VersionedValue) -> Bool {
        if let held = values[key], held.version >= incoming.version { return false }
        values[key] = incoming
        return true
    }

    public mutating func remove(_ key: Identifier) { values[key] = nil }

    /// Keys in increasing order: the only order that reaches output.
    public var sortedKeys: [Identifier] { values.keys.sorted() }
}
