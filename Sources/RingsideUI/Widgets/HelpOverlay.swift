/// The `?` screen: the key map drawn as a boxed, grouped, scrollable table.
///
/// Its text comes only from `KeyMap`, so help can never describe a key that does
/// something else.
public struct HelpOverlay: Sendable {
    public var keyMap: KeyMap
    public var glyphs: Glyphs
    /// Index of the first content line shown; clamped when drawing.
    public var scroll: Int
    /// Lines about the app as a whole, in a last "Notes" section (none by default).
    public var notes: [String]
    /// The script commands `:` accepts, listed in their own section (none by default): an
    /// unknown command's error lists them too, but the status line cut that list short.
    public var commands: [String]

    public init(keyMap: KeyMap = .default, glyphs: Glyphs = .unicode, scroll: Int = 0, notes: [String] = [],
                commands: [String] = []) {
        self.keyMap = keyMap
        self.glyphs = glyphs
        self.scroll = scroll
        self.notes = notes
        self.commands = commands
    }

    /// Columns a line of the command list takes at most (the overlay at 80×24 is wider).
    static let commandLineWidth = 64

    /// Every line of the table, before scrolling and clipping; given the `width` it is drawn
    /// in, the legend's long meanings go on under themselves rather than being cut.
    public func contentLines(width: Int? = nil) -> [[Span]] {
        let keyColumn = (keyMap.bindings.map { TextWidth.of($0.keysLabel(glyphs: glyphs)) }.max() ?? 0) + 2
        var lines: [[Span]] = []
        for group in ActionGroup.allCases {
            let rows = keyMap.bindings(in: group)
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(group.rawValue, Style(.title, bold: true))])
            for binding in rows {
                lines.append([
                    Span("  "),
                    Span(TextWidth.pad(binding.keysLabel(glyphs: glyphs), toWidth: keyColumn), Style(.key, bold: true)),
                    Span(binding.help),
                ])
            }
        }
        if !commands.isEmpty {
            lines.append([])
            lines.append([Span("Script commands (type : then one)", Style(.title, bold: true))])
            // Forms hold spaces (`join SPEC via NODE`), so they are set apart by "; ".
            var line = ""
            for command in commands {
                if !line.isEmpty, TextWidth.of(line) + 2 + TextWidth.of(command) > Self.commandLineWidth {
                    lines.append([Span("  "), Span(line + ";")])
                    line = ""
                }
                line += line.isEmpty ? command : "; " + command
            }
            if !line.isEmpty { lines.append([Span("  "), Span(line)]) }
        }
        lines.append([])
        lines += Legend.lines(glyphs: glyphs, width: width)
        if !notes.isEmpty {
            lines.append([])
            lines.append([Span("Notes", Style(.title, bold: true))])
            lines += notes.map { [Span("  "), Span(glyphs.text($0))] }
        }
        return lines
    }

    /// The largest useful `scroll` when drawn in `area`.
    public func maxScroll(in area: Rect) -> Int {
        max(0, contentLines(width: Self.bodyWidth(in: area)).count - Self.bodyRows(in: area))
    }

    /// Handles the keys that scroll help (↑ ↓ PgUp PgDn Home End); returns whether it
    /// used the key, so the caller can give the rest to the key map.
    public mutating func handle(_ key: Key, area: Rect) -> Bool {
        let page = max(1, Self.bodyRows(in: area) - 1)
        let limit = maxScroll(in: area)
        switch key {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .home: scroll = 0
        case .end: scroll = limit
        default: return false
        }
        scroll = min(max(0, scroll), limit)
        return true
    }

    /// Draws the overlay over `area` of `grid`, clearing what was beneath it.
    public func render(into grid: inout Grid, area: Rect) {
        let lines = contentLines(width: Self.bodyWidth(in: area))
        let rows = Self.bodyRows(in: area)
        let first = min(max(0, scroll), max(0, lines.count - rows))
        let moreAbove = first > 0
        let moreBelow = first + rows < lines.count
        var footer = "Esc close"
        switch (moreAbove, moreBelow) {
        case (true, true): footer = "\(glyphs.arrowUp)\(glyphs.arrowDown) more \(glyphs.separator) " + footer
        case (false, true): footer = "\(glyphs.arrowDown) more \(glyphs.separator) " + footer
        case (true, false): footer = "\(glyphs.arrowUp) more \(glyphs.separator) " + footer
        case (false, false): break
        }
        grid.fill(area)
        let inner = grid.drawBox(area, title: "Keys", footer: footer, glyphs: glyphs)
        let body = inner.inset(horizontal: 1, vertical: 0)
        guard !body.isEmpty else { return }
        for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            var spans = line
            // Truncate the last span (the help text) so long lines end in an ellipsis.
            let used = spans.dropLast().reduce(0) { $0 + $1.width }
            if let last = spans.last {
                spans[spans.count - 1].text = TextWidth.truncate(
                    last.text, toWidth: body.width - used, ellipsis: glyphs.ellipsis)
            }
            grid.write(spans, x: body.x, y: body.y + offset, clip: body)
        }
    }

    /// Content columns inside a box drawn in `area` (a border and a space each side).
    private static func bodyWidth(in area: Rect) -> Int {
        max(0, area.width - 4)
    }

    /// Content rows visible inside a box drawn in `area`.
    private static func bodyRows(in area: Rect) -> Int {
        max(0, area.height - 2)
    }
}
