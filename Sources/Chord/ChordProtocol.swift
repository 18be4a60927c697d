import RingsideKernel

/// Every Chord node as a message-driven state machine: a message in, new state and
/// effects (messages to send, notes) out. No I/O, no clock: the world delivers messages.
public struct ChordProtocol: Sendable {
    public internal(set) var state: ChordState
    /// Routes started by `lookup`, oldest first.
    public internal(set) var lookups: [LookupRecord] = []
    /// When false, `lookup` keeps only hop counts (benchmarks at a million nodes).
    public var recordsLookupPaths = true
    /// When false, handlers skip building their one-line explanations (benchmarks).
    public var narrates = true
    /// `lookup-mode iterative`: `lookup` and store queries are driven by the asker, which
    /// contacts each node on the path itself (IterativeRouting.swift).
    public var iterativeLookups = false
    /// Hop count of the most recent finished `lookup` (also when paths are not recorded).
    public internal(set) var lastLookupHops = 0

    var queries = QueryTable()
    var nextQueryID: UInt64 = 1
    /// What each node is in the middle of (it waits for an answer to continue).
    var pending: [PendingKey: PendingOperation] = [:]
    /// The node each joined node entered through: its way back in when it is cut off
    /// (its whole successor list gone, no finger or predecessor left to fall back on).
    var joinedVia: [NodeIndex: NodeIndex] = [:]
    /// A leaver's successors not yet tried for its key hand-off, nearest first, until the
    /// hand-off is delivered or has nowhere left to go.
    var departures: [NodeIndex: [NodeIndex]] = [:]
    /// The ring-maintenance protocol (`maintenance original|zave`), and what Zave's keeps.
    public internal(set) var maintenance = Maintenance.original
    var zave = ZaveBookkeeping()

    public init(space: IdentifierSpace, successorListLength: Int) {
        state = ChordState(space: space, successorListLength: successorListLength)
    }

    public var space: IdentifierSpace { state.space }

    /// True when no node waits for an answer.
    public var isQuiescent: Bool { pending.isEmpty && queries.isEmpty && zave.waitsForNothing }

    /// A short label for a node in notes: its id when short, else its name.
    public func label(_ node: NodeIndex) -> String {
        let text = state.id(node).description
        return text.count <= 12 ? text : state.name(node)
    }

    public func label(_ id: Identifier) -> String {
        if let node = state.index(ofID: id) { return label(node) }
        let text = id.description
        return text.count <= 12 ? text : String(text.prefix(6)) + "…"
    }

    /// Direct access for the oracle `add` and for tests.
    public mutating func withState<T>(_ body: (inout ChordState) -> T) -> T {
        body(&state)
    }

    /// Delivers one message to its (live) recipient.
    public mutating func handle(_ envelope: ChordEnvelope) -> [ChordEffect] {
        var effects: [ChordEffect] = []
        handle(envelope, into: &effects)
        return effects
    }

    /// Delivers one message, appending its effects to `effects`: a caller that hands in
    /// the same emptied buffer every time allocates no array per message.
    /// The envelope is consumed: a borrowed one was destroyed by the caller afterwards
    /// through the message enum's outlined destroy, on every delivery.
    public mutating func handle(_ envelope: consuming ChordEnvelope, into effects: inout [ChordEffect]) {
        var out = Effects(narrates: narrates)
        swap(&out.effects, &effects)
        defer { swap(&out.effects, &effects) }
        let me = envelope.to
        let sender = envelope.from
        let message = (consume envelope).message
        switch consume message {
        case let .findSuccessor(ticket):
            route(ticket, at: me, arrivedFrom: sender, out: &out)
        case let .ownerReached(ticket):
            ownerReached(ticket, at: me, out: &out)
        case let .queryResult(query, owner, predecessor, hops):
            finishQuery(query, owner: owner, predecessor: predecessor, hops: hops, at: me, out: &out)
        case .getPredecessor:
            let reply = ChordMessage.predecessorIs(state.predecessor(me), successors: state.successorList(me))
            out.send(from: me, to: sender, reply)
        case let .predecessorIs(predecessor, successors):
            receivePredecessor(predecessor, successors: successors, from: sender, at: me, out: &out)
        case .notify:
            if maintenance == .zave {
                rectify(candidate: sender, at: me, out: &out)
            } else {
                notify(candidate: sender, at: me, out: &out)
            }
        case let .updateFingerTable(s, k):
            updateFingerTable(s: s, k: k, at: me, out: &out)
        case let .updateFingerTableDone(k):
            continueUpdateOthers(after: k, at: me, out: &out)
        case .setPredecessor:
            // Reply with the predecessor as it was: the joiner's "predecessor = successor.predecessor".
            let previous = state.predecessor(me)
            acceptPredecessor(sender, at: me, out: &out)
            out.send(from: me, to: sender, .predecessorIs(previous, successors: state.successorList(me)))
        case .ping:
            out.send(from: me, to: sender, .pong)
        case .pong:
            zaveRectifyPingAnswered(by: sender, at: me, out: &out)
            if pending.removeValue(forKey: PendingKey(me, .checkPredecessor)) != nil {
                out.note(me, "\(label(me)): predecessor \(label(sender)) answered ping → keep it")
            }
        case let .transferKeys(keys):
            state.addKeys(me, keys)
            // A departing node's hand-off (a `leave` under zave) is acknowledged by arriving.
            departures[sender] = nil
            out.note(me, "\(label(me)): received \(keys.count) key\(keys.count == 1 ? "" : "s") from \(label(sender))")
        case let .leaving(successors):
            leaving(sender, successors: successors, at: me, out: &out)
        case let .successorListUpdate(successors):
            successorListUpdated(sender, successors: successors, at: me, out: &out)
        case let .predecessorLeaving(newPredecessor, keys):
            predecessorLeaving(sender, newPredecessor: newPredecessor, keys: keys, at: me, out: &out)
        case let .nextHopQuery(ticket, asksOwner, avoiding):
            answerNextHop(ticket, asksOwner: asksOwner, avoiding: avoiding, at: me, out: &out)
        case let .nextHopReply(ticket, next, nextOwns, done):
            continueIterative(ticket, next: next, nextOwns: nextOwns, done: done, at: me, out: &out)
        }
    }
}

/// What the asker remembers of a query it started, until the answer comes.
struct Query: Sendable {
    var key: Identifier
    var origin: NodeIndex
    var mode: QueryMode
    var purpose: QueryPurpose
    /// Iterative routing: nodes this asker found dead during the query.
    var avoid: [NodeIndex] = []
}

/// Why a node asked, i.e. what it does with the answer.
enum QueryPurpose: Sendable {
    case lookupCommand(record: Int)
    case fixFinger(k: Int)
    case joinSuccessor
    case initFinger(k: Int)
    /// An eager join whose successor still names the joiner itself as its predecessor (a
    /// recovering node's former self): find_predecessor(n) instead.
    case initPredecessor
    case updateOthers(k: Int)
    /// A key-value store operation (put or get) looking for the key's owner.
    case store(operation: Int)
}

/// The kinds of operation a node can be in the middle of, one of each at a time.
enum PendingKind: UInt8, Sendable {
    case stabilize, checkPredecessor, fixFingers, join
}

struct PendingKey: Hashable, Sendable {
    var node: NodeIndex
    var kind: PendingKind

    init(_ node: NodeIndex, _ kind: PendingKind) {
        self.node = node
        self.kind = kind
    }
}

/// What a node waits for, with what it needs to continue.
enum PendingOperation: Sendable {
    case stabilize
    case checkPredecessor
    case fixFingers
    /// A join; `eager` selects the original paper's join over the stabilize-based one.
    case join(via: NodeIndex, eager: Bool)
}

/// Collects effects while a handler runs.
struct Effects {
    var effects: [ChordEffect] = []
    /// Notes are built only when someone reads them (not in million-lookup benchmarks).
    var narrates = true

    /// The message is consumed: senders build it in place, so it moves into the effect
    /// with no copy and no destroy of the original.
    mutating func send(from: NodeIndex, to: NodeIndex, _ message: consuming ChordMessage) {
        effects.append(.send(ChordEnvelope(from: from, to: to, message: consume message)))
    }

    mutating func note(_ node: NodeIndex, _ text: @autoclosure () -> String) {
        guard narrates else { return }
        effects.append(.note(node: node, text: text()))
    }
}
