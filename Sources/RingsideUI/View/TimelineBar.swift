/// The timeline bar (`t`): a track from the start to the newest step with the cursor on
/// it, drawn in a three-row box just above the events panel (which follows the cursor).
///
/// ```
/// ┌─ Timeline · step 12 of 40 · lookup 15 from 90 ─────────────────┐
/// │ 0 ━━━━━━━━━━━━━●─────────────────────────────────────────── 40 │
/// └──────────────────────────── ← back  → forward  Home start … ───┘
/// ```
struct TimelineBar {
    let model: AppModel
    let glyphs: Glyphs

    /// The bar's place: the three rows above the events panel, full width.
    static func area(in layout: ScreenLayout) -> Rect {
        let height = min(3, layout.events.y)
        return Rect(x: 0, y: layout.events.y - height, width: layout.size.width, height: height)
    }

    /// The cell of the track (of `width` cells) the cursor is drawn in.
    static func cursorCell(cursor: Int, steps: Int, width: Int) -> Int {
        guard width > 1 else { return 0 }
        guard steps > 0 else { return width - 1 }
        let fraction = Double(min(max(0, cursor), steps)) / Double(steps)
        return Int((fraction * Double(width - 1)).rounded())
    }

    func render(into grid: inout Grid, area: Rect) {
        grid.fill(area)
        let position = model.timeline
        var title = "Timeline \(glyphs.separator) step \(position.cursor) of \(position.steps)"
        if let label = position.label { title += " \(glyphs.separator) " + glyphs.text(label) }
        let footer = model.keyMap.hints([.timelineBack, .timelineForward, .timelineStart, .timelineEnd, .timelineClose],
                                        glyphs: glyphs)
            .map { "\($0.key) \($0.label)" }.joined(separator: "  ")
        let inner = grid.drawBox(area, title: title, footer: footer, glyphs: glyphs, style: Style(.accent))
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        guard !body.isEmpty else { return }
        let start = "0 "
        let end = " \(position.steps)"
        let width = body.width - TextWidth.of(start) - TextWidth.of(end)
        guard width >= 2 else {
            grid.write("step \(position.cursor)/\(position.steps)", x: body.x, y: body.y, clip: body)
            return
        }
        var x = grid.write(start, x: body.x, y: body.y, style: Style(.dim), clip: body)
        let at = Self.cursorCell(cursor: position.cursor, steps: position.steps, width: width)
        let done = glyphs.isUnicode ? "\u{2501}" : "="
        let later = glyphs.isUnicode ? "\u{2500}" : "-"
        x = grid.write(String(repeating: done, count: at), x: x, y: body.y, style: Style(.accent, bold: true), clip: body)
        x = grid.write(glyphs.node, x: x, y: body.y, style: Style(.selected, bold: true), clip: body)
        x = grid.write(String(repeating: later, count: max(0, width - 1 - at)), x: x, y: body.y, style: Style(.dim), clip: body)
        grid.write(end, x: x, y: body.y, style: Style(.dim), clip: body)
    }
}
