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
            guard !zave else { throw notYet("maintenance zave") }
        case let .select(ref):
            _ = try resolve(ref)
        case .focus:
            break
        case let .highlight(refs):
            for ref in refs { _ = try resolve(ref) }
        case .replication: throw notYet("replication")
        case .quorum: throw notYet("quorum")
        case .lookupMode: throw notYet("lookup-mode")
        case .put: throw notYet("put")
        case .get: throw notYet("get")
        case .storeMode: throw notYet("store-mode")
        case .vnodes: throw notYet("vnodes")
        case .handoff: throw notYet("handoff")
        case .merkleSync: throw notYet("merkle-sync")
        default:
            break
        }
        return []
    }

    private func notYet(_ name: String) -> ScriptError {
        ScriptError(column: origin.column, "\(name) is not yet supported in this version of Ringside")
    }
}
