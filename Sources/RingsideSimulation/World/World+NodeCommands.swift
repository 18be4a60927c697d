import Chord
import RingsideKernel

/// The commands that name nodes in groups or in pairs: `partition`, `recover`, `put`,
/// `get`; the names resolved and checked here, the work done by the simulation.
extension World {
    mutating func partition(_ groups: [[NodeRef]]) throws(ScriptError) {
        var seen = Set<NodeIndex>()
        var resolved: [[NodeIndex]] = []
        for group in groups {
            var members: [NodeIndex] = []
            for ref in group {
                let node = try resolve(ref)
                guard seen.insert(node).inserted else {
                    throw ScriptError(column: ref.token.column, "node \(ref.token.text) is named in two groups; a node can be on one side of a partition only")
                }
                members.append(node)
            }
            resolved.append(members)
        }
        simulation.partition(resolved)
    }

    /// A failed node restarts and joins again through `via` by the current join mode.
    mutating func recover(_ ref: NodeRef, via viaRef: NodeRef) throws(ScriptError) {
        let node = try resolve(ref)
        guard !state.isAlive(node) else {
            throw ScriptError(column: ref.token.column, "node \(ref.token.text) is not down, so there is nothing to recover")
        }
        let entry = try resolveLive(viaRef, for: "introduce a recovering node")
        try requireMember(entry, viaRef)
        guard entry != node else {
            throw ScriptError(column: viaRef.token.column, "a node cannot recover through itself; name a live node")
        }
        simulation.restart(node)
        enqueue(.join(node, via: entry, eager: eagerJoin))
        enqueueStoreRepair(leaving: nil)
    }

    /// Under zave a node joins (or recovers) through a member, never through a node that
    /// has not finished its own join.
    func requireMember(_ entry: NodeIndex, _ ref: NodeRef) throws(ScriptError) {
        guard chord.maintenance == .zave, !chord.isMember(entry) else { return }
        throw ScriptError(column: ref.token.column, "node \(ref.token.text) is still joining (it becomes a member at its first stabilize); under maintenance zave a node joins through a member")
    }

    mutating func startPut(_ key: KeySpec, value: String, from ref: NodeRef) throws(ScriptError) {
        let from = try resolveLive(ref, for: "coordinate a put")
        enqueue(.put(key: try keyID(key), value: value, from: from))
    }

    mutating func startGet(_ key: KeySpec, from ref: NodeRef) throws(ScriptError) {
        let from = try resolveLive(ref, for: "coordinate a get")
        enqueue(.get(key: try keyID(key), from: from, keyText: key.token.text, nodeText: ref.token.text))
    }
}
