import Chord
import RingsideKernel

/// Version 2's network settings and faults: latency, timeout, loss, partition, heal,
/// recover (the nodes already resolved: naming them is the interpreter's).
extension Simulation {
    mutating func setLatency(min: UInt64, max: UInt64) {
        network.config.latency = min...max
    }

    mutating func setTimeout(_ value: UInt64) {
        network.config.timeout = value
    }

    mutating func setLoss(_ probability: Double) {
        network.config.loss = probability
        note(.command, probability == 0 ? "loss off: messages are no longer lost" : "every message sent from now on is lost with probability \(probability)")
    }

    mutating func partition(_ groups: [[NodeIndex]]) {
        network.config.partition(groups)
        let description = partitionGroupsByName().map { $0.joined(separator: ",") }.joined(separator: " | ")
        note(.command, "partition: \(description); messages between groups are lost")
    }

    mutating func heal() {
        network.config.heal()
        note(.command, "heal: every node can reach every other again")
    }

    /// Every group of the partition by node name, the implicit one (nodes named in no
    /// group) last; empty when there is no partition.
    func partitionGroupsByName() -> [[String]] {
        let groups = network.config.partitionGroups
        guard !groups.isEmpty else { return [] }
        let named = Set(groups.joined())
        var result = groups.map { $0.map { state.name($0) } }
        let rest = state.allNodesByID().filter { !named.contains($0) }
        if !rest.isEmpty { result.append(rest.map { state.name($0) }) }
        return result
    }

    /// A failed node restarts: its Chord state was volatile, so it joins again (the
    /// driver queues the join); its Bayou replica (stable storage) is kept.
    mutating func restart(_ node: NodeIndex) {
        chord.restart(node)
        storeEpochChanged()
        note(.command, "\(chord.label(node)) recovers: same id and name, empty routing state; its Bayou log was on stable storage", node: node)
    }
}
