import Chord
import RingsideKernel

/// One transition of the explored system. Each is a few script lines, so a path of them is
/// a script `ringside run` replays exactly.
public struct ExploreMove: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// `async stabilize|check-predecessor|fix-fingers NODE` (a = node id, b = operation).
        case start
        /// `deliver mID` (a = message id).
        case deliver
        /// Every pending transport timer fires (only when no message is in flight).
        case fireTimers
        /// `fail NODE` (a = node id).
        case fail
        /// `async join ID via NODE` (a = joiner id, b = entry node id).
        case join
    }

    public var kind: Kind
    public var a: UInt64
    public var b: UInt64
    /// Messages to crashed nodes lost right after the move (`deliver mID` of each): the
    /// loss is invisible until the timers fire, so it is done at once (a reduction).
    public var losses: [UInt64] = []

    public static let operations = ["stabilize", "check-predecessor", "fix-fingers"]
}

/// A state of the explored system: the world (a value, so a copy is a snapshot), the fault
/// budget used so far, and the messages whose transport timers are pending.
struct ExploreState: Sendable {
    var world: World
    var failuresUsed = 0
    var joinsUsed = 0
    /// Messages lost at crashed nodes whose timers have not fired, in send order (the
    /// network keeps them out of sight).
    var lost: [Packet] = []
    /// Every join so far: the joiner and the id of its entry node.
    var joins: [(joiner: NodeIndex, via: UInt64)] = []
}

/// Why the explorer cannot go on (a bug in the model or the engine, never a user error).
public struct ExploreError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension ExploreState {
    var state: ChordState { world.state }

    func idText(_ node: NodeIndex) -> String { state.id(node).description }

    /// The script lines of a move, without its losses.
    func lines(of move: ExploreMove) -> [String] {
        switch move.kind {
        case .start: ["async \(ExploreMove.operations[Int(move.b)]) \(move.a)"]
        case .deliver: ["deliver m\(move.a)"]
        case .fireTimers: clockLines()
        case .fail: ["fail \(move.a)"]
        case .join: ["async join \(move.a) via \(move.b)"]
        }
    }

    /// A one-way Bayou session between two live nodes: it carries a request and one reply
    /// (latency 1 each) while every pending timer (timeout 2, set when nothing else is in
    /// flight) comes due before the reply; what the timers' handlers send arrives only
    /// after it, so they stay in flight for the explorer to order. Chord never sees it.
    func clockLines() -> [String] {
        let live = state.liveRing.nodes
        return ["sync \(idText(live[0])) -> \(idText(live[1]))"]
    }

    /// Whether every live node has some successor (a joiner between its join and the
    /// answer to its lookup has none: Chord's invariants are not judged in such a state,
    /// as a joiner in Zave's model has its successor from the start).
    var everyLiveNodeLinked: Bool {
        state.liveRing.nodes.allSatisfy { state.successor($0) != nil && !world.chord.isJoining($0) }
    }

    /// Entry nodes of joins in progress: they do not crash until the join ends (in Zave's
    /// model the join's lookup is one atomic step; here a joiner whose entry node dies
    /// before answering knows no one else and would call itself a ring of one).
    var pinnedEntries: Set<UInt64> {
        Set(joins.filter { world.chord.isJoining($0.joiner) }.map(\.via))
    }

    /// Runs one script line on the world.
    mutating func run(_ line: String) throws(ExploreError) {
        do {
            guard let statement = try Parser.parse(line: Substring(line), number: 1) else { return }
            _ = try world.execute(statement)
        } catch {
            throw ExploreError("`\(line)`: \(error.message)")
        }
    }

    /// Applies a move (its lines, then the losses it causes); returns the move with its
    /// losses filled in.
    mutating func apply(_ move: ExploreMove) throws(ExploreError) -> ExploreMove {
        var move = move
        switch move.kind {
        case .fireTimers:
            for line in lines(of: move) { try run(line) }
            lost = []
        case .fail:
            try run("fail \(move.a)")
            failuresUsed += 1
        case .join:
            try run("async join \(move.a) via \(move.b)")
            joinsUsed += 1
            if let joiner = state.index(ofID: Identifier(move.a)) { joins.append((joiner, move.b)) }
        case .start, .deliver:
            for line in lines(of: move) { try run(line) }
        }
        move.losses = try loseMessagesToCrashedNodes()
        let pending = world.simulation.network.pendingTimerCount
        guard pending == lost.count else {
            throw ExploreError("the model expected \(lost.count) pending timer(s), the network has \(pending)")
        }
        return move
    }

    /// Delivers (and so loses) every in-flight message whose receiver has crashed.
    private mutating func loseMessagesToCrashedNodes() throws(ExploreError) -> [UInt64] {
        var ids: [UInt64] = []
        for packet in world.simulation.network.inFlight where !state.isAlive(packet.to) {
            lost.append(packet)
            try run("deliver m\(packet.id)")
            ids.append(packet.id)
        }
        return ids
    }

    // MARK: Transitions

    /// Every move enabled now, in a fixed order (by kind, then node id).
    func moves(_ settings: ExploreSettings) -> [ExploreMove] {
        var result: [ExploreMove] = []
        let live = state.liveRing.nodes
        let chord = world.chord
        let mayStart = world.commands.entries.count < settings.concurrency
        for node in live where mayStart && state.successor(node) != nil {
            let id = state.id(node).w0
            if !chord.isStabilizing(node) { result.append(ExploreMove(kind: .start, a: id, b: 0)) }
            // check_predecessor changes nothing while the predecessor is alive (ping, pong):
            // it starts only once the predecessor has crashed. (A ping sent just before the
            // crash is lost just as one sent after it.)
            if settings.runsCheckPredecessor, !chord.isCheckingPredecessor(node),
               let p = state.predecessor(node), p != node, !state.isAlive(p) {
                result.append(ExploreMove(kind: .start, a: id, b: 1))
            }
            if settings.fixFingers, !chord.isFixingFingers(node) { result.append(ExploreMove(kind: .start, a: id, b: 2)) }
        }
        let inFlight = world.simulation.network.inFlight
        var heads = Set<UInt64>()
        for packet in inFlight.sorted(by: { $0.id < $1.id }) {
            let channel = UInt64(UInt32(bitPattern: packet.from)) << 32 | UInt64(UInt32(bitPattern: packet.to))
            if !settings.anyOrder {
                guard heads.insert(channel).inserted else { continue }
            }
            result.append(ExploreMove(kind: .deliver, a: packet.id, b: 0))
        }
        if inFlight.isEmpty, !lost.isEmpty, live.count >= 2 {
            result.append(ExploreMove(kind: .fireTimers, a: 0, b: 0))
        }
        if failuresUsed < settings.failures {
            let pinned = pinnedEntries
            for node in live where state.crashKeepsZaveAssumptions(node) && !pinned.contains(state.id(node).w0) {
                result.append(ExploreMove(kind: .fail, a: state.id(node).w0, b: 0))
            }
        }
        if mayStart, joinsUsed < settings.joins {
            let entries = live.filter { chord.isMember($0) && !chord.isJoining($0) && state.successor($0) != nil }
            for id in settings.joinerIDs where state.index(ofID: Identifier(id)) == nil {
                for entry in entries {
                    result.append(ExploreMove(kind: .join, a: id, b: state.id(entry).w0))
                }
            }
        }
        return result
    }

    /// The node a move acts at, if it acts at one node only (a start or a delivery);
    /// nil for moves that touch the whole system (timers, crashes, joins).
    func actor(of move: ExploreMove) -> UInt64? {
        switch move.kind {
        case .start: return move.a
        case .deliver:
            guard let packet = world.simulation.network.inFlight.first(where: { $0.id == move.a }) else { return nil }
            return state.id(packet.to).w0
        case .fireTimers, .fail, .join: return nil
        }
    }
}
