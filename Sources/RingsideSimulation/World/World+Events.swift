/// The structured event log (state.md "Event log"): what exports and `--trace` read.
extension World {
    /// Whether the world records events into `eventLog`. Off by default; when off, each
    /// would-be event costs one branch. Turning it off keeps what was recorded but untaken.
    public var recordsEvents: Bool {
        get { eventLog.isRecording }
        set { eventLog.isRecording = newValue }
    }

    /// The events recorded since the last call, oldest first (the log keeps none, so a
    /// runner that takes after every command holds one command's events at most).
    public mutating func takeEvents() -> [SimulationEvent] {
        eventLog.take()
    }
}
