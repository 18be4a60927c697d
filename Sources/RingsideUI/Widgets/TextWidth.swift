/// Terminal display width of characters and strings, in cells.
///
/// A pure re-implementation of the usual `wcwidth` rules (East Asian Wide and
/// Fullwidth → 2, emoji presentation → 2, marks/format/control → 0, else 1) so the
/// UI layer stays free of locale-dependent C calls. Ambiguous-width characters such
/// as `●` and `→` count as 1, which is what non-CJK UTF-8 locales do.
public enum TextWidth {
    /// Cells one grapheme occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let value = first.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x7F { return 1 }  // fast path for ASCII
        // Fast path for what the UI draws most (borders, braille, ∈ ∉ ∞, arrows): these
        // blocks hold no marks and no emoji, and Unicode property lookups dominated a
        // frame's time before this.
        if Self.isPlainNarrow(value), scalars.count == 1 { return 1 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if first.properties.isEmojiPresentation { return 2 }
        // A text-default emoji followed by VS16 is drawn as a (wide) emoji.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if isWide(value) { return 2 }
        return 1
    }

    /// Cells a string occupies when drawn left to right.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The longest prefix of `text` that fits in `width` cells, with `ellipsis`
    /// appended when something was cut (and there is room for it).
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// `text` padded with spaces (or truncated) to exactly `width` cells.
    public static func pad(_ text: String, toWidth width: Int) -> String {
        let fitted = truncate(text, toWidth: width, ellipsis: "")
        return fitted + String(repeating: " ", count: max(0, width - of(fitted)))
    }

    /// Blocks whose characters are all one cell wide with no emoji presentation: arrows
    /// (U+2190–21FF), mathematical operators (U+2200–22FF), box drawing and block
    /// elements (U+2500–259F) and braille (U+2800–28FF).
    private static func isPlainNarrow(_ v: UInt32) -> Bool {
        (0x2190...0x22FF).contains(v) || (0x2500...0x259F).contains(v) || (0x2800...0x28FF).contains(v)
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, from Unicode's EastAsianWidth.txt,
    /// condensed to the ranges that matter in practice. Emoji are handled by
    /// `isEmojiPresentation` instead, which tracks the same data more exactly.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,     // Hangul Jamo initial consonants
             0x2329...0x232A,     // angle brackets
             0x2E80...0x303E,     // CJK radicals, Kangxi, CJK symbols and punctuation
             0x3041...0x33FF,     // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compat
             0x3400...0x4DBF,     // CJK Extension A
             0x4E00...0x9FFF,     // CJK Unified Ideographs
             0xA000...0xA4CF,     // Yi
             0xA960...0xA97F,     // Hangul Jamo Extended-A
             0xAC00...0xD7A3,     // Hangul syllables
             0xF900...0xFAFF,     // CJK compatibility ideographs
             0xFE10...0xFE19,     // vertical forms
             0xFE30...0xFE6F,     // CJK compatibility forms, small forms
             0xFF00...0xFF60,     // fullwidth forms
             0xFFE0...0xFFE6,     // fullwidth signs
             0x16FE0...0x18AFF,   // Tangut and friends
             0x1B000...0x1B2FF,   // Kana supplement / extended, Nushu
             0x1F200...0x1F2FF,   // enclosed ideographic supplement
             0x20000...0x2FFFD,   // CJK Extensions B–F
             0x30000...0x3FFFD:   // CJK Extension G and later
            return true
        default:
            return false
        }
    }
}
