import RingsideSimulation

/// A scenario script, parsed into statements that the engine begins one at a time.
///
/// Lines are read by `ScriptSource`, as the headless runner reads them, so both agree on
/// line numbers and on what counts as bad text.
public struct ScenarioScript: Sendable {
    /// One statement and the line it came from (for the session transcript).
    public struct Line: Sendable {
        public var statement: Statement
        public var text: String
    }

    /// Shown in error messages as FILE:LINE:COL.
    public let name: String
    public let lines: [Line]

    /// Parses every line; throws the first syntax error (with its line number).
    public init(name: String, bytes: [UInt8]) throws(ScriptError) {
        self.name = name
        var lines: [Line] = []
        try ScriptSource.forEachLine(in: bytes) { (number, text) throws(ScriptError) in
            if let statement = try Parser.parse(line: Substring(text), number: number) {
                lines.append(Line(statement: statement, text: Lexer.withoutComment(text)))
            }
        }
        self.lines = lines
    }

    /// Parses script text (the built-in demo).
    public init(name: String, text: String) throws(ScriptError) {
        try self.init(name: name, bytes: Array(text.utf8))
    }
}
