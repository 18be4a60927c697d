/// The world's structured event log: unbounded while recording, empty otherwise.
/// Unbounded because exports must not lose events (the bounded `TraceLog` drops the
/// oldest); memory stays small because the runner drains it with `take()` after every
/// command.
public struct EventLog: Sendable {
    /// Off by default: the TUI and plain runs pay one branch per would-be event.
    /// Callers check this before building an event's text, so nothing is formatted for nobody.
    public var isRecording = false
    /// How many events were ever recorded; the next one gets `recorded + 1` as its seq.
    public private(set) var recorded: UInt64 = 0
    private var pending: [SimulationEvent] = []

    public init(isRecording: Bool = false) {
        self.isRecording = isRecording
    }

    /// Records `event` with the next seq, or does nothing when not recording.
    @inlinable
    public mutating func append(_ event: @autoclosure () -> SimulationEvent) {
        guard isRecording else { return }
        record(event())
    }

    @usableFromInline
    mutating func record(_ event: SimulationEvent) {
        var event = event
        recorded += 1
        event.seq = recorded
        pending.append(event)
    }

    /// The events recorded since the last `take()`, oldest first; the log keeps none.
    public mutating func take() -> [SimulationEvent] {
        var drained: [SimulationEvent] = []
        swap(&drained, &pending)
        return drained
    }

    /// Events recorded and not yet taken.
    public var pendingCount: Int { pending.count }
}
