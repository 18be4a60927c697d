/// `ringside run --trace`: each explanation on one line, `[t=TIME] TEXT`.
/// Only events that explain something print: notes, timeouts and narrated deliveries.
/// Commands are not echoed (the script is at hand), and sends and drops without words
/// have nothing to say; this keeps `--trace` the same as when it read `TraceLog`.
public enum TraceLines {
    /// The line for `event` (without a newline), or nil when it prints none.
    public static func line(for event: SimulationEvent) -> String? {
        switch event.kind {
        case .note, .timeout, .deliver:
            guard let text = event.text else { return nil }
            return "[t=\(event.time)] \(text)"
        case .command, .send, .drop:
            return nil
        }
    }

    /// Appends `event`'s line and a newline to `out`, if it has one.
    public static func append(_ event: SimulationEvent, to out: inout String) {
        guard let line = line(for: event) else { return }
        out += line
        out += "\n"
    }
}
