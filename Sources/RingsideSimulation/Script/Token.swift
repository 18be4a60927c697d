/// A word of a script line with the 1-based column where it starts.
public struct Token: Equatable, Sendable {
    public var text: String
    public var column: Int

    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }

    /// How many columns the token spans: its code points (Lexer says why).
    public var width: Int { text.unicodeScalars.count }
}

/// Splits one line into tokens: spaces and tabs separate, `#` starts a comment.
///
/// The line is read code point by code point, and columns count code points (a tab is
/// one), as most editors and script.md's models count them. Swift's characters would glue
/// a combining mark to the blank, `#`, `,` or `|` before it: "x ́v" was one token, and
/// "#́" started no comment. A carriage return separates nothing: one that ends the line
/// (a CRLF file) is dropped, any other stays in its token like any control character.
public enum Lexer {
    public static func tokens(of line: Substring) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var column = 0
        var scalars = line.unicodeScalars[...]
        if scalars.last == "\r" { scalars = scalars.dropLast() }
        for scalar in scalars {
            column += 1
            if scalar == "#" { break }
            if scalar == " " || scalar == "\t" {
                if !current.isEmpty {
                    tokens.append(Token(String(current), column: start))
                    current = String.UnicodeScalarView()
                }
                continue
            }
            if current.isEmpty { start = column }
            current.append(scalar)
        }
        if !current.isEmpty { tokens.append(Token(String(current), column: start)) }
        return tokens
    }

    /// The line without its comment and surrounding blanks (as a transcript records it).
    public static func withoutComment(_ line: String) -> String {
        withoutComment(line.unicodeScalars[...])
    }

    /// The raw text after the first token (for `say`), comments removed, trimmed.
    public static func rest(of line: Substring, after token: Token) -> String {
        withoutComment(line.unicodeScalars.dropFirst(token.column - 1 + token.text.unicodeScalars.count))
    }

    /// Cut at the first `#` code point, then trimmed of spaces, tabs and the carriage return
    /// a CRLF line ends with.
    private static func withoutComment(_ text: Substring.UnicodeScalarView.SubSequence) -> String {
        var text = text
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        while let first = text.first, blanks.contains(first) { text = text.dropFirst() }
        while let last = text.last, blanks.contains(last) { text = text.dropLast() }
        return String(Substring(text))
    }

    static let blanks: Set<Unicode.Scalar> = [" ", "\t", "\r"]
}
