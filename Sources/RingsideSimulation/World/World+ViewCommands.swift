import Chord

extension World {
    /// The node a `select NODE` statement names, for a viewer to select (the headless
    /// runner ignores view commands); nil for any other statement or an unknown node.
    public func nodeSelected(by statement: Statement) -> NodeIndex? {
        guard case let .select(ref) = statement.command else { return nil }
        return try? resolve(ref)
    }
}
