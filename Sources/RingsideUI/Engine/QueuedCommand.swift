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

extension QueuedCommand {
    /// The error `statement` will meet at its turn whatever the work under way does, or
    /// nil: it is begun on a copy of `world` after the commands queued before it (a node
    /// a queued `join` adds exists by then). Only errors of a kind the work cannot undo
    /// (`ScriptError.Kind`) count; a node that may be down by then is judged at its turn.
    /// Queued, `lookup 300 from 10` said its key was outside the space only after the
    /// lookup before it ended, beside that lookup's output.
    static func rejection(of statement: Statement, after queued: [QueuedCommand], in world: World) -> ScriptError? {
        var probe = world
        probe.recordsEvents = false
        for earlier in queued { _ = try? probe.begin(earlier.statement) }
        do {
            _ = try probe.begin(statement)
            return nil
        } catch {
            return error.kind == .other ? nil : error
        }
    }
}
