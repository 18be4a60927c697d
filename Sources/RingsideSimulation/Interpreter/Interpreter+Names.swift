import Chord
import RingsideKernel

/// Naming and finding nodes, with errors that list what does exist.
extension Interpreter {
    /// The node a script refers to, live or not.
    func resolve(_ ref: NodeRef, _ sim: Simulation) throws(ScriptError) -> NodeIndex {
        let text = ref.token.text
        if let id = Identifier(decimal: text), let node = sim.state.index(ofID: id) { return node }
        if let node = sim.state.index(ofName: text) { return node }
        throw ScriptError(column: ref.token.column, "node \(text) does not exist; \(nodeListDescription(sim))",
                          kind: .unknownNode)
    }

    /// A node that must be alive for the command to make sense.
    func resolveLive(_ ref: NodeRef, for what: String, _ sim: Simulation) throws(ScriptError) -> NodeIndex {
        let node = try resolve(ref, sim)
        guard sim.state.isAlive(node) else {
            throw ScriptError(column: ref.token.column, "node \(ref.token.text) is down (failed or left), so it cannot \(what); live nodes are \(liveList(sim))")
        }
        return node
    }

    /// "nodes are 10 32 60" (shortened for big rings).
    func nodeListDescription(_ sim: Simulation) -> String {
        guard sim.state.count > 0 else { return "there are no nodes yet (use add or join)" }
        return "nodes are \(list(sim.state.allNodesByID(), sim))"
    }

    func liveList(_ sim: Simulation) -> String {
        sim.state.liveCount == 0 ? "none" : list(sim.state.liveRing.nodes, sim)
    }

    private func list(_ nodes: [NodeIndex], _ sim: Simulation) -> String {
        let shown = nodes.prefix(12).map { sim.chord.label($0) }.joined(separator: " ")
        return nodes.count > 12 ? "\(shown) … (\(nodes.count) in all)" : shown
    }

    /// The id and name a spec asks for, checked against the space and existing nodes.
    func identity(of spec: NodeSpec, _ sim: Simulation) throws(ScriptError) -> (id: Identifier, name: String) {
        let result: (Identifier, String)
        switch spec.form {
        case let .id(id): result = (id, "N\(id)")
        case let .name(name): result = (sim.space.hash(name), name)
        case let .named(name, id): result = (id, name)
        }
        guard sim.space.contains(result.0) else {
            throw ScriptError(column: spec.token.column, "id \(result.0) is outside the identifier space 0 ..< 2^\(sim.space.bits)",
                              kind: .outsideSpace)
        }
        if let other = sim.state.index(ofID: result.0) {
            throw ScriptError(column: spec.token.column, "id \(result.0) is already taken by node \(sim.state.name(other))")
        }
        if let other = sim.state.index(ofName: result.1) {
            throw ScriptError(column: spec.token.column, "the name \(result.1) is already taken by node \(sim.state.id(other))")
        }
        return result
    }

    func keyID(_ key: KeySpec, _ sim: Simulation) throws(ScriptError) -> Identifier {
        switch key.form {
        case let .id(id):
            guard sim.space.contains(id) else {
                throw ScriptError(column: key.token.column, "key \(id) is outside the identifier space 0 ..< 2^\(sim.space.bits)",
                                  kind: .outsideSpace)
            }
            return id
        case let .hashed(token):
            return sim.space.hash(token)
        }
    }
}
