/// Version-2 commands this engine does not run yet. Each says so in a clear error
/// rather than being skipped, so a script never silently means something else; view
/// control is the exception, since the spec has the headless runner ignore it.
extension Interpreter {
    func startVersion2(_ command: Command, _ sim: Simulation) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .select(node):
            _ = try resolve(node, sim)
        case .focus:
            break
        case let .highlight(nodes):
            for node in nodes { _ = try resolve(node, sim) }
        default:
            throw ScriptError(column: origin.column, "\(Self.commandWord(command)) is not yet supported in this version of Ringside")
        }
        return []
    }

    /// The word a command is written with, for messages about it.
    static func commandWord(_ command: Command) -> String {
        switch command {
        case .latency: "latency"
        case .timeout: "timeout"
        case .loss: "loss"
        case .partition: "partition"
        case .heal: "heal"
        case .recover: "recover"
        case .async: "async"
        case .step: "step"
        case .deliver: "deliver"
        case .drop: "drop"
        case .wait: "wait"
        case .invariants: "invariants"
        case .maintenance: "maintenance"
        case .select: "select"
        case .focus: "focus"
        case .highlight: "highlight"
        case .replication: "replication"
        case .quorum: "quorum"
        case .lookupMode: "lookup-mode"
        case .put: "put"
        case .get: "get"
        case .storeMode: "store-mode"
        case .vnodes: "vnodes"
        case .handoff: "handoff"
        case .merkleSync: "merkle-sync"
        default: "this command"
        }
    }
}
