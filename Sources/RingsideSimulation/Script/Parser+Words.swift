import RingsideKernel

/// The word classes of script.md's lexical rules: numbers, names and node references.
///
/// One rule separates them: a token that starts with a digit, `+` or `-` is a number
/// (or an error), never a name, so `add -3` cannot quietly create a node called "-3".
extension Parser {
    /// A whole number written with ASCII digits only. Swift's `Int("+7")` accepts a
    /// sign, which the language does not, so every count goes through here.
    static func wholeNumber(_ text: String) -> UInt64? {
        isDecimal(text) ? UInt64(text) : nil
    }

    /// Whether a token is meant as a number: it starts with a digit, `+` or `-`.
    static func startsLikeNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return (first >= 48 && first <= 57) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
    }

    /// A NAME starts with a letter (any script) or `_`; `=` would make `NAME=ID` ambiguous.
    /// A letter is a code point of a Unicode letter category (Lu, Ll, Lt, Lm, Lo): Swift's
    /// `isLetter` also took letter-like numbers such as Ⅻ (Nl), which are numbers.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return !name.unicodeScalars.contains("=")
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// The terminal view draws names as they are; a control character would drive the terminal.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// ASCII digits only: what the language reads as an id.
    static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A NODE as written: an id or a name. Whether it exists is decided when the command
    /// runs (nodes come and go), but a signed or half-numeric word can never be one.
    static func nodeRef(_ token: Token) throws(ScriptError) -> NodeRef {
        if startsLikeNumber(token.text) && !isDecimal(token.text) {
            throw ScriptError(column: token.column, "'\(token.text)' is not a node: name a node by its id (a whole number, no sign) or by its name")
        }
        return NodeRef(token)
    }

    /// A whole number within `range`, or an error that names the range.
    static func count(_ token: Token, _ range: ClosedRange<UInt64>, _ what: String) throws(ScriptError) -> UInt64 {
        guard let value = wholeNumber(token.text), range.contains(value) else {
            throw ScriptError(column: token.column, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(token.text)'")
        }
        return value
    }
}
