import Chord

extension World {
    /// The node a `select NODE` statement names, for a viewer to select (the headless
    /// runner ignores view commands); nil for any other statement or an unknown node.
    public func nodeSelected(by statement: Statement) -> NodeIndex? {
        guard case let .select(ref) = statement.command else { return nil }
        return try? resolve(ref)
    }

    /// The panels a `focus` statement asks for; nil for any other statement.
    public func focusRequested(by statement: Statement) -> FocusTarget? {
        guard case let .focus(target) = statement.command else { return nil }
        return target
    }

    /// Why a `select` or `highlight` statement cannot be acted on (a node it names does not
    /// exist), for a viewer to say so; nil when it can, or for any other statement. Headless
    /// the statement is simply ignored (script.md).
    public func viewCommandProblem(_ statement: Statement) -> String? {
        let refs: [NodeRef]
        switch statement.command {
        case let .select(ref): refs = [ref]
        case let .highlight(list): refs = list
        default: return nil
        }
        for ref in refs {
            do { _ = try resolve(ref) } catch { return error.message }
        }
        return nil
    }

    /// The nodes a `highlight [NODE...]` statement marks (empty: clear the marks); nil for
    /// any other statement. Unknown nodes are left out (the interpreter already refused them).
    public func nodesHighlighted(by statement: Statement) -> [NodeIndex]? {
        guard case let .highlight(refs) = statement.command else { return nil }
        return refs.compactMap { try? resolve($0) }
    }
}
