import Chord
import RingsideKernel

/// Starting the protocol actions a driver hands the simulation.
extension Simulation {
    /// Starts `action` as work of `cause`; its messages carry `cause`.
    mutating func perform(_ action: Action, cause: Int) throws(SimulationError) -> StepReport {
        self.cause = cause
        ledger = StepReport(kind: .performed, cause: cause)
        switch action {
        case let .lookup(key, from):
            guard chord.state.isAlive(from) else { break }
            if chord.recordsLookupPaths { ledger.lookup = chord.lookups.count }
            withChordEffectBuffer { sim, effects in sim.chord.startLookup(key: key, from: from, into: &effects) }
        case let .stabilize(node):
            guard chord.state.isAlive(node) else { break }
            apply(chord.startStabilize(node))
        case let .fixFingers(node):
            guard chord.state.isAlive(node) else { break }
            apply(chord.startFixFingers(node))
        case let .checkPredecessor(node):
            guard chord.state.isAlive(node) else { break }
            apply(chord.startCheckPredecessor(node))
        case let .join(node, via, eager):
            apply(chord.startJoin(node, via: via, eager: eager))
        case let .leave(node):
            guard chord.state.isAlive(node) else { break }
            apply(chord.startLeave(node))
        case let .antiEntropy(sender, receiver):
            startAntiEntropy(sender: sender, receiver: receiver)
        case let .primaryHandoff(from, to):
            try completePrimaryHandoff(from: from, to: to)
        case let .put(key, value, from):
            performPut(key: key, value: value, from: from, cause: cause)
        case let .get(key, from, keyText, nodeText):
            performGet(key: key, from: from, keyText: keyText, nodeText: nodeText, cause: cause)
        case let .storeRepair(leaving):
            repairReplicaSets(leaving: leaving)
        case let .storePrune(leaving):
            pruneReplicaSets(leaving: leaving)
        case let .handoff(node):
            performHandoff(node)
        case let .merkleSync(a, b):
            guard state.isAlive(a) else { break }
            performMerkleSync(a, b)
        }
        return ledger
    }

    /// Adds a line to the trace; protocol narration is skipped when nobody reads it
    /// (captions are always kept). The hot Chord path builds no sentence at all then.
    mutating func note(_ kind: TraceLog.Event.Kind, _ text: String, node: NodeIndex? = nil) {
        guard narrates || kind == .caption else { return }
        trace.append(.init(time: time, kind: kind, text: text, node: node))
        if eventLog.isRecording { eventLog.append(.note(time: time, node: node, text: text)) }
    }
}
