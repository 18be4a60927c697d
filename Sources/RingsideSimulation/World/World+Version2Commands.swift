import Chord
import RingsideKernel

/// Starting the version-2 commands (script.md, "Version 2 additions").
extension World {
    mutating func startVersion2Command(_ command: Command) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .latency(min, max):
            simulation.setLatency(min: min, max: max)
        case let .timeout(value):
            simulation.setTimeout(value)
        case let .loss(probability):
            simulation.setLoss(probability)
        case let .partition(groups):
            try partition(groups)
        case .heal:
            simulation.heal()
        case let .recover(node, via):
            try recover(node, via: via)
        case let .async(inner):
            let output = try start(inner)
            commands.markAsync(currentCause)
            return output
        case let .step(count):
            try stepMessages(count)
        case let .deliver(id):
            try deliverNow(id)
        case let .drop(id):
            try dropNow(id)
        case .wait:
            try runToCompletion()
        case .invariants:
            return simulation.invariantReport().map { .report($0) }
        case let .maintenance(zave):
            do {
                try simulation.setMaintenance(zave: zave)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .replication(n):
            simulation.kv.replication = n
        case let .quorum(w, r):
            do {
                try simulation.setQuorum(w: w, r: r)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .lookupMode(iterative):
            simulation.chord.iterativeLookups = iterative
        case .storeMode(dynamo: false):
            break
        case let .put(key, value, from):
            try startPut(key, value: value, from: from)
        case let .get(key, from):
            try startGet(key, from: from)
        default:
            // View control (ignored headless) and what later versions add.
            return try startVersion2(command)
        }
        return []
    }
}
