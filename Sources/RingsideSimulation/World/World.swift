import Bayou
import Chord
import RingsideKernel

/// Everything a run knows: the Chord routing state, the Bayou replicas, the messages in
/// flight, virtual time and the one PRNG. A value: copying a World is a snapshot.
public struct World: Sendable {
    public internal(set) var chord: ChordProtocol
    public internal(set) var time: VirtualTime = 0
    public internal(set) var seed: UInt64
    var rng: SplitMix64
    var queue = EventQueue<WorldMessage>()
    /// Per-channel delivery time of the last message, for channels that must stay FIFO.
    var channelClock: [Channel: VirtualTime] = [:]
    public internal(set) var eagerJoin = false
    public internal(set) var primary: NodeIndex?
    /// Each node's Bayou replica, created at its first write or session.
    var replicas: [NodeIndex: Replica] = [:]
    /// Work waiting to start, oldest first; a command's messages all finish before the next.
    var actions: [Action] = []
    var actionHead = 0
    public internal(set) var trace = TraceLog(capacity: Limits.eventsKept)
    public internal(set) var eventLog = EventLog()
    /// Where the running command was written, for errors raised while it runs.
    var origin = (line: 0, column: 0)

    public static let defaultBits = 160
    public static let defaultSuccessorListLength = 3

    public init(seed: UInt64 = 0) {
        self.seed = seed
        rng = SplitMix64(seed: seed)
        chord = ChordProtocol(space: IdentifierSpace(bits: World.defaultBits),
                              successorListLength: World.defaultSuccessorListLength)
    }

    public var space: IdentifierSpace { chord.space }
    public var state: ChordState { chord.state }

    /// True when nothing is in flight and no work waits: the last command has finished.
    public var isIdle: Bool { queue.isEmpty && actionHead >= actions.count }

    /// How many messages are in flight (O(1), unlike `inFlight`).
    public var inFlightCount: Int { queue.count }

    mutating func reseed(_ value: UInt64) {
        seed = value
        rng = SplitMix64(seed: value)
    }

    mutating func resetSpace(bits: Int) {
        var fresh = ChordProtocol(space: IdentifierSpace(bits: bits), successorListLength: chord.state.successorListLength)
        fresh.narrates = chord.narrates
        fresh.recordsLookupPaths = chord.recordsLookupPaths
        chord = fresh
    }

    mutating func setSuccessorListLength(_ r: Int) {
        chord.withState { $0.setSuccessorListLength(r) }
    }

    mutating func withChord<T>(_ body: (inout ChordProtocol) -> T) -> T {
        body(&chord)
    }

    /// Whether protocol steps write their one-line explanations into `trace`. Headless
    /// runs without `--trace` turn it off: building the sentences costs more than the
    /// protocol itself. The outcome is the same either way.
    public var narrates: Bool {
        get { chord.narrates }
        set { chord.narrates = newValue }
    }

    /// Draws a uniformly random identifier no node has (for "join a random node").
    public mutating func randomFreeIdentifier() -> Identifier? {
        guard state.count < Limits.nodesMax else { return nil }
        for _ in 0..<1000 {
            let id = rng.identifier(in: space)
            if state.index(ofID: id) == nil { return id }
        }
        return nil
    }
}

/// A directed pair of nodes; messages on some channels are delivered in order.
struct Channel: Hashable, Sendable {
    var from: NodeIndex
    var to: NodeIndex
}
