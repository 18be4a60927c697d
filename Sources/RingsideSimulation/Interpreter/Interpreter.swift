import Chord
import RingsideKernel

/// The script interpreter: it turns statements into work for a `Simulation` and drives
/// the simulation until that work is done.
///
/// It holds what only a script has: where the running command was written (every error
/// it raises, or stamps on an error the simulation raised, carries that line and column)
/// and the commands whose work is under way, each a queue of `Work` plus the count of its
/// messages still out (`RunningCommands`, kept from each step's `StepReport`). It never
/// holds simulation state: every method is handed the simulation it drives.
struct Interpreter: Sendable {
    /// Where the running command was written, for errors raised while it runs.
    var origin = (line: 0, column: 0)
    /// Where each `async` command under way was written: an error its work raises later,
    /// while another command runs, names the `async` line, not the one running.
    var asyncOrigins: [Int: (line: Int, column: Int)] = [:]
    /// Commands whose work is under way.
    var commands = RunningCommands()

    /// Where `command` was written: its own line if it is an `async` one under way.
    func origin(of command: Int) -> (line: Int, column: Int) {
        asyncOrigins[command] ?? origin
    }
}

/// What a command prints.
public enum ScriptOutput: Equatable, Sendable {
    case dump(String)
    case say(String)
    case pause
    /// A result line the headless runner prints as `# TEXT` (e.g. `invariants hold`).
    case report(String)
}
