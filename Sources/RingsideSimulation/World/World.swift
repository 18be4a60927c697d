import Bayou
import RingsideInvariants
import Chord
import RingsideKernel

/// Everything a run knows: the Chord routing state, the Bayou replicas, the messages in
/// flight, virtual time and the one PRNG. A value: copying a World is a snapshot.
public struct World: Sendable {
    public internal(set) var chord: ChordProtocol
    public internal(set) var time: VirtualTime = 0
    public internal(set) var seed: UInt64
    var rng: SplitMix64
    /// The one way messages travel: ids, latency, loss, partitions, timers.
    var network = Network()
    /// Commands whose work is under way, and which one caused the work running now.
    var commands = RunningCommands()
    var currentCause = 0
    /// Each replica's committed prefix at the last `invariants`, so that command can tell
    /// that committed prefixes never change (CommittedPrefix).
    var invariantMonitor = InvariantMonitor()
    /// Structured events, recorded only when someone exports them.
    public internal(set) var eventLog = EventLog()
    public internal(set) var eagerJoin = false
    public internal(set) var primary: NodeIndex?
    /// Each node's Bayou replica, created at its first write or session.
    var replicas: [NodeIndex: Replica] = [:]
    /// The key-value store on the ring: settings, values, puts and gets under way.
    var kv = KeyValueState()
    public internal(set) var trace = TraceLog(capacity: Limits.eventsKept)
    /// An emptied array handed to every Chord delivery for its effects, so a delivery
    /// allocates no array (a reentrant delivery finds it taken and uses a fresh one).
    var chordEffectBuffer: [ChordEffect] = []
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

    /// True when nothing is in flight, no timer is pending and no work waits.
    public var isIdle: Bool { network.isQuiet && commands.isEmpty }

    /// How many messages are in flight (O(1), unlike `inFlight`).
    public var inFlightCount: Int { network.inFlightCount }

    /// The network's settings (latency, timeout, loss, partition).
    public var networkConfig: NetworkConfig { network.config }

    mutating func reseed(_ value: UInt64) {
        seed = value
        rng = SplitMix64(seed: value)
    }

    mutating func resetSpace(bits: Int) {
        var fresh = ChordProtocol(space: IdentifierSpace(bits: bits), successorListLength: chord.state.successorListLength)
        fresh.narrates = chord.narrates
        fresh.recordsLookupPaths = chord.recordsLookupPaths
        fresh.setMaintenance(chord.maintenance)
        fresh.iterativeLookups = chord.iterativeLookups
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
