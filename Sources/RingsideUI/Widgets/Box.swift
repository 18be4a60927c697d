extension Grid {
    /// Draws a border around `rect` and returns the inner area.
    ///
    /// `title` goes on the top edge at the left, `footer` on the bottom edge at the
    /// right, each truncated to fit. Rects smaller than 2×2 draw nothing and return
    /// an empty inner area; parts outside the grid are clipped.
    @discardableResult
    public mutating func drawBox(
        _ rect: Rect,
        title: String? = nil,
        footer: String? = nil,
        glyphs: Glyphs = .unicode,
        style: Style = Style(.border),
        titleStyle: Style = Style(.title, bold: true)
    ) -> Rect {
        let inner = rect.inset(by: 1)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let b = glyphs.border
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        // Iterate only over what can show, so a huge rect costs no more than the grid.
        let visible = rect.intersection(area)
        let firstColumn = max(rect.minX + 1, visible.minX)
        let lastColumn = min(right, visible.maxX)
        for column in firstColumn..<max(firstColumn, lastColumn) {
            put(b.horizontal, x: column, y: rect.minY, style: style)
            put(b.horizontal, x: column, y: bottom, style: style)
        }
        let firstRow = max(rect.minY + 1, visible.minY)
        let lastRow = min(bottom, visible.maxY)
        for row in firstRow..<max(firstRow, lastRow) {
            put(b.vertical, x: rect.minX, y: row, style: style)
            put(b.vertical, x: right, y: row, style: style)
        }
        put(b.topLeft, x: rect.minX, y: rect.minY, style: style)
        put(b.topRight, x: right, y: rect.minY, style: style)
        put(b.bottomLeft, x: rect.minX, y: bottom, style: style)
        put(b.bottomRight, x: right, y: bottom, style: style)

        // Labels sit inside "─ label ─", leaving a corner and a dash at each end.
        let room = rect.width - 4
        if let title, !title.isEmpty, room >= 3 {
            let text = " " + TextWidth.truncate(title, toWidth: room - 2, ellipsis: glyphs.ellipsis) + " "
            write(text, x: rect.minX + 2, y: rect.minY, style: titleStyle)
        }
        if let footer, !footer.isEmpty, room >= 3 {
            let text = " " + TextWidth.truncate(footer, toWidth: room - 2, ellipsis: glyphs.ellipsis) + " "
            write(text, x: right - 1 - TextWidth.of(text), y: bottom, style: style)
        }
        return inner
    }
}
