import Bayou
import RingsideInvariants
import Chord
import RingsideKernel

/// A run: the simulated system (`Simulation`) and the script interpreter that drives it
/// (`Interpreter`). A value: copying a World is a snapshot.
///
/// The accessors forward to the two halves, so that viewers, exports and tests use a
/// world as they always have.
public struct World: Sendable {
    var simulation: Simulation
    var interpreter = Interpreter()

    public static let defaultBits = Simulation.defaultBits
    public static let defaultSuccessorListLength = Simulation.defaultSuccessorListLength

    public init(seed: UInt64 = 0) {
        simulation = Simulation(seed: seed)
    }

    public var chord: ChordProtocol { simulation.chord }
    public var time: VirtualTime { simulation.time }
    public var seed: UInt64 { simulation.seed }
    public internal(set) var eventLog: EventLog {
        get { simulation.eventLog }
        _modify { yield &simulation.eventLog }
    }
    public var eagerJoin: Bool { simulation.eagerJoin }
    public internal(set) var primary: NodeIndex? {
        get { simulation.primary }
        _modify { yield &simulation.primary }
    }
    public var trace: TraceLog { simulation.trace }
    var replicas: [NodeIndex: Replica] {
        get { simulation.replicas }
        _modify { yield &simulation.replicas }
    }
    var kv: KeyValueState {
        get { simulation.kv }
        _modify { yield &simulation.kv }
    }
    var network: Network { simulation.network }
    /// Commands whose work is under way.
    var commands: RunningCommands { interpreter.commands }

    public var space: IdentifierSpace { simulation.space }
    public var state: ChordState { simulation.state }

    /// True when nothing is in flight, no timer is pending and no work waits.
    public var isIdle: Bool { simulation.network.isQuiet && interpreter.commands.isEmpty }

    /// How many senders' timers are pending (a message dropped in flight leaves its own).
    public var pendingTimerCount: Int { simulation.network.pendingTimerCount }

    /// How many messages are in flight (O(1), unlike `inFlight`).
    public var inFlightCount: Int { simulation.network.inFlightCount }

    /// The network's settings (latency, timeout, loss, partition).
    public var networkConfig: NetworkConfig { simulation.network.config }

    mutating func resetSpace(bits: Int) {
        simulation.resetSpace(bits: bits)
    }

    mutating func withChord<T>(_ body: (inout ChordProtocol) -> T) -> T {
        body(&simulation.chord)
    }

    /// Whether protocol steps write their one-line explanations into `trace`. Headless
    /// runs without `--trace` turn it off: building the sentences costs more than the
    /// protocol itself. The outcome is the same either way.
    public var narrates: Bool {
        get { simulation.narrates }
        set { simulation.narrates = newValue }
    }

    /// Draws a uniformly random identifier no node has (for "join a random node").
    public mutating func randomFreeIdentifier() -> Identifier? {
        simulation.randomFreeIdentifier()
    }
}
