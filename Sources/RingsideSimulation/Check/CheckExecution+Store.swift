import RingsideInvariants

/// The store's part of the quiescence phase: Dynamo's repairs (strict mode's repair pass
/// runs in `settle`), then the eventual store properties.
extension CheckExecution {
    /// Dynamo has no repair of its own at a membership change: hinted handoff returns what
    /// stand-ins keep and merkle-sync of every pair that shares a range spreads the rest.
    /// Each sync is two-way; forward and back over the pairs lets a version cross a range.
    mutating func repairDynamoStore() {
        guard world.kv.dynamo, world.kv.holdsAnything else { return }
        perform("handoff")
        perform("wait")
        let pairs = world.simulation.merkleSyncPairs()
        for pair in pairs { perform("merkle-sync \(pair.a) \(pair.b)") }
        for pair in pairs.reversed() { perform("merkle-sync \(pair.a) \(pair.b)") }
    }

    /// Every live replica holds each key's newest version; no hint is left for a live node.
    mutating func checkStoreConvergence() {
        stats.getsAnswered = world.kv.gets.count { $0.ok }
        guard world.kv.holdsAnything else { return }
        if let violation = world.simulation.storeConvergenceViolations().first {
            fail(violation.name, violation.detail, line: lines.count)
        }
    }
}
