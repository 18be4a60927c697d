import Chord
import RingsideKernel

/// The commands that name nodes in groups or in pairs: `partition`, `recover`, `put`,
/// `get`; the names resolved and checked here, the work done by the simulation.
extension Interpreter {
    func partition(_ groups: [[NodeRef]], _ sim: inout Simulation) throws(ScriptError) {
        var seen = Set<NodeIndex>()
        var resolved: [[NodeIndex]] = []
        for group in groups {
            var members: [NodeIndex] = []
            for ref in group {
                let node = try resolve(ref, sim)
                guard seen.insert(node).inserted else {
                    throw ScriptError(column: ref.token.column, "node \(ref.token.text) is named in two groups; a node can be on one side of a partition only")
                }
                members.append(node)
            }
            resolved.append(members)
        }
        sim.partition(resolved)
    }

    /// A failed node restarts and joins again through `via` by the current join mode.
    mutating func recover(_ ref: NodeRef, via viaRef: NodeRef, _ sim: inout Simulation) throws(ScriptError) {
        let node = try resolve(ref, sim)
        guard !sim.state.isAlive(node) else {
            throw ScriptError(column: ref.token.column, "node \(ref.token.text) is not down, so there is nothing to recover")
        }
        let entry = try resolveLive(viaRef, for: "introduce a recovering node", sim)
        try requireMember(entry, viaRef, sim)
        guard entry != node else {
            throw ScriptError(column: viaRef.token.column, "a node cannot recover through itself; name a live node")
        }
        sim.restart(node)
        let rejoins = sim.kv.departed.remove(node) != nil
        enqueue(.join(node, via: entry, eager: sim.eagerJoin), sim)
        // To Dynamo a crash was an outage, not a membership change: hinted handoff and
        // merkle-sync repair it. Only a node that had left rejoins the membership.
        if !sim.kv.dynamo || rejoins { enqueueStoreRepair(leaving: nil, sim) }
    }

    /// Under zave a node joins (or recovers) through a member, never through a node that
    /// has not finished its own join.
    func requireMember(_ entry: NodeIndex, _ ref: NodeRef, _ sim: Simulation) throws(ScriptError) {
        guard sim.chord.maintenance == .zave, !sim.chord.isMember(entry) else { return }
        throw ScriptError(column: ref.token.column, "node \(ref.token.text) is still joining (it becomes a member at its first stabilize); under maintenance zave a node joins through a member")
    }

    mutating func startPut(_ key: KeySpec, value: String, from ref: NodeRef, _ sim: Simulation) throws(ScriptError) {
        let from = try resolveLive(ref, for: "coordinate a put", sim)
        enqueue(.put(key: try keyID(key, sim), value: value, from: from), sim)
    }

    mutating func startGet(_ key: KeySpec, from ref: NodeRef, _ sim: Simulation) throws(ScriptError) {
        let from = try resolveLive(ref, for: "coordinate a get", sim)
        enqueue(.get(key: try keyID(key, sim), from: from, keyText: key.token.text, nodeText: ref.token.text), sim)
    }

    mutating func startHandoff(_ ref: NodeRef?, _ sim: Simulation) throws(ScriptError) {
        guard sim.kv.dynamo else {
            throw ScriptError(column: origin.column, "handoff is Dynamo's hinted handoff: give store-mode dynamo first")
        }
        let node = try ref.map { ref throws(ScriptError) in try resolveLive(ref, for: "hand off its hints", sim) }
        enqueue(.handoff(node), sim)
    }

    mutating func startMerkleSync(_ a: NodeRef, _ b: NodeRef, _ sim: Simulation) throws(ScriptError) {
        let first = try resolveLive(a, for: "run a merkle-sync", sim)
        let second = try resolveLive(b, for: "run a merkle-sync", sim)
        guard first != second else {
            throw ScriptError(column: b.token.column, "merkle-sync compares two different nodes, not \(a.token.text) with itself")
        }
        enqueue(.merkleSync(first, second), sim)
    }
}
