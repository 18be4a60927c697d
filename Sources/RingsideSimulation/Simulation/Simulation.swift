import Bayou
import RingsideInvariants
import Chord
import RingsideKernel

/// The simulated system and nothing else: the Chord routing state, the Bayou replicas, the
/// key-value store, the messages in flight, virtual time and the one PRNG.
///
/// It knows no script: no line, no column, no queue of commands. Work is started for a
/// `cause` (a number its messages carry, as a trace context would) and each step reports
/// what it did to that cause's work (`StepReport`); whoever drives it (the `Interpreter`)
/// decides what runs next and when a cause's work is complete. A value: copying it is a
/// snapshot.
struct Simulation: Sendable {
    var chord: ChordProtocol
    var time: VirtualTime = 0
    var seed: UInt64
    var rng: SplitMix64
    /// The one way messages travel: ids, latency, loss, partitions, timers.
    var network = Network()
    /// The cause the work running now is done for: every message sent carries it.
    var cause = 0
    /// What the running step did to its cause's work, read back by `takeReport`.
    var ledger = StepReport()
    /// A drop whose event waits until the cause's completion has been handled (see `lose`).
    var deferredDrop: SimulationEvent?
    /// Each replica's committed prefix at the last `invariants`, so that command can tell
    /// that committed prefixes never change (CommittedPrefix).
    var invariantMonitor = InvariantMonitor()
    /// Structured events, recorded only when someone exports them.
    var eventLog = EventLog()
    var eagerJoin = false
    var primary: NodeIndex?
    /// Each node's Bayou replica, created at its first write or session.
    var replicas: [NodeIndex: Replica] = [:]
    /// The key-value store on the ring: settings, values, puts and gets under way.
    var kv = KeyValueState()
    var trace = TraceLog(capacity: Limits.eventsKept)
    /// An emptied array handed to every Chord delivery for its effects, so a delivery
    /// allocates no array (a reentrant delivery finds it taken and uses a fresh one).
    var chordEffectBuffer: [ChordEffect] = []

    static let defaultBits = 160
    static let defaultSuccessorListLength = 3

    init(seed: UInt64) {
        self.seed = seed
        rng = SplitMix64(seed: seed)
        chord = ChordProtocol(space: IdentifierSpace(bits: Simulation.defaultBits),
                              successorListLength: Simulation.defaultSuccessorListLength)
    }

    var space: IdentifierSpace { chord.space }
    var state: ChordState { chord.state }

    /// Whether protocol steps write their one-line explanations into `trace`. Headless
    /// runs without `--trace` turn it off: building the sentences costs more than the
    /// protocol itself. The outcome is the same either way.
    var narrates: Bool {
        get { chord.narrates }
        set { chord.narrates = newValue }
    }

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

    /// Draws a uniformly random identifier no node has (for "join a random node").
    mutating func randomFreeIdentifier() -> Identifier? {
        guard state.count < Limits.nodesMax else { return nil }
        for _ in 0..<1000 {
            let id = rng.identifier(in: space)
            if state.index(ofID: id) == nil { return id }
        }
        return nil
    }
}
