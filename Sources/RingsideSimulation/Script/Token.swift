/// A word of a script line with the 1-based column where it starts.
public struct Token: Equatable, Sendable {
    public var text: String
    public var column: Int

    public init(_ text: String, column: Int) {
        self.text = text
        self.column = column
    }
}

/// Splits one line into tokens: spaces and tabs separate, `#` starts a comment.
/// Columns count characters, so a caret under a non-ASCII name lands right.
///
/// A character is a blank (or `#`) by its first code point: Swift joins a combining mark
/// to the space before it into one character, and "x ́v" (space, U+0301, v) was one token
/// where script.md says spaces separate. The marks after a blank start the next token.
public enum Lexer {
    public static func tokens(of line: Substring) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var column = 0
        for character in line {
            column += 1
            let scalars = character.unicodeScalars
            let first = scalars.first!
            if first == "#" { break }
            if first == " " || first == "\t" || first == "\r" {
                if !current.isEmpty {
                    tokens.append(Token(current, column: start))
                    current = ""
                }
                let marks = scalars.dropFirst()
                if !marks.isEmpty {
                    start = column
                    current.unicodeScalars.append(contentsOf: marks)
                }
                continue
            }
            if current.isEmpty { start = column }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(Token(current, column: start)) }
        return tokens
    }

    /// The line without its comment and surrounding blanks (as a transcript records it).
    public static func withoutComment(_ line: String) -> String {
        var text = Substring(line)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        return text.trimmingCharacters(in: blanks)
    }

    /// Spaces, tabs and the carriage return a CRLF line ends with.
    static let blanks: Set<Character> = [" ", "\t", "\r"]

    /// The raw text after the first token (for `say`), comments removed, trimmed.
    public static func rest(of line: Substring, after token: Token) -> String {
        var text = line.dropFirst(token.column - 1 + token.text.count)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        return text.trimmingCharacters(in: blanks)
    }
}

extension Substring {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
