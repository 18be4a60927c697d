/// Events recorded since the last `take()`. PROVISIONAL: replaced by the exports branch.
public struct EventLog: Sendable {
    public var isRecording = false
    private var events: [SimulationEvent] = []
    private var nextSeq: UInt64 = 1
    public init() {}
    /// The deliver event whose explanation has not come yet.
    private var awaitingExplanation: Int?

    /// Records a delivery; the first note until `endDelivery()` becomes its text, so the
    /// event reads "what arrived, and what the receiver concluded" in one line.
    public mutating func beginDelivery(_ event: SimulationEvent) {
        guard isRecording else { return }
        append(event)
        awaitingExplanation = events.count - 1
    }

    public mutating func endDelivery() { awaitingExplanation = nil }

    public mutating func append(_ event: SimulationEvent) {
        guard isRecording else { return }
        if event.kind == .note, let index = awaitingExplanation {
            events[index].text = event.text
            awaitingExplanation = nil
            return
        }
        var event = event
        event.seq = nextSeq
        nextSeq += 1
        events.append(event)
    }
    public mutating func take() -> [SimulationEvent] {
        defer { events.removeAll() }
        return events
    }
}
