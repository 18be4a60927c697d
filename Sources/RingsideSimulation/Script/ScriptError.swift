/// A script error at a line and column, reported in compiler form `FILE:LINE:COL: error: …`.
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int = 0, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): error: \(message)" }

    /// The whole diagnostic line for a file (or `-` for standard input).
    public func formatted(file: String) -> String {
        "\(file):\(line):\(column): error: \(message)"
    }
}
