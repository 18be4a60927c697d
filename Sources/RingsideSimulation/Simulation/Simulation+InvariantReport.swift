/// The `invariants` command's output lines.
extension Simulation {
    /// Every invariant now; CommittedPrefix also compares each replica's committed prefix
    /// with the one it had at the previous `invariants` (it may only grow).
    mutating func invariantReport() -> [String] {
        var monitor = invariantMonitor
        let violations = invariantViolations(monitor: &monitor)
        invariantMonitor = monitor
        return violations.isEmpty ? ["invariants hold"] : violations.map(\.line)
    }
}
