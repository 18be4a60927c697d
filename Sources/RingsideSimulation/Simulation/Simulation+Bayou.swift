import Bayou
import Chord
import RingsideKernel

/// Bayou on every node: client writes, primary commit, anti-entropy as messages.
extension Simulation {
    /// The replica at `node` (an empty one if it has seen nothing yet).
    func replica(_ node: NodeIndex) -> Replica {
        replicas[node] ?? Replica(id: state.id(node))
    }

    /// A replica's name for an origin id (the node's name).
    func replicaName(_ id: Identifier) -> String {
        state.index(ofID: id).map { state.name($0) } ?? id.description
    }

    mutating func bayouNodeAdded(_ node: NodeIndex) {}

    /// A client write at `node`; a refused one throws the replica's reason.
    mutating func write(_ node: NodeIndex, _ spec: WriteSpec, at time: UInt64?) throws(SimulationError) {
        let operation: Operation
        switch spec {
        case let .put(key, value): operation = .put(key: key, value: value)
        case let .delete(key): operation = .delete(key: key)
        case let .book(slots, who): operation = .book(slots: slots, who: who)
        }
        var replica = replica(node)
        do {
            let write = try replica.accept(operation, at: time)
            replica.materialize()
            replicas[node] = replica
            note(.bayou, "\(state.name(node)): accepted \(write.slideNotation(name: replicaName)) (clock \(replica.clock))", node: node)
        } catch {
            throw SimulationError("\(state.name(node)): \(error.description)")
        }
    }

    mutating func commit() throws(SimulationError) {
        guard let primary else {
            throw SimulationError("there is no primary yet (add a node first)")
        }
        guard state.isAlive(primary) else {
            throw SimulationError("the primary \(state.name(primary)) is down, so nothing can commit")
        }
        var replica = replica(primary)
        let before = replica.highestCSN
        let count = replica.commitAsPrimary()
        replica.materialize()
        replicas[primary] = replica
        let range = count == 0 ? "nothing tentative" : csns(before + 1, through: before + UInt64(count))
        note(.bayou, "\(state.name(primary)) (primary) commits \(count) write\(count == 1 ? "" : "s"): \(range)", node: primary)
    }

    /// Opens a one-way session sender → receiver: the receiver asks first.
    mutating func startAntiEntropy(sender: NodeIndex, receiver: NodeIndex) {
        guard state.isAlive(sender), state.isAlive(receiver) else { return }
        // A numbered session: the receiver applies only a gap-free prefix of its items.
        var receiving = replica(receiver)
        let request = receiving.openSession(from: state.id(sender))
        replicas[receiver] = receiving
        note(.bayou, "\(state.name(receiver))→\(state.name(sender)) anti-entropy request: \(request.explanation(name: replicaName))", node: receiver)
        sendBayou(BayouEnvelope(from: receiver, to: sender, message: .request(request)))
    }

    /// Anti-entropy travels like every message; channels are FIFO, so items arrive in order.
    private mutating func sendBayou(_ envelope: BayouEnvelope) {
        send(from: envelope.from, to: envelope.to, .bayou(envelope.message))
    }

    /// A Bayou message reached its (live, reachable) receiver.
    mutating func deliverBayou(_ envelope: BayouEnvelope) {
        switch envelope.message {
        case let .request(request):
            let sender = envelope.to
            var items: [AntiEntropyItem] = []
            replica(sender).forEachAntiEntropyItem(for: request) { items.append($0) }
            let writes = items.filter(\.carriesWrite).count
            let notices = items.count - writes - 1
            note(.bayou, "\(state.name(sender))→\(state.name(envelope.from)) anti-entropy: sending \(writes) write\(writes == 1 ? "" : "s") and \(notices) commit notice\(notices == 1 ? "" : "s") in log order", node: sender)
            for item in items {
                sendBayou(BayouEnvelope(from: sender, to: envelope.from, message: .item(item)))
            }
        case let .item(item):
            let before = replica(envelope.to)
            var replica = before
            let result = replica.receive(item)
            if case .endOfSession = result { replica.materialize() }
            replicas[envelope.to] = replica
            guard narrates else { return }
            let seen = item.arriving(at: before.versionVector, highestCSN: before.highestCSN)
            note(.bayou, "\(state.name(envelope.from))→\(state.name(envelope.to)) anti-entropy: \(seen.explanation(name: replicaName))\(describe(result))", node: envelope.to)
        }
    }

    /// A session message was never delivered: the session ends there (the receiver keeps
    /// the gap-free prefix it got).
    mutating func bayouSessionTimedOut(_ packet: Packet) {
        note(.bayou, "\(state.name(packet.from)): \(summary(packet)) to \(state.name(packet.to)) was not delivered → the anti-entropy session ends", node: packet.from)
    }

    private func describe(_ result: ReceiveResult) -> String {
        switch result {
        case let .inserted(_, rollback), let .committed(_, rollback):
            guard let rollback, rollback.undone > 0 else { return "" }
            return " → rolled back \(rollback.undone), redid \(rollback.redone)"
        case .alreadyKnown:
            return " (already known)"
        case let .rejected(reason):
            return " → rejected: \(reason)"
        case .endOfSession:
            return ""
        }
    }

    func describeBayou(_ envelope: BayouEnvelope) -> String {
        switch envelope.message {
        case .request: return "anti-entropy request"
        case let .item(item): return item.explanation(name: replicaName)
        }
    }
}

extension Simulation {
    /// Commit numbers lo…hi as a sentence says them: "CSN 3…6", "CSN 1" (not "CSN 1…1"),
    /// and "no CSN" for an empty range (a handoff cut off before anything arrived read
    /// "CSN 1…0").
    func csns(_ lo: UInt64, through hi: UInt64) -> String {
        if hi < lo { return "no CSN" }
        return lo == hi ? "CSN \(lo)" : "CSN \(lo)…\(hi)"
    }
}
