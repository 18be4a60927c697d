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

    /// Clears `area` and centres the message in it, each line truncated to fit.
    public func render(into grid: inout Grid, area: Rect) {
        grid.fill(area)
        let lines = Array(messageLines().prefix(area.height))
        let top = area.y + (area.height - lines.count) / 2
        for (i, text) in lines.enumerated() {
            let shown = TextWidth.truncate(text, toWidth: area.width, ellipsis: "")
            let x = area.x + (area.width - TextWidth.of(shown)) / 2
            let style = i == 0 ? Style(.warning, bold: true) : (i == 1 ? Style.normal : Style(.dim))
            grid.write(shown, x: x, y: top + i, style: style, clip: area)
        }
    }
}
