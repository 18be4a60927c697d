import Chord
import RingsideKernel
import RingsideStore

/// Dynamo mode (script.md, `store-mode dynamo`; DeCandia et al. 2007 and the lecture):
/// zero-hop routing from membership, preference lists over tokens, sloppy quorums and
/// vector clocks. The puts and gets here reuse the strict store's operations and quorum
/// counting; only how replicas are chosen and how versions compare differ.
extension Simulation {
    var storeModeName: String { kv.dynamo ? "dynamo" : "strict" }

    // MARK: Settings

    /// The two modes' versions do not mix (a timestamp says nothing about a vector clock),
    /// so the mode changes only while nothing is stored and no put or get is under way.
    mutating func setStoreMode(dynamo: Bool) throws(SimulationError) {
        guard dynamo != kv.dynamo else { return }
        guard !kv.holdsAnything, kv.open.isEmpty else {
            let holders = state.allNodesByID().filter { kv.replicas[$0]?.isEmpty == false || kv.siblings[$0]?.isEmpty == false || kv.hints[$0]?.isEmpty == false }
            throw SimulationError("store-mode can only change while the key-value store is empty (strict versions and vector clocks do not mix); values are held by \(holders.map { state.name($0) }.joined(separator: " "))")
        }
        kv.dynamo = dynamo
        storeEpochChanged()
        note(.command, dynamo
            ? "store-mode dynamo: zero-hop routing, sloppy quorums over preference lists, vector clocks, hinted handoff"
            : "store-mode strict: replica sets of live successors, versions (time, node), newest wins")
    }

    mutating func setVnodes(_ count: Int) throws(SimulationError) {
        guard kv.dynamo else {
            throw SimulationError("vnodes is a Dynamo setting: give store-mode dynamo first")
        }
        kv.vnodes = count
        note(.command, "nodes added from now on take \(count) tokens on the ring: hash(NAME/1) … hash(NAME/\(count))")
    }

    /// A node added or joined now takes `vnodes` tokens (when more than one).
    mutating func assignTokens(_ node: NodeIndex) {
        guard kv.dynamo, kv.vnodes > 1 else { return }
        let name = state.name(node)
        kv.tokens[node] = (1...kv.vnodes).map { space.hash("\(name)/\($0)") }
    }

    /// A node's ring positions: its tokens, or its id.
    func tokens(of node: NodeIndex) -> [Identifier] {
        kv.tokens[node] ?? [state.id(node)]
    }

    /// Whether dumps list tokens (state.md: Dynamo mode with vnodes > 1).
    var listsTokens: Bool { kv.dynamo && kv.vnodes > 1 }

    // MARK: Preference lists

    /// Every member's tokens in ring order (ties by node id). Membership is every node
    /// ever added that has not left: a crashed node is still a member (Dynamo treats an
    /// outage as temporary), which is what makes the quorum sloppy when it is skipped.
    func tokenRing() -> [(token: Identifier, node: NodeIndex)] {
        var ring: [(token: Identifier, node: NodeIndex)] = []
        for node in state.allNodesByID() where !kv.departed.contains(node) {
            for token in tokens(of: node) { ring.append((token, node)) }
        }
        return ring.sorted { $0.token != $1.token ? $0.token < $1.token : state.id($0.node) < state.id($1.node) }
    }

    /// The key's preference list: walking the tokens clockwise from the key, every member
    /// once (a node already in the list is skipped). Its first N are the key's replicas.
    func preferenceList(ofKey key: Identifier) -> [NodeIndex] {
        preferenceList(from: key, ring: tokenRing())
    }

    func preferenceList(from key: Identifier, ring: [(token: Identifier, node: NodeIndex)]) -> [NodeIndex] {
        guard !ring.isEmpty else { return [] }
        let start = ring.firstIndex { $0.token >= key } ?? 0
        var list: [NodeIndex] = []
        for step in 0..<ring.count {
            let node = ring[(start + step) % ring.count].node
            if !list.contains(node) { list.append(node) }
        }
        return list
    }

    /// Up and reachable from `from` (its own messages need no network).
    func reachable(_ node: NodeIndex, from: NodeIndex) -> Bool {
        state.isAlive(node) && (node == from || canReach(from, node))
    }

    /// The sloppy quorum's targets: the first `count` reachable nodes of the preference
    /// list; each one beyond the first N positions stands in for an unreachable node among
    /// the first N (in list order), and keeps a hint naming it.
    func sloppyTargets(key: Identifier, from: NodeIndex, count: Int) -> (list: [NodeIndex], targets: [(node: NodeIndex, hintFor: NodeIndex?)]) {
        let list = preferenceList(ofKey: key)
        let intended = Array(list.prefix(kv.replication))
        var missing = intended.filter { !reachable($0, from: from) }
        var targets: [(node: NodeIndex, hintFor: NodeIndex?)] = []
        for node in list where targets.count < count && reachable(node, from: from) {
            let standsIn = !intended.contains(node) && !missing.isEmpty
            targets.append((node, standsIn ? missing.removeFirst() : nil))
        }
        return (list, targets)
    }

    // MARK: Put and get

    /// The coordinator gives the version its clock (the context, NODE's entry incremented)
    /// and writes to the first N reachable nodes of the preference list.
    mutating func performDynamoPut(key: Identifier, value: String, from: NodeIndex, cause: Int) {
        guard state.isAlive(from) else { return }
        let name = state.name(from)
        // script.md: the context is NODE's last get of the key (empty without one), and the
        // coordinator increments its own entry of it. Two puts from one node without a get
        // between them carry the same clock; a replica keeps the later (SiblingStore).
        let context = kv.contexts[from]?[key] ?? VectorClock()
        kv.putsIssued += 1
        let version = ClockedValue(value: value, clock: context.setting(name, to: context[name] + 1), put: kv.putsIssued)
        let id = openOperation(StoreOperation(kind: .dynamoPut(version), key: key, coordinator: from, cause: cause,
                                              quorum: QuorumCount(needed: kv.writeQuorum), keyText: "", nodeText: ""))
        let (list, targets) = sloppyTargets(key: key, from: from, count: kv.replication)
        kv.operations[id]?.exact = targets.map(\.node) == Array(list.prefix(kv.replication))
        if narrates {
            note(.store, "\(chord.label(from)): put(\(chord.label(key)), \(value)) with context \(context) → clock \(version.clock) (\(name) increments its own entry)", node: from)
            note(.store, "\(chord.label(from)): \(describeSloppy(list, targets, from: from, what: "write to")) (W=\(kv.writeQuorum))", node: from)
        }
        for target in targets {
            if target.node == from {
                storeDynamo(at: from, key: key, value: version, hintFor: target.hintFor)
                putAcknowledged(id, by: from)
            } else {
                send(from: from, to: target.node, .store(.dynamoPut(operation: id, key: key, value: version, hintFor: target.hintFor)))
            }
        }
        startQuorum(id, asking: targets.count)
    }

    /// The coordinator asks the first R reachable nodes of the preference list.
    mutating func performDynamoGet(key: Identifier, from: NodeIndex, keyText: String, nodeText: String, cause: Int) {
        guard state.isAlive(from) else { return }
        kv.gets.append(GetRecord(key: key, from: from))
        let id = openOperation(StoreOperation(kind: .dynamoGet(record: kv.gets.count - 1, replies: []), key: key, coordinator: from,
                                              cause: cause, quorum: QuorumCount(needed: kv.readQuorum), keyText: keyText, nodeText: nodeText))
        let (list, targets) = sloppyTargets(key: key, from: from, count: kv.readQuorum)
        kv.operations[id]?.exact = targets.map(\.node) == Array(list.prefix(kv.readQuorum))
        if narrates { note(.store, "\(chord.label(from)): get(\(chord.label(key))): \(describeSloppy(list, targets, from: from, what: "ask")) (R=\(kv.readQuorum))", node: from) }
        for target in targets {
            if target.node == from {
                dynamoGetReplied(id, by: from, values: heldVersions(at: from, key: key))
            } else {
                send(from: from, to: target.node, .store(.get(operation: id, key: key)))
            }
        }
        startQuorum(id, asking: targets.count)
    }

    /// Counts the requests (after the coordinator's own reply, so a failure says how many
    /// replies there were); with too few reachable nodes the operation fails at once.
    private mutating func startQuorum(_ id: Int, asking count: Int) {
        guard var operation = kv.operations[id], operation.quorum.outcome == .pending else { return }
        operation.quorum.asking(count)
        if count == 0 { _ = operation.quorum.abandon() }
        kv.operations[id] = operation
        guard operation.quorum.outcome == .failed else { return }
        if operation.isPut { finishPut(id, succeeded: false) } else { finishGet(id) }
    }

    /// "preference list of K14: B, C, D, E; C, D unreachable → sloppy quorum: write to B,
    /// E (hint for C)".
    private func describeSloppy(_ list: [NodeIndex], _ targets: [(node: NodeIndex, hintFor: NodeIndex?)], from: NodeIndex, what: String) -> String {
        let shown = list.prefix(max(kv.replication, targets.count) + 2).map { chord.label($0) }.joined(separator: ", ")
        let skipped = list.prefix(kv.replication).filter { !reachable($0, from: from) }.map { chord.label($0) }
        let chosen = targets.map { t in chord.label(t.node) + (t.hintFor.map { " (hint for \(chord.label($0)))" } ?? "") }
        let head = "preference list \(shown)\(list.count > max(kv.replication, targets.count) + 2 ? ", …" : "")"
        let sloppy = skipped.isEmpty ? "" : "; \(skipped.joined(separator: ", ")) unreachable → sloppy quorum"
        return "\(head)\(sloppy): \(what) \(chosen.isEmpty ? "nobody" : chosen.joined(separator: ", "))"
    }

    /// A node's versions of a key: its siblings and what it keeps as a stand-in.
    func heldVersions(at node: NodeIndex, key: Identifier) -> [ClockedValue] {
        let hinted = (kv.hints[node] ?? []).filter { $0.key == key }.map(\.value)
        return reconcile((kv.siblings[node]?[key] ?? []) + hinted)
    }

    /// A replica receives a version: a stand-in keeps it as a hint, any other node among
    /// its siblings (replacing those it descends from).
    mutating func storeDynamo(at node: NodeIndex, key: Identifier, value: ClockedValue, hintFor: NodeIndex?) {
        if let intended = hintFor {
            addHint(Hint(intended: intended, key: key, value: value), at: node)
            if narrates { note(.store, "\(chord.label(node)): keep \(value.value) \(value.clock) for \(chord.label(intended)), with a hint (\(chord.label(intended)) is unreachable) → ack", node: node) }
            return
        }
        let before = kv.siblings[node]?[key] ?? []
        let changed = kv.siblings[node, default: SiblingStore()].accept(key, value)
        if changed { storeChanged(at: node) }
        guard narrates else { return }
        note(.store, "\(chord.label(node)): \(chord.label(key)) = \(value.value) \(value.clock): \(describeMerge(before, into: kv.siblings[node]?[key] ?? [], incoming: value))", node: node)
    }

    /// How a replica's siblings changed, in the lecture's words.
    func describeMerge(_ before: [ClockedValue], into after: [ClockedValue], incoming: ClockedValue) -> String {
        if before.isEmpty { return "stored" }
        if after == before {
            if before.contains(where: { $0.clock == incoming.clock && $0 != incoming }) {
                return "\(describe(before)) has its clock and was put later → keep mine"
            }
            return "\(describe(before)) already descends from it → keep mine"
        }
        let replaced = before.filter { !after.contains($0) }
        let older = replaced.filter { $0.clock != incoming.clock }, sameClock = replaced.filter { $0.clock == incoming.clock }
        let kept = before.filter { after.contains($0) }
        let concurrent = kept
        var parts: [String] = []
        if !older.isEmpty { parts.append("descends from \(describe(older)) → replaces \(older.count == 1 ? "it" : "them")") }
        if !sameClock.isEmpty {
            parts.append("same clock as \(describe(sameClock)) (a second put with no get between) → the later put replaces it")
        }
        if !concurrent.isEmpty { parts.append("concurrent with \(describe(concurrent)) → kept side by side as siblings") }
        return parts.joined(separator: "; ")
    }

    func describe(_ versions: [ClockedValue]) -> String {
        versions.map { "\($0.value) \($0.clock)" }.joined(separator: ", ")
    }

    mutating func dynamoGetReplied(_ id: Int, by replica: NodeIndex, values: [ClockedValue]) {
        guard var operation = kv.operations[id], case .dynamoGet(let record, var replies) = operation.kind else { return }
        guard operation.quorum.outcome == .pending else {
            if narrates { note(.store, "\(chord.label(operation.coordinator)): late reply from \(chord.label(replica)) ignored (the get has answered)", node: operation.coordinator) }
            return
        }
        if narrates { note(.store, "\(chord.label(operation.coordinator)): \(chord.label(replica)) holds \(values.isEmpty ? "nothing" : describe(values))", node: operation.coordinator) }
        replies.append(values)
        operation.kind = .dynamoGet(record: record, replies: replies)
        let completes = operation.quorum.reply()
        kv.operations[id] = operation
        if completes { finishGet(id) }
    }

    /// The get answers with every version no other one descends from (siblings, sorted by
    /// value); their merged clock becomes the coordinator's context for its next put.
    mutating func finishDynamoGet(_ id: Int) {
        guard let operation = kv.operations[id], case let .dynamoGet(record, replies) = operation.kind else { return }
        kv.open.removeAll { $0 == id }
        let head = "get \(operation.keyText) from \(operation.nodeText)"
        let line: String
        let node = operation.coordinator
        if operation.quorum.outcome == .succeeded {
            let answer = reconcile(replies.flatMap { $0 })
            judgeRead(operation, answer: answer)
            kv.gets[record].values = answer.map(\.value)
            kv.gets[record].ok = true
            let context = answer.reduce(VectorClock()) { $0.merged(with: $1.clock) }
            kv.contexts[node, default: [:]][operation.key] = context
            line = "\(head) = \(answer.isEmpty ? "(none)" : answer.map(\.value).joined(separator: " | "))"
            if narrates {
                let verdict = answer.count > 1
                    ? "concurrent versions \(describe(answer)): no clock descends from another → return all as siblings; the client reconciles"
                    : answer.isEmpty ? "nothing stored" : "\(describe(answer)) (any other reply is an ancestor → discarded)"
                note(.store, "\(chord.label(node)): \(replies.count) of R=\(operation.quorum.needed) replies → \(verdict); context \(context) for \(chord.label(node))'s next put", node: node)
            }
        } else {
            line = "\(head) failed (\(operation.quorum.replies) of \(operation.quorum.needed) replies)"
            note(.store, "\(chord.label(node)): \(line)", node: node)
        }
        kv.reports.append(.line(line))
    }

    /// What `node` holds in Dynamo mode, keys in increasing order.
    func storedSiblings(_ node: NodeIndex) -> [(key: Identifier, values: [ClockedValue])] {
        guard let store = kv.siblings[node] else { return [] }
        return store.sortedKeys.map { ($0, store[$0]) }
    }
}
