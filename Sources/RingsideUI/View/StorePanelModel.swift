import RingsideKernel
import RingsideSimulation

/// What the store view shows, read from the model: the key (chosen with `K`, else the
/// newest put or get's), its replica set or preference list with each node's versions,
/// the hints stand-ins keep for it, and the quorum of the put or get under way with the
/// replies as they arrive.
struct StorePanelModel {
    /// One node of the replica set or preference list.
    struct Member: Equatable {
        var node: NodeIndexValue
        var name: String
        var isAlive: Bool
        /// Among the first N (the key's replicas); false for a Dynamo stand-in candidate.
        var isReplica: Bool
        var versions: [StoreVersionText]
        /// What it holds as a stand-in (hints for this key), by intended node's name.
        var hints: [(intended: String, value: StoreVersionText)]

        static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.node == rhs.node && lhs.versions == rhs.versions && lhs.isAlive == rhs.isAlive
                && lhs.isReplica == rhs.isReplica && lhs.hints.map(\.intended) == rhs.hints.map(\.intended)
        }
    }

    /// A store message of the operation: delivered, lost, or still on the wire.
    struct Reply: Equatable {
        enum State: String { case inFlight = "in flight", delivered, dropped }
        var message: UInt64
        var from: String
        var to: String
        var type: String
        var state: State
        /// What the receiver made of it (the event log's narration of the delivery).
        var text: String? = nil
    }

    var key: Identifier?
    /// True when `K` chose the key (else it follows the newest put or get).
    var isChosen = false
    var dynamo = false
    var replication = 1
    var writeQuorum = 1
    var readQuorum = 1
    var members: [Member] = []
    /// Nodes outside the list that still hold a version (stale copies, transfers).
    var others: [Member] = []
    var operation: StoreOperationText?
    var coordinatorName = ""

    /// What happened to the operation since its command: a message delivered or lost, or
    /// a line of narration (the coordinator counting acks and replies).
    enum Activity: Equatable {
        case message(Reply)
        case note(time: UInt64, text: String)
    }

    /// The newest put or get command (as written, `async` dropped), if the events still hold it.
    var command: String?
    /// The newest get's answer once it came (siblings in Dynamo mode; empty: nothing stored).
    var answer: [String]?
    var activity: [Activity] = []

    init(model: AppModel) {
        let world = model.world
        dynamo = world.isDynamoStore
        replication = world.replication
        (writeQuorum, readQuorum) = world.quorum
        isChosen = model.storeKey != nil
        let events = model.recentEvents.events
        let last = Self.lastCommand(in: events, world: world)
        guard let key = model.storeKey ?? last?.key ?? world.lastStoreKey ?? world.gets.last?.key else { return }
        self.key = key
        let snapshot = world.storeSnapshot(key: key)
        let versionsByNode = Dictionary(snapshot.copies.map { ($0.node, $0.versions) }, uniquingKeysWith: { $0 + $1 })
        let replicas = Set(snapshot.replicas)
        func member(_ node: NodeIndexValue) -> Member {
            Member(node: node, name: world.displayName(node), isAlive: world.state.isAlive(node),
                   isReplica: replicas.contains(node), versions: versionsByNode[node] ?? [],
                   hints: snapshot.hints.filter { $0.holder == node }.map { (world.displayName($0.intended), $0.value) })
        }
        members = snapshot.preferenceList.map(member)
        let listed = Set(snapshot.preferenceList)
        let holders = snapshot.copies.map(\.node) + snapshot.hints.map(\.holder)
        var seen = Set<NodeIndexValue>()
        others = holders.filter { !listed.contains($0) && seen.insert($0).inserted }.map(member)
        operation = snapshot.operation
        if let operation { coordinatorName = world.displayName(operation.coordinator) }
        if let last, last.key == key {
            command = last.text
            // The newest get record is this command's only if its coordinator is the one named.
            let words = last.text.split(separator: " ").map(String.init)
            if words.first == "get", let node = words.last, let get = world.gets.last, get.key == key, get.ok,
               world.commandReference(get.from) == node || world.state.name(get.from) == node {
                answer = get.values
            }
            activity = Self.activity(events[(last.index + 1)...], world: world, snapshot: snapshot)
        }
        for packet in snapshot.inFlight {
            activity.append(.message(Reply(message: packet.id, from: world.displayName(packet.from),
                                           to: world.displayName(packet.to), type: packet.type, state: .inFlight)))
        }
    }

    /// The newest `put` or `get` command among the events: where, its text and its key.
    static func lastCommand(in events: [SimulationEvent], world: World) -> (index: Int, text: String, key: Identifier)? {
        for index in events.indices.reversed() where events[index].kind == .command {
            guard let text = events[index].text else { continue }
            var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.first == "async" { words.removeFirst() }
            guard words.count >= 2, words[0] == "put" || words[0] == "get", let key = world.storeKey(words[1]) else { continue }
            return (index, words.joined(separator: " "), key)
        }
        return nil
    }

    /// Store messages delivered or lost, and narration, after the command (messages still on
    /// the wire are listed from the world instead).
    private static func activity(_ events: ArraySlice<SimulationEvent>, world: World, snapshot: StoreKeySnapshot) -> [Activity] {
        let types: Set<String> = ["store_put", "store_put_ack", "store_get", "store_get_reply", "store_handoff", "store_handoff_ack"]
        let onWire = Set(snapshot.inFlight.map(\.id))
        var result: [Activity] = []
        for event in events {
            switch event.kind {
            case .deliver, .drop:
                guard let type = event.type, types.contains(type), let msg = event.msg,
                      let from = event.from, let to = event.to, !onWire.contains(msg) else { continue }
                result.append(.message(Reply(message: msg, from: world.displayName(from), to: world.displayName(to),
                                             type: type, state: event.kind == .deliver ? .delivered : .dropped,
                                             text: event.text)))
            case .note:
                guard let text = event.text, event.node != nil else { continue }
                result.append(.note(time: UInt64(event.time), text: text))
            default:
                continue
            }
        }
        return result
    }

    /// The replies and acks delivered so far, the messages lost, and those on the wire.
    var replies: [Reply] {
        activity.compactMap { if case let .message(reply) = $0 { reply } else { nil } }
    }

    /// "N=3 W=2 R=2" and the mode.
    var settings: String {
        "\(dynamo ? "dynamo" : "strict") N=\(replication) W=\(writeQuorum) R=\(readQuorum)"
    }
}
