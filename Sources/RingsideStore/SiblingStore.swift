import RingsideKernel

/// A Dynamo-mode value with its vector clock, as a replica holds it and messages carry it.
public struct ClockedValue: Hashable, Sendable {
    public var value: String
    public var clock: VectorClock
    /// The put that wrote it, numbered in the run (not shown: the dump's `version` is the
    /// clock). Two puts from one node with no get between them carry one clock (script.md:
    /// an empty context, the node's entry incremented); the later put is the newer.
    public var put: UInt64

    public init(value: String, clock: VectorClock, put: UInt64 = 0) {
        self.value = value
        self.clock = clock
        self.put = put
    }

    /// This version supersedes `other`: its clock strictly descends from other's, or the
    /// clocks are equal and it was put later. A strict order, so replicas that merge the
    /// same versions in any order keep the same ones.
    public func isNewer(than other: ClockedValue) -> Bool {
        clock == other.clock ? put > other.put : clock.descends(from: other.clock)
    }

    /// Siblings are listed by value (script.md's get line), then by clock for equal values.
    public static func listed(_ lhs: ClockedValue, _ rhs: ClockedValue) -> Bool {
        if lhs.value != rhs.value { return lhs.value < rhs.value }
        let (l, r) = (lhs.clock.description, rhs.clock.description)
        return l != r ? l < r : lhs.put < rhs.put
    }
}

/// Syntactic reconciliation (Dynamo §4.4): drop every version a newer one supersedes; what
/// is left are concurrent siblings, in listing order. The same version twice (it reached
/// us by two ways) is one.
public func reconcile(_ versions: [ClockedValue]) -> [ClockedValue] {
    var kept: [ClockedValue] = []
    for version in versions { kept = merging(version, into: kept) }
    return kept
}

/// `held` with `incoming` added as a replica adds it, in listing order: unchanged when
/// `incoming` is held already or superseded; else without the versions it supersedes.
public func merging(_ incoming: ClockedValue, into held: [ClockedValue]) -> [ClockedValue] {
    if held.contains(where: { $0 == incoming || $0.isNewer(than: incoming) }) { return held }
    return (held.filter { !incoming.isNewer(than: $0) } + [incoming]).sorted(by: ClockedValue.listed)
}

/// One node's share of the Dynamo-mode store: per key, the concurrent versions (siblings)
/// it holds. A version that an incoming one descends from is replaced; one that is
/// concurrent with it stays beside it.
public struct SiblingStore: Sendable, Hashable {
    public private(set) var values: [Identifier: [ClockedValue]] = [:]

    public init() {}

    public var isEmpty: Bool { values.isEmpty }

    public subscript(key: Identifier) -> [ClockedValue] { values[key] ?? [] }

    /// Adds `incoming` unless it is held already or superseded, replacing every held
    /// version it supersedes; returns whether the key's siblings changed.
    @discardableResult
    public mutating func accept(_ key: Identifier, _ incoming: ClockedValue) -> Bool {
        let held = values[key] ?? []
        let next = merging(incoming, into: held)
        guard next != held else { return false }
        values[key] = next
        return true
    }

    /// Forgets the key (a node that no longer replicates it, once others hold it).
    public mutating func remove(_ key: Identifier) { values[key] = nil }

    /// Keys in increasing order: the only order that reaches output.
    public var sortedKeys: [Identifier] { values.keys.sorted() }
}
