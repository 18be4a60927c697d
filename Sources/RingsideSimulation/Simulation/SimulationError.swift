/// A request the simulation refuses (e.g. `commit` with the primary down). It has no
/// position: the simulation never sees a script. The interpreter turns it into a
/// `ScriptError` at the line and column of what asked.
struct SimulationError: Error, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    func at(line: Int = 0, column: Int) -> ScriptError {
        ScriptError(line: line, column: column, message)
    }
}
