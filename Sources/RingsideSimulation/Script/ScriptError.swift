/// A script error at a line and column, reported in compiler form `FILE:LINE:COL: error: …`.
public struct ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// What the error is about, for a front end that checks a command typed while work is
    /// under way: see `Kind`. Not part of equality (the text says it already).
    public var kind: Kind = .other

    /// Errors that the work under way cannot undo: nodes are never removed (a failed or
    /// left node still exists), and the identifier space is fixed once a node exists.
    public enum Kind: Sendable {
        case other
        case unknownNode
        case outsideSpace
    }

    public static func == (lhs: ScriptError, rhs: ScriptError) -> Bool {
        (lhs.line, lhs.column, lhs.message) == (rhs.line, rhs.column, rhs.message)
    }

    /// Messages quote the script's own words, and a script may hold raw control
    /// characters (an ESC would recolour or move the student's terminal), so every
    /// message is made printable here, once, whoever raised it.
    public init(line: Int = 0, column: Int, _ message: String, kind: Kind = .other) {
        self.line = line
        self.column = column
        self.message = ScriptError.printable(message)
        self.kind = kind
    }

    public var description: String { "\(line):\(column): error: \(message)" }

    /// The whole diagnostic line for a file (or `-` for standard input).
    public func formatted(file: String) -> String {
        "\(ScriptError.printable(file)):\(line):\(column): error: \(message)"
    }

    /// `text` with C0 controls and DEL written as `\x1b`, and C1 controls (which some
    /// terminals also obey, e.g. U+009B as CSI) written as `\u{9b}`; a backslash stays
    /// as it is, so ordinary text reads unchanged.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else if scalar.value >= 0x80 && scalar.value <= 0x9F {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }
}
