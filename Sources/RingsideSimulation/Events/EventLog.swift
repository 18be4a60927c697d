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
    /// The index in `pending` of a delivery still waiting for its explanation.
    private var awaitingExplanation: Int?

    public init(isRecording: Bool = false) {
        self.isRecording = isRecording
    }

    /// Records `event` with the next seq, or does nothing when not recording.
    @inlinable
    public mutating func append(_ event: @autoclosure () -> SimulationEvent) {
        guard isRecording else { return }
        record(event())
    }

    /// Records a delivery whose explanation comes next: the first note before
    /// `endDelivery()` becomes its text (when it has none), so one line says what arrived
    /// and what the receiver concluded. Later notes stay notes.
    public mutating func beginDelivery(_ event: @autoclosure () -> SimulationEvent) {
        guard isRecording else { return }
        record(event())
        awaitingExplanation = pending[pending.count - 1].text == nil ? pending.count - 1 : nil
    }

    /// The delivery begun last is handled; notes are notes again.
    public mutating func endDelivery() {
        awaitingExplanation = nil
    }

    @usableFromInline
    mutating func record(_ event: SimulationEvent) {
        if event.kind == .note, let index = awaitingExplanation {
            // Folded into the delivery: it takes no seq of its own.
            pending[index].text = event.text
            awaitingExplanation = nil
            return
        }
        var event = event
        recorded += 1
        event.seq = recorded
        pending.append(event)
    }

    /// The events recorded since the last `take()`, oldest first; the log keeps none.
    public mutating func take() -> [SimulationEvent] {
        var drained: [SimulationEvent] = []
        swap(&drained, &pending)
        awaitingExplanation = nil
        return drained
    }

    /// Events recorded and not yet taken.
    public var pendingCount: Int { pending.count }
}
