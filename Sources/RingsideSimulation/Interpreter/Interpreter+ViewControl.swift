/// View control (`select`, `focus`, `highlight`): the terminal view acts on it; headless,
/// the spec has it checked and otherwise ignored, so only the nodes it names are resolved.
extension Interpreter {
    func startViewControl(_ command: Command, _ sim: Simulation) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .select(node):
            _ = try resolve(node, sim)
        case let .highlight(nodes):
            for node in nodes { _ = try resolve(node, sim) }
        default:
            break
        }
        return []
    }
}
