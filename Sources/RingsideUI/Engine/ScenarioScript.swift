import RingsideSimulation

/// A scenario script, parsed into statements that the engine begins one at a time.
///
/// Lines are split on bytes, as the headless runner does, so CRLF files and the
/// runner agree on line numbers (Swift treats "\r\n" as a single Character).
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
        var number = 0
        for lineBytes in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            guard let text = String(validating: lineBytes, as: UTF8.self) else {
                throw ScriptError(line: number, column: 1, "the line is not valid UTF-8 text")
            }
            if let statement = try Parser.parse(line: Substring(text), number: number) {
                lines.append(Line(statement: statement, text: Self.trimmed(text)))
            }
        }
        self.lines = lines
    }

    /// Parses script text (the built-in demo).
    public init(name: String, text: String) throws(ScriptError) {
        try self.init(name: name, bytes: Array(text.utf8))
    }

    /// The line without its comment and surrounding blanks, as it goes into a transcript.
    private static func trimmed(_ text: String) -> String {
        var line = Substring(text)
        if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
        let blanks: Set<Character> = [" ", "\t", "\r", "\r\n"]
        while let first = line.first, blanks.contains(first) { line = line.dropFirst() }
        while let last = line.last, blanks.contains(last) { line = line.dropLast() }
        return String(line)
    }
}
