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
        // One hash for the usual newer put: store first, put the held one back if it wins.
        guard let held = values.updateValue(incoming, forKey: key), held.version >= incoming.version else { return true }
        values[key] = held
        return false
    }

    public mutating func remove(_ key: Identifier) { values[key] = nil }

    /// Keys in increasing order: the only order that reaches output.
    public var sortedKeys: [Identifier] { values.keys.sorted() }
}
