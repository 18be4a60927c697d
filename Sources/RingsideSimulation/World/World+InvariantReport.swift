/// The `invariants` command's output lines.
extension World {
    func invariantReport() -> [String] {
        let violations = invariantViolations()
        return violations.isEmpty ? ["invariants hold"] : violations.map(\.line)
    }
}
