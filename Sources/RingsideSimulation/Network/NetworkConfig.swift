import Chord
import RingsideKernel

/// The network's fault settings (script.md v2, "Network and faults"). Faults are about
/// the network, not the nodes: a partition may name failed nodes.
public struct NetworkConfig: Sendable, Equatable {
    /// Each message's latency is drawn uniformly from this range (virtual ms).
    public var latency: ClosedRange<VirtualTime> = 1...9
    /// How long a sender waits for a message's delivery before its timer fires.
    public var timeout: VirtualTime = 30
    /// Probability that a message sent from now on is lost.
    public var loss: Double = 0
    /// The groups of a partition as named, in order; empty when healed.
    public private(set) var partitionGroups: [[NodeIndex]] = []
    /// Group number of every node named in the partition; nodes not named form one more group.
    private var groupOfNode: [NodeIndex: Int] = [:]

    public init() {}

    public var isPartitioned: Bool { !partitionGroups.isEmpty }

    /// Replaces any earlier partition.
    public mutating func partition(_ groups: [[NodeIndex]]) {
        partitionGroups = groups
        groupOfNode = [:]
        for (number, group) in groups.enumerated() {
            for node in group { groupOfNode[node] = number }
        }
    }

    public mutating func heal() {
        partitionGroups = []
        groupOfNode = [:]
    }

    /// Whether a message from `a` can reach `b` through the partition (liveness aside).
    /// Checked on every send and arrival: the unpartitioned case is inlined.
    @inline(__always)
    public func canReach(_ a: NodeIndex, _ b: NodeIndex) -> Bool {
        guard isPartitioned, a != b else { return true }
        return sameGroup(a, b)
    }

    private func sameGroup(_ a: NodeIndex, _ b: NodeIndex) -> Bool {
        (groupOfNode[a] ?? -1) == (groupOfNode[b] ?? -1)
    }
}
