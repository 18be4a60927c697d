extension Glyphs {
    /// Symbols the engine writes into its text (trace lines, slide notation), with their
    /// ASCII stand-ins.
    static let textSymbols: [(unicode: Character, ascii: String)] = [
        ("∉", "!in"), ("∈", "in"), ("→", "->"), ("←", "<-"), ("∞", "inf"), ("…", "..."),
        ("×", "x"), ("─", "-"), ("·", "|"), ("✕", "x"), ("●", "@"), ("○", "o"), ("▸", ">"), ("›", ">"), ("–", "-"),
    ]

    /// `text` as this glyph set can show it: unchanged in Unicode, with the known symbols
    /// spelled in ASCII otherwise (anything else non-ASCII is left to the terminal layer).
    public func text(_ text: String) -> String {
        guard !isUnicode, !text.allSatisfy(\.isASCII) else { return text }
        var result = ""
        for character in text {
            if let symbol = Self.textSymbols.first(where: { $0.unicode == character }) {
                result += symbol.ascii
            } else {
                result.append(character)
            }
        }
        return result
    }
}
