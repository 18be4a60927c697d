import Chord
import RingsideKernel

/// Starting the version-2 commands (script.md, "Version 2 additions").
extension Interpreter {
    mutating func startVersion2Command(_ command: Command, _ sim: inout Simulation) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .latency(min, max):
            sim.setLatency(min: min, max: max)
        case let .timeout(value):
            sim.setTimeout(value)
        case let .loss(probability):
            sim.setLoss(probability)
        case let .partition(groups):
            try partition(groups, &sim)
        case .heal:
            sim.heal()
        case let .recover(node, via):
            try recover(node, via: via, &sim)
        case let .async(inner):
            let output = try start(inner, &sim)
            commands.markAsync(sim.cause)
            return output
        case let .step(count):
            try stepMessages(count, &sim)
        case let .deliver(id, column):
            try deliverNow(id, column: column, &sim)
        case let .drop(id, column):
            try dropNow(id, column: column, &sim)
        case .wait:
            try runToCompletion(&sim)
        case .nextEvent:
            _ = try advance(&sim)
        case .invariants:
            return sim.invariantReport().map { .report($0) }
        case let .maintenance(zave):
            do {
                try sim.setMaintenance(zave: zave)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .replication(n):
            sim.kv.replication = n
            sim.storeEpochChanged()
            // Allowed (script.md checks W and R only at `quorum`), but a student should
            // hear why every put and get is about to fail.
            if sim.kv.writeQuorum > n || sim.kv.readQuorum > n {
                sim.note(.command, "replication \(n) leaves the quorum W=\(sim.kv.writeQuorum) R=\(sim.kv.readQuorum) above N: a put needs W acks and a get R replies from at most \(n), so they fail until `quorum` is lowered")
            }
        case let .quorum(w, r):
            do {
                try sim.setQuorum(w: w, r: r)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .lookupMode(iterative):
            sim.chord.iterativeLookups = iterative
        case let .storeMode(dynamo):
            do {
                try sim.setStoreMode(dynamo: dynamo)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .vnodes(count):
            do {
                try sim.setVnodes(count)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .handoff(ref):
            try startHandoff(ref, sim)
        case let .merkleSync(a, b):
            try startMerkleSync(a, b, sim)
        case let .put(key, value, from):
            try startPut(key, value: value, from: from, sim)
        case let .get(key, from):
            try startGet(key, from: from, sim)
        case .select, .focus, .highlight:
            // View control: the terminal view acts on it; headless it is ignored
            // (script.md), nodes it names included: an unknown one is no error here.
            return []
        default:
            // Every other command is version 1's, which `start` runs before coming here.
            break
        }
        return []
    }
}
