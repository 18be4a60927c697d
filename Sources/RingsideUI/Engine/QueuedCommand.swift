import RingsideSimulation

/// A user command given while earlier work was under way, waiting for its turn.
///
/// `ringside run` finishes each command before the next; the TUI begins commands without
/// delivering their messages, so a later instant command (`commit`, `write`, `say`) would
/// act before an earlier protocol command had even started. Holding them here keeps every
/// command, key or typed, in the order given.
struct QueuedCommand: Equatable, Sendable {
    var line: String
    var statement: Statement
    var origin: CommandOrigin

    /// Commands that act on the work under way, so waiting for it would defeat them: the
    /// message controls, and faults (crashing a node while a lookup is on its way is
    /// the point of `x`). They run at once. So does view control (`select`, `focus`,
    /// `highlight`), which changes nothing in the simulation: `:focus bayou` during a
    /// lookup said "queued behind the work under way" and did nothing until it ended.
    var runsAtOnce: Bool {
        switch statement.command {
        case .step, .deliver, .drop, .wait, .nextEvent: return true
        case .fail, .partition, .heal, .loss, .latency, .timeout: return true
        case .select, .focus, .highlight: return true
        default: return false
        }
    }
}
