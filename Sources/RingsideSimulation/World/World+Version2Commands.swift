import Chord
import RingsideKernel

/// Starting the version-2 commands (script.md, "Version 2 additions").
extension World {
    mutating func startVersion2Command(_ command: Command) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .latency(min, max):
            setLatency(min: min, max: max)
        case let .timeout(value):
            setTimeout(value)
        case let .loss(probability):
            setLoss(probability)
        case let .partition(groups):
            try partition(groups)
        case .heal:
            heal()
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
            return invariantReport().map { .report($0) }
        case let .maintenance(zave):
            try setMaintenance(zave: zave)
        case let .replication(n):
            kv.replication = n
        case let .quorum(w, r):
            try setQuorum(w: w, r: r)
        case let .lookupMode(iterative):
            chord.iterativeLookups = iterative
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
