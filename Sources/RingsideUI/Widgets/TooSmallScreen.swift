/// The screen shown instead of the UI when the terminal is smaller than the layout needs.
public struct TooSmallScreen: Sendable {
    public var required: Size
    public var actual: Size
    public var glyphs: Glyphs

    public init(required: Size, actual: Size, glyphs: Glyphs = .unicode) {
        self.required = required
        self.actual = actual
        self.glyphs = glyphs
    }

    /// The message lines, most important first (smaller screens keep the first ones).
    public func messageLines() -> [String] {
        let x = glyphs.times
        return [
            "Terminal too small",
            "need \(required.width)\(x)\(required.height), have \(actual.width)\(x)\(actual.height)",
            "enlarge the window or font",
            "q quits",
        ]
    }

    /// Clears `area` and centres the message in it, each line broken between words to
    /// fit (cut at the edge, 20×5 read `have 20×` and `enlarge the window o`).
    public func render(into grid: inout Grid, area: Rect) {
        grid.fill(area)
        var lines: [(text: String, style: Style)] = []
        for (i, text) in messageLines().enumerated() {
            let style = i == 0 ? Style(.warning, bold: true) : (i == 1 ? Style.normal : Style(.dim))
            lines += Self.broken(text, width: area.width).map { ($0, style) }
        }
        lines = Array(lines.prefix(area.height))
        let top = area.y + (area.height - lines.count) / 2
        for (i, line) in lines.enumerated() {
            let shown = TextWidth.truncate(line.text, toWidth: area.width, ellipsis: "")
            let x = area.x + (area.width - TextWidth.of(shown)) / 2
            grid.write(shown, x: x, y: top + i, style: line.style, clip: area)
        }
    }

    /// `text` in lines of at most `width` columns, broken at spaces (a word longer than
    /// the width has a line of its own, cut).
    static func broken(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if TextWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
