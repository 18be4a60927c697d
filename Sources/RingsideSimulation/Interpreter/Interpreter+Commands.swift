import Chord
import RingsideKernel

/// Running commands: local ones act at once, protocol ones queue work whose messages the
/// simulation then delivers (all of them, before the next command, in `execute`).
extension Interpreter {
    /// Runs one statement to completion (an `async` one only starts; messages of earlier
    /// `async` commands that come due meanwhile are delivered too).
    mutating func execute(_ statement: Statement, _ sim: inout Simulation) throws(ScriptError) -> [ScriptOutput] {
        let output = try begin(statement, &sim)
        if statement.command.isAsync {
            try startAsync(commands.lastID, &sim)
        } else {
            try run(untilComplete: commands.lastID, &sim)
        }
        // A get prints its answer when it arrives, after what the command printed at once.
        return output + sim.takeStoreReports().map { .report($0) }
    }

    /// Starts a statement without delivering its messages (the TUI steps them).
    mutating func begin(_ statement: Statement, _ sim: inout Simulation) throws(ScriptError) -> [ScriptOutput] {
        open(statement, &sim)
        do {
            return try start(statement.command, &sim)
        } catch var error {
            error.line = statement.line
            throw error
        }
    }

    /// A new command: its number becomes the cause of the work it starts.
    mutating func open(_ statement: Statement, _ sim: inout Simulation) {
        origin = (statement.line, statement.column)
        sim.cause = commands.open()
        if statement.command.isAsync { asyncOrigins[sim.cause] = origin }
        // Every command is an event (view control too: the log is the script's record).
        sim.eventLog.append(.command(time: sim.time, line: statement.line, text: statement.text))
    }

    mutating func start(_ command: Command, _ sim: inout Simulation) throws(ScriptError) -> [ScriptOutput] {
        switch command {
        case let .bits(m):
            guard sim.state.count == 0 else {
                throw ScriptError(column: origin.column, "bits can only be set before the first node is added")
            }
            sim.resetSpace(bits: m)
        case let .seed(value):
            sim.reseed(value)
        case let .successors(r):
            try MemoryBudget.check(nodes: sim.state.count, successors: r, bits: sim.space.bits, column: origin.column)
            sim.setSuccessorListLength(r)
            if sim.state.liveCount > 0 { sim.note(.command, "successor lists are now \(r) long; stabilize fills them") }
        case let .add(specs):
            try add(specs, &sim)
        case let .joinMode(eager):
            do {
                try sim.setJoinMode(eager: eager)
            } catch {
                throw error.at(column: origin.column)
            }
        case let .join(spec, via):
            let entry = try resolveLive(via, for: "introduce a new node", sim)
            try requireMember(entry, via, sim)
            let identity = try identity(of: spec, sim)
            try MemoryBudget.check(nodes: sim.state.count + 1, successors: sim.state.successorListLength, bits: sim.space.bits, column: origin.column)
            let node = sim.addJoining(id: identity.id, name: identity.name)
            sim.assignTokens(node)
            enqueue(.join(node, via: entry, eager: sim.eagerJoin), sim)
            enqueueStoreRepair(leaving: nil, sim)
        case let .stabilize(ref):
            try forEachLive(ref, "stabilize", sim) { .stabilize($0) }
        case let .fixFingers(ref):
            try forEachLive(ref, "fix its fingers", sim) { .fixFingers($0) }
        case let .checkPredecessor(ref):
            try forEachLive(ref, "check its predecessor", sim) { .checkPredecessor($0) }
        case .settle:
            guard sim.state.liveCount > 0 else { break }
            let bound = Settle.roundBound(liveNodes: sim.state.liveCount, bits: sim.space.bits)
            enqueue(Work.settleRound(round: 1, bound: bound), sim)
            enqueueStoreRepair(leaving: nil, sim)
        case let .store(keys):
            try store(keys, &sim)
        case let .fail(ref):
            sim.fail(try resolveLive(ref, for: "fail", sim))
        case let .leave(ref):
            let node = try resolveLive(ref, for: "leave", sim)
            // Gone from Dynamo's membership (a crash is not: its outage is temporary).
            sim.kv.departed.insert(node)
            sim.storeEpochChanged()
            enqueueStoreRepair(leaving: node, sim)
            enqueue(.leave(node), sim)
        case let .lookup(key, ref):
            let from = try resolveLive(ref, for: "start a lookup", sim)
            enqueue(.lookup(key: try keyID(key, sim), from: from), sim)
        case let .primary(ref):
            let new = try resolve(ref, sim)
            do {
                enqueue(try sim.changePrimary(to: new), sim)
            } catch {
                throw error.at(column: ref.token.column)
            }
        case let .write(ref, spec, at):
            let node = try resolveLive(ref, for: "accept a write", sim)
            do {
                try sim.write(node, spec, at: at)
            } catch {
                throw error.at(column: ref.token.column)
            }
        case let .sync(a, b, oneWay):
            try sync(a, b, oneWay: oneWay, sim)
        case .commit:
            do {
                try sim.commit()
            } catch {
                throw error.at(column: origin.column)
            }
        case .dump:
            return [.dump(StateJSON.encode(sim))]
        case let .say(text):
            sim.note(.caption, text)
            return [.say(text)]
        case .pause:
            return [.pause]
        default:
            return try startVersion2Command(command, &sim)
        }
        return []
    }

    private mutating func add(_ specs: [NodeSpec], _ sim: inout Simulation) throws(ScriptError) {
        guard sim.state.count + specs.count <= Limits.nodesMax else {
            throw ScriptError(column: origin.column, "a script may create at most \(Limits.nodesMax) nodes")
        }
        try MemoryBudget.check(nodes: sim.state.count + specs.count, successors: sim.state.successorListLength, bits: sim.space.bits, column: origin.column)
        var identities: [(id: Identifier, name: String)] = []
        var seenIDs = Set<Identifier>()
        var seenNames = Set<String>()
        for spec in specs {
            let identity = try identity(of: spec, sim)
            guard seenIDs.insert(identity.id).inserted, seenNames.insert(identity.name).inserted else {
                throw ScriptError(column: spec.token.column, "\(spec.token.text) clashes with an earlier node on this line (id \(identity.id), name \(identity.name))")
            }
            identities.append(identity)
        }
        sim.addByOracle(identities)
        for identity in identities {
            if let node = sim.state.index(ofName: identity.name) { sim.assignTokens(node) }
        }
    }

    private mutating func forEachLive(_ ref: NodeRef?, _ what: String, _ sim: Simulation,
                                      _ action: (NodeIndex) -> Action) throws(ScriptError) {
        if let ref {
            enqueue(action(try resolveLive(ref, for: what, sim)), sim)
        } else {
            for node in sim.state.liveRing.nodes { enqueue(action(node), sim) }
        }
    }

    private func store(_ keys: [KeySpec], _ sim: inout Simulation) throws(ScriptError) {
        guard sim.state.liveCount > 0 else {
            throw ScriptError(column: origin.column, "there is no live node to store keys on")
        }
        var ids: [Identifier] = []
        for key in keys { ids.append(try keyID(key, sim)) }
        sim.chord.withState { $0.storeByOracle(ids) }
    }

    /// Both directions unless one-way: each is a session of its own.
    private mutating func sync(_ a: NodeRef, _ b: NodeRef, oneWay: Bool, _ sim: Simulation) throws(ScriptError) {
        let first = try resolveLive(a, for: "take part in anti-entropy", sim)
        let second = try resolveLive(b, for: "take part in anti-entropy", sim)
        guard first != second else {
            throw ScriptError(column: b.token.column, "a replica cannot sync with itself; name two different nodes")
        }
        enqueue(.antiEntropy(sender: first, receiver: second), sim)
        if !oneWay { enqueue(.antiEntropy(sender: second, receiver: first), sim) }
    }

    /// Queues the store's repair and prune for a membership change, if anything is stored.
    mutating func enqueueStoreRepair(leaving: NodeIndex?, _ sim: Simulation) {
        enqueue(sim.storeRepairActions(leaving: leaving), sim)
    }
}
