import Chord
import RingsideKernel

/// Running a script on the world: each call hands the interpreter the simulation it drives.
extension World {
    /// Runs one statement to completion (an `async` one only starts; messages of earlier
    /// `async` commands that come due meanwhile are delivered too).
    public mutating func execute(_ statement: Statement) throws(ScriptError) -> [ScriptOutput] {
        try interpreter.execute(statement, &simulation)
    }

    /// Parses and runs one line (the TUI's `:` line); errors carry line 1.
    public mutating func execute(line: String) throws(ScriptError) -> [ScriptOutput] {
        guard let statement = try Parser.parse(line: Substring(line), number: 1) else { return [] }
        return try execute(statement)
    }

    /// Starts a statement without delivering its messages (the TUI steps them). An `async`
    /// one also starts its first work now, as `execute` does (script.md v2), so the
    /// statements after it (`step`, `deliver mID`, `drop mID`) find its messages in flight.
    ///
    /// `wait` only opens: the caller steps its messages until the world is idle (the last
    /// step finds it idle, as headless `wait` ends), so the TUI shows each one, where a
    /// `wait` run at once delivered a whole round of anti-entropy in one step.
    public mutating func begin(_ statement: Statement) throws(ScriptError) -> [ScriptOutput] {
        if case .wait = statement.command {
            interpreter.open(statement, &simulation)
            return []
        }
        let output = try interpreter.begin(statement, &simulation)
        if statement.command.isAsync { try interpreter.startAsync(interpreter.commands.lastID, &simulation) }
        return output
    }

    /// Delivers the next message, starts the next action, or fires the next timer.
    /// Returns false when the world is idle.
    public mutating func step() throws(ScriptError) -> Bool {
        try interpreter.advance(&simulation) != nil
    }

    /// Steps until idle (every command, `async` ones included, has run to completion).
    public mutating func runToCompletion() throws(ScriptError) {
        try interpreter.runToCompletion(&simulation)
    }

    /// One event, as `step`, with what it did.
    mutating func advance() throws(ScriptError) -> StepReport? {
        try interpreter.advance(&simulation)
    }

    /// Starts the first work of `async` command `command` (see `Interpreter.startAsync`).
    mutating func startAsync(_ command: Int) throws(ScriptError) {
        try interpreter.startAsync(command, &simulation)
    }

    /// Queues an action for the current cause (benchmarks and figures start work without
    /// a command this way).
    mutating func enqueue(_ action: consuming Action) {
        interpreter.enqueue(action, simulation)
    }

    /// The node a script refers to, live or not.
    func resolve(_ ref: NodeRef) throws(ScriptError) -> NodeIndex {
        try interpreter.resolve(ref, simulation)
    }
}
