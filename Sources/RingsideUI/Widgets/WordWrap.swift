/// Styled text filled into lines at word boundaries: a caption cut mid-word ("… press
/// any" for "press any key") reads as a different sentence.
public enum WordWrap {
    /// `text` on one line of at most `width` cells, cut between words with `ellipsis`
    /// when it does not fit (a title, a menu row).
    public static func fitted(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard TextWidth.of(text) > width, width > 0 else { return text }
        return (lines([Span(text)], width: width, linesMax: 1, ellipsis: ellipsis).first ?? []).map(\.text).joined()
    }

    /// `spans` filled greedily into at most `linesMax` lines of at most `width` cells.
    /// Breaks fall at spaces; a continuation line starts with `indent` instead of the
    /// spaces at the break. Text that does not fit ends at a word boundary with `ellipsis`
    /// (in the style of the last word kept). Only a single word wider than a line is cut
    /// inside: there is no boundary to break it at.
    public static func lines(_ spans: [Span], width: Int, linesMax: Int, indent: String = "",
                             ellipsis: String = "…") -> [[Span]] {
        guard width > 0, linesMax > 0 else { return [] }
        let indentWidth = TextWidth.of(indent) < width ? TextWidth.of(indent) : 0
        var lines: [[Span]] = [[]]
        var used = 0
        for word in words(spans) {
            let wordWidth = TextWidth.of(word.text)
            if used + wordWidth <= width {
                append(word.text, word.style, to: &lines[lines.count - 1])
                used += wordWidth
                continue
            }
            let bare = String(word.text.drop { $0 == " " })
            guard !bare.isEmpty else { continue }  // spaces at a break are the break
            if used == 0 {
                // A word wider than an empty line: no boundary to break at.
                append(TextWidth.truncate(word.text, toWidth: width, ellipsis: ellipsis), word.style, to: &lines[lines.count - 1])
                used = width
                continue
            }
            if lines.count == linesMax {
                endWithEllipsis(&lines[lines.count - 1], width: width, ellipsis: ellipsis)
                return lines
            }
            lines.append(indentWidth > 0 ? [Span(String(indent.prefix(indentWidth)), word.style)] : [])
            let room = width - indentWidth
            let shown = TextWidth.of(bare) <= room ? bare : TextWidth.truncate(bare, toWidth: room, ellipsis: ellipsis)
            append(shown, word.style, to: &lines[lines.count - 1])
            used = indentWidth + TextWidth.of(shown)
        }
        return lines.allSatisfy(\.isEmpty) ? [] : lines
    }

    /// Each word with the spaces before it, in its span's style.
    static func words(_ spans: [Span]) -> [Span] {
        var words: [Span] = []
        for span in spans {
            var current = ""
            var inWord = false
            for character in span.text {
                if character == " ", inWord {
                    words.append(Span(current, span.style))
                    current = ""
                    inWord = false
                }
                if character != " " { inWord = true }
                current.append(character)
            }
            if !current.isEmpty { words.append(Span(current, span.style)) }
        }
        return words
    }

    private static func append(_ text: String, _ style: Style, to line: inout [Span]) {
        guard !text.isEmpty else { return }
        if let last = line.last, last.style == style {
            line[line.count - 1].text += text
        } else {
            line.append(Span(text, style))
        }
    }

    /// Drops whole words from the end of `line` until `ellipsis` fits right after the rest.
    private static func endWithEllipsis(_ line: inout [Span], width: Int, ellipsis: String) {
        var kept = words(line)
        func cells() -> Int { kept.reduce(0) { $0 + TextWidth.of($1.text) } + TextWidth.of(ellipsis) }
        while kept.count > 1, cells() > width { kept.removeLast() }
        let style = kept.last?.style ?? .normal
        line = []
        for word in kept { append(word.text, word.style, to: &line) }
        append(ellipsis, style, to: &line)
        if cells() > width { line = cut(line, width: width, ellipsis: ellipsis) }
    }

    /// A line cut to `width` cells, ending in `ellipsis`, whatever the word boundaries.
    private static func cut(_ line: [Span], width: Int, ellipsis: String) -> [Span] {
        let text = TextWidth.truncate(line.map(\.text).joined(), toWidth: width, ellipsis: ellipsis)
        var result: [Span] = []
        var rest = Substring(text)
        for span in line where !rest.isEmpty {
            let piece = rest.prefix(span.text.count)
            append(String(piece), span.style, to: &result)
            rest = rest.dropFirst(piece.count)
        }
        if !rest.isEmpty { append(String(rest), line.last?.style ?? .normal, to: &result) }
        return result
    }
}
