/// Running one statement as `execute` does, but with a bound on its steps, so a command
/// that never completes is reported (`Termination`) instead of hanging the checker.
extension World {
    /// Runs `statement` to completion (an `async` one only starts). Returns false if it
    /// was still running after `stepLimit` steps.
    mutating func runBounded(_ statement: Statement, stepLimit: Int) throws(ScriptError) -> Bool {
        if case .wait = statement.command {
            // `wait` would loop inside `begin`; this does what `begin` does for it (a new
            // command number and its `command` event) and then steps with a bound.
            interpreter.open(statement, &simulation)
            return try stepUntil(limit: stepLimit) { _ in false }
        }
        _ = try begin(statement)
        let id = commands.lastID
        if statement.command.isAsync {
            try startAsync(id)
            return true
        }
        return try stepUntil(limit: stepLimit) { world in !world.commands.contains(id) }
    }

    /// Advances until `done` or idle; false if `limit` steps were not enough.
    private mutating func stepUntil(limit: Int, _ done: (World) -> Bool) throws(ScriptError) -> Bool {
        var steps = 0
        while !done(self) {
            guard try advance() != nil else { return true }
            steps += 1
            if steps >= limit { return false }
        }
        return true
    }
}
