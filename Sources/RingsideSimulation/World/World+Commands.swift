import Chord
import RingsideKernel

/// What a command prints.
public enum ScriptOutput: Equatable, Sendable {
    case dump(String)
    case say(String)
    case pause
    /// A result line the headless runner prints as `# TEXT` (e.g. `invariants hold`).
    case report(String)
}

/// Running commands: local ones act at once, protocol ones queue actions whose messages
/// the world then delivers (all of them, before the next command, in `execute`).
extension World {
    /// Runs one statement to completion (an `async` one only starts; messages of earlier
    /// `async` commands that come due meanwhile are delivered too).
    public mutating func execute(_ statement: Statement) throws(ScriptError) -> [ScriptOutput] {
        let output = try begin(statement)
        if statement.command.isAsync {
            try startAsync(commands.lastID)
        } else {
            try run(untilComplete: commands.lastID)
        }
        // A get prints its answer when it arrives, after what the command printed at once.
        return output + simulation.takeStoreReports().map { .report($0) }
    }

    /// Parses and runs one line (the TUI's `:` line); errors carry line 1.
    public mutating func execute(line: String) throws(ScriptError) -> [ScriptOutput] {
        guard let statement = try Parser.parse(line: Substring(line), number: 1) else { return [] }
        return try execute(statement)
    }

    /// Starts a statement without delivering its messages (the TUI steps them).
    public mutating func begin(_ statement: Statement) throws(ScriptError) -> [ScriptOutput] {
        origin = (statement.line, statement.column)
        simulation.cause = commands.open()
        simulation.eventLog.append(.command(time: simulation.time, line: statement.line, text: statement.text))
        do {
            return try start(statement.command)
        } catch var error {
            error.line = statement.line
            throw error
        }
    }

    mutating func start(_ command: Command) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .bits(m):
            guard state.count == 0 else {
                throw ScriptError(column: origin.column, "bits can only be set before the first node is added")
            }
            simulation.resetSpace(bits: m)
        case let .seed(value):
            simulation.reseed(value)
        case let .successors(r):
            try MemoryBudget.check(nodes: state.count, successors: r, bits: space.bits, column: origin.column)
            simulation.setSuccessorListLength(r)
            if state.liveCount > 0 { simulation.note(.command, "successor lists are now \(r) long; stabilize fills them") }
        case let .add(specs):
            try add(specs)
        case let .joinMode(eager):
            do {
                try simulation.setJoinMode(eager: eager)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .join(spec, via):
            let entry = try resolveLive(via, for: "introduce a new node")
            try requireMember(entry, via)
            let identity = try identity(of: spec)
            try MemoryBudget.check(nodes: state.count + 1, successors: state.successorListLength, bits: space.bits, column: origin.column)
            let node = simulation.addJoining(id: identity.id, name: identity.name)
            enqueue(.join(node, via: entry, eager: eagerJoin))
            enqueueStoreRepair(leaving: nil)
        case let .stabilize(ref):
            try forEachLive(ref, "stabilize") { .stabilize($0) }
        case let .fixFingers(ref):
            try forEachLive(ref, "fix its fingers") { .fixFingers($0) }
        case let .checkPredecessor(ref):
            try forEachLive(ref, "check its predecessor") { .checkPredecessor($0) }
        case .settle:
            guard state.liveCount > 0 else { break }
            let bound = Settle.roundBound(liveNodes: state.liveCount, bits: space.bits)
            enqueue(Work.settleRound(round: 1, bound: bound))
            enqueueStoreRepair(leaving: nil)
        case let .store(keys):
            try store(keys)
        case let .fail(ref):
            simulation.fail(try resolveLive(ref, for: "fail"))
        case let .leave(ref):
            let node = try resolveLive(ref, for: "leave")
            enqueueStoreRepair(leaving: node)
            enqueue(.leave(node))
        case let .lookup(key, ref):
            let from = try resolveLive(ref, for: "start a lookup")
            enqueue(.lookup(key: try keyID(key), from: from))
        case let .primary(ref):
            let new = try resolve(ref)
            do {
                enqueue(try simulation.changePrimary(to: new))
            } catch {
                throw error.at(column: ref.token.column)
            }
        case let .write(ref, spec, at):
            let node = try resolveLive(ref, for: "accept a write")
            do {
                try simulation.write(node, spec, at: at)
            } catch {
                throw error.at(column: ref.token.column)
            }
        case let .sync(a, b, oneWay):
            try sync(a, b, oneWay: oneWay)
        case .commit:
            do {
                try simulation.commit()
            } catch {
                throw error.at(column: origin.column)
            }
        case .dump:
            return [.dump(StateJSON.encode(self))]
        case let .say(text):
            simulation.note(.caption, text)
            return [.say(text)]
        case .pause:
            return [.pause]
        default:
            return try startVersion2Command(command)
        }
        return []
    }

    private mutating func add(_ specs: [NodeSpec]) throws(ScriptError) {
        guard state.count + specs.count <= Limits.nodesMax else {
            throw ScriptError(column: origin.column, "a script may create at most \(Limits.nodesMax) nodes")
        }
        try MemoryBudget.check(nodes: state.count + specs.count, successors: state.successorListLength, bits: space.bits, column: origin.column)
        var identities: [(id: Identifier, name: String)] = []
        var seenIDs = Set<Identifier>()
        var seenNames = Set<String>()
        for spec in specs {
            let identity = try identity(of: spec)
            guard seenIDs.insert(identity.id).inserted, seenNames.insert(identity.name).inserted else {
                throw ScriptError(column: spec.token.column, "\(spec.token.text) clashes with an earlier node on this line (id \(identity.id), name \(identity.name))")
            }
            identities.append(identity)
        }
        simulation.addByOracle(identities)
    }

    private mutating func forEachLive(_ ref: NodeRef?, _ what: String, _ action: (NodeIndex) -> Action) throws(ScriptError) {
        if let ref {
            enqueue(action(try resolveLive(ref, for: what)))
        } else {
            for node in state.liveRing.nodes { enqueue(action(node)) }
        }
    }

    private mutating func store(_ keys: [KeySpec]) throws(ScriptError) {
        guard state.liveCount > 0 else {
            throw ScriptError(column: origin.column, "there is no live node to store keys on")
        }
        var ids: [Identifier] = []
        for key in keys { ids.append(try keyID(key)) }
        simulation.chord.withState { $0.storeByOracle(ids) }
    }

    /// Both directions unless one-way: each is a session of its own.
    private mutating func sync(_ a: NodeRef, _ b: NodeRef, oneWay: Bool) throws(ScriptError) {
        let first = try resolveLive(a, for: "take part in anti-entropy")
        let second = try resolveLive(b, for: "take part in anti-entropy")
        guard first != second else {
            throw ScriptError(column: b.token.column, "a replica cannot sync with itself; name two different nodes")
        }
        enqueue(.antiEntropy(sender: first, receiver: second))
        if !oneWay { enqueue(.antiEntropy(sender: second, receiver: first)) }
    }

    /// Queues the store's repair and prune for a membership change, if anything is stored.
    mutating func enqueueStoreRepair(leaving: NodeIndex?) {
        enqueue(simulation.storeRepairActions(leaving: leaving))
    }
}
