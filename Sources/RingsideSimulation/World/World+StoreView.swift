import Chord
import RingsideKernel
import RingsideStore

/// One stored version of a key as a viewer shows it: the value and its version, strict
/// `(time,N8)` or a Dynamo vector clock `[A:1, B:1]`.
public struct StoreVersionText: Sendable, Hashable {
    public var value: String
    public var version: String
}

/// A hint a stand-in holds for an unreachable node of the key's preference list.
public struct StoreHintText: Sendable, Hashable {
    public var holder: NodeIndex
    public var intended: NodeIndex
    public var value: StoreVersionText
}

/// The latest put or get of a key at its coordinator, with its quorum count.
public struct StoreOperationText: Sendable, Hashable {
    public var id: Int
    public var isPut: Bool
    public var coordinator: NodeIndex
    /// The value a put writes (with its version), or nil for a get.
    public var value: StoreVersionText?
    /// W for a put, R for a get.
    public var needed: Int
    public var asked: Int
    public var replies: Int
    public var silent: Int
    /// "pending", "succeeded" or "failed".
    public var outcome: String
    /// A finished get's answer (siblings in Dynamo mode).
    public var answer: [String]
}

/// A store message on the wire for the key (its put or get, a reply, a handoff).
public struct StorePacketText: Sendable, Hashable {
    public var id: UInt64
    public var from: NodeIndex
    public var to: NodeIndex
    public var type: String
    public var summary: String
}

/// Everything the store panel shows about one key, read from the world at once.
public struct StoreKeySnapshot: Sendable {
    public var key: Identifier
    public var dynamo: Bool
    public var replication: Int
    public var writeQuorum: Int
    public var readQuorum: Int
    /// Strict: the live successors holding the key. Dynamo: the preference list's first N.
    public var replicas: [NodeIndex]
    /// Dynamo: the whole preference list (stand-ins come from its tail); strict: `replicas`.
    public var preferenceList: [NodeIndex]
    /// Every node holding a version of the key, with those versions, in ascending node id.
    public var copies: [(node: NodeIndex, versions: [StoreVersionText])]
    public var hints: [StoreHintText]
    public var operation: StoreOperationText?
    public var inFlight: [StorePacketText]
}

/// Read-only views of the key-value store for the TUI's store panel.
extension World {
    /// Whether the store runs in Dynamo mode.
    public var isDynamoStore: Bool { kv.dynamo }

    /// Whether any stand-in holds a hint (what play mode's periodic handoff waits for).
    public var holdsHints: Bool { kv.hints.values.contains { !$0.isEmpty } }

    /// The key of the newest put or get, if any.
    public var lastStoreKey: Identifier? {
        kv.operations[kv.nextOperation - 1]?.key
    }

    /// A key as a command writes it: a decimal id, else a word hashed onto the ring (nil if
    /// neither fits the identifier space).
    public func storeKey(_ text: String) -> Identifier? {
        if let id = Identifier(decimal: text) { return space.contains(id) ? id : nil }
        guard let first = text.first, !first.isNumber, first != "+", first != "-", !text.isEmpty else { return nil }
        return space.hash(text)
    }

    /// What the store panel shows for `key`.
    public func storeSnapshot(key: Identifier) -> StoreKeySnapshot {
        let sim = simulation
        let dynamo = kv.dynamo
        let preference: [NodeIndex]
        let replicas: [NodeIndex]
        if dynamo {
            preference = sim.preferenceList(ofKey: key)
            replicas = Array(preference.prefix(kv.replication))
        } else {
            replicas = sim.replicaSet(ofKeyAt: key)
            preference = replicas
        }
        var copies: [(node: NodeIndex, versions: [StoreVersionText])] = []
        var hints: [StoreHintText] = []
        for node in state.allNodesByID() {
            var versions: [StoreVersionText] = []
            if let held = kv.replicas[node]?[key] {
                versions.append(StoreVersionText(value: held.value, version: sim.describe(held.version)))
            }
            for value in kv.siblings[node]?[key] ?? [] {
                versions.append(StoreVersionText(value: value.value, version: value.clock.description))
            }
            if !versions.isEmpty { copies.append((node, versions)) }
            for hint in sim.hints(at: node) where hint.key == key {
                hints.append(StoreHintText(holder: node, intended: hint.intended,
                                           value: StoreVersionText(value: hint.value.value, version: hint.value.clock.description)))
            }
        }
        var operation: StoreOperationText?
        var latest: Int?
        for id in stride(from: kv.nextOperation - 1, through: 1, by: -1) where kv.operations[id]?.key == key {
            latest = id
            break
        }
        if let id = latest, let op = kv.operations[id] {
            var value: StoreVersionText?
            var answer: [String] = []
            switch op.kind {
            case let .put(v): value = StoreVersionText(value: v.value, version: sim.describe(v.version))
            case let .dynamoPut(v): value = StoreVersionText(value: v.value, version: v.clock.description)
            case let .get(record, _), let .dynamoGet(record, _):
                if record < kv.gets.count { answer = kv.gets[record].values }
            }
            let outcome: String = switch op.quorum.outcome {
            case .pending: "pending"
            case .succeeded: "succeeded"
            case .failed: "failed"
            }
            operation = StoreOperationText(
                id: id, isPut: op.isPut, coordinator: op.coordinator, value: value, needed: op.quorum.needed,
                asked: op.quorum.asked, replies: op.quorum.replies, silent: op.quorum.silent,
                outcome: outcome, answer: answer)
        }
        var inFlight: [StorePacketText] = []
        for packet in sim.network.inFlight.prefix(512) {
            guard case let .store(message) = packet.payload,
                  Self.concerns(message, key: key, operation: latest, keyOf: { kv.operations[$0]?.key }) else { continue }
            inFlight.append(StorePacketText(id: UInt64(packet.id), from: packet.from, to: packet.to,
                                            type: message.typeName, summary: sim.summary(packet)))
        }
        return StoreKeySnapshot(
            key: key, dynamo: dynamo, replication: kv.replication, writeQuorum: kv.writeQuorum,
            readQuorum: kv.readQuorum, replicas: replicas, preferenceList: preference, copies: copies,
            hints: hints, operation: operation, inFlight: inFlight)
    }

    /// Whether a store message on the wire is about `key`: every put or get of it (an
    /// earlier operation's too: reverse-order-k14's older put to N3, the message its caption
    /// is about, was left off while the newer put was the latest), and the replies of its
    /// operations still open.
    private static func concerns(_ message: StoreMessage, key: Identifier, operation: Int?,
                                 keyOf: (Int) -> Identifier?) -> Bool {
        switch message {
        case let .put(_, k, _), let .get(_, k), let .dynamoPut(_, k, _, _):
            k == key
        case let .putAck(id), let .getReply(id, _), let .dynamoGetReply(id, _):
            id == operation || keyOf(id) == key
        case let .transfer(k, _), let .handoff(k, _), let .handoffAck(k, _),
             let .dynamoTransfer(k, _), let .dynamoTransferAck(k, _):
            k == key
        case .merkleHashes, .merkleDiffer:
            false
        }
    }
}
