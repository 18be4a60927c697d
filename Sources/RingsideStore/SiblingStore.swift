import RingsideKernel

/// A Dynamo-mode value with its vector clock, as a replica holds it and messages carry it.
public struct ClockedValue: Hashable, Sendable {
    public var value: String
    public var clock: VectorClock

    public init(value: String, clock: VectorClock) {
        self.value = value
        self.clock = clock
    }

    /// Siblings are listed by value (script.md's get line), then by clock for equal values.
    public static func listed(_ lhs: ClockedValue, _ rhs: ClockedValue) -> Bool {
        lhs.value != rhs.value ? lhs.value < rhs.value : lhs.clock.description < rhs.clock.description
    }
}

/// Syntactic reconciliation (Dynamo §4.4): drop every version another one descends from;
/// what is left are concurrent siblings, in listing order.
public func reconcile(_ versions: [ClockedValue]) -> [ClockedValue] {
    var kept: [ClockedValue] = []
    for version in versions.sorted(by: ClockedValue.listed) {
        // An identical clock is the same version (it reached us twice).
        if kept.contains(where: { $0.clock.descends(from: version.clock) }) { continue }
        kept.removeAll { version.clock.descends(from: $0.clock) }
        kept.append(version)
    }
    return kept.sorted(by: ClockedValue.listed)
}

/// One node's share of the Dynamo-mode store: per key, the concurrent versions (siblings)
/// it holds. A version that an incoming one descends from is replaced; one that is
/// concurrent with it stays beside it.
public struct SiblingStore: Sendable, Hashable {
    public private(set) var values: [Identifier: [ClockedValue]] = [:]

    public init() {}

    public var isEmpty: Bool { values.isEmpty }

    public subscript(key: Identifier) -> [ClockedValue] { values[key] ?? [] }

    /// Adds `incoming` unless a held version already descends from it; returns whether
    /// the key's siblings changed.
    @discardableResult
    public mutating func accept(_ key: Identifier, _ incoming: ClockedValue) -> Bool {
        let held = values[key] ?? []
        let next = reconcile(held + [incoming])
        guard next != held else { return false }
        values[key] = next
        return true
    }

    /// Forgets the key (a node that no longer replicates it, once others hold it).
    public mutating func remove(_ key: Identifier) { values[key] = nil }

    /// Keys in increasing order: the only order that reaches output.
    public var sortedKeys: [Identifier] { values.keys.sorted() }
}
