import Chord
import RingsideKernel

/// Starting the actions that commands queue up.
extension World {
    mutating func perform(_ action: Action, command: Int) throws(ScriptError) {
        switch action {
        case let .lookup(key, from):
            guard chord.state.isAlive(from) else { return }
            if chord.recordsLookupPaths { commands.lookupStarted(chord.lookups.count, by: command) }
            apply(chord.startLookup(key: key, from: from))
        case let .stabilize(node):
            guard chord.state.isAlive(node) else { return }
            apply(chord.startStabilize(node))
        case let .fixFingers(node):
            guard chord.state.isAlive(node) else { return }
            apply(chord.startFixFingers(node))
        case let .checkPredecessor(node):
            guard chord.state.isAlive(node) else { return }
            apply(chord.startCheckPredecessor(node))
        case let .join(node, via, eager):
            apply(chord.startJoin(node, via: via, eager: eager))
        case let .leave(node):
            guard chord.state.isAlive(node) else { return }
            apply(chord.startLeave(node))
        case let .settleRound(round, bound):
            let before = chord.state.changeCount
            let live = chord.state.liveRing.nodes
            var round_actions: [Action] = []
            round_actions.reserveCapacity(live.count * 3 + 1)
            for node in live { round_actions.append(.stabilize(node)) }
            for node in live { round_actions.append(.fixFingers(node)) }
            for node in live { round_actions.append(.checkPredecessor(node)) }
            round_actions.append(.settleCheck(round: round, bound: bound, changeCount: before))
            commands.insertNext(round_actions, for: command)
        case let .settleCheck(round, bound, changeCount):
            if chord.state.changeCount == changeCount {
                note(.command, "settle: round \(round) changed nothing → stable")
                return
            }
            guard round < bound else {
                throw ScriptError(line: origin.line, column: origin.column,
                                  "settle did not reach a round that changes nothing within \(bound) rounds")
            }
            commands.insertNext([.settleRound(round: round + 1, bound: bound)], for: command)
        case let .antiEntropy(sender, receiver):
            startAntiEntropy(sender: sender, receiver: receiver)
        case let .primaryHandoff(from, to):
            try completePrimaryHandoff(from: from, to: to)
        case let .put(key, value, from):
            performPut(key: key, value: value, from: from, command: command)
        case let .get(key, from, keyText, nodeText):
            performGet(key: key, from: from, keyText: keyText, nodeText: nodeText, command: command)
        case let .storeRepair(leaving):
            repairReplicaSets(leaving: leaving)
        case let .storePrune(leaving):
            pruneReplicaSets(leaving: leaving)
        }
    }

    /// Adds a line to the trace; protocol narration is skipped when nobody reads it
    /// (captions are always kept). The hot Chord path builds no sentence at all then.
    mutating func note(_ kind: TraceLog.Event.Kind, _ text: String, node: NodeIndex? = nil) {
        guard narrates || kind == .caption else { return }
        trace.append(.init(time: time, kind: kind, text: text, node: node))
        if eventLog.isRecording { eventLog.append(.note(time: time, node: node, text: text)) }
    }
}
