/// The scenario menu (`o`) over the upper panels: one scenario a line, its file name and
/// its first caption, the chosen one highlighted; it scrolls to keep the choice shown.
struct ScenarioMenuPanel {
    let model: AppModel
    let glyphs: Glyphs

    /// The upper panels' area, less a margin, so the events panel stays in view.
    static func area(in layout: ScreenLayout) -> Rect {
        layout.main.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// What the menu covers: its box and the margin round it. Cleared whole, since panel
    /// borders left in the margin read as pieces of the menu's own (`│─┘` at its right).
    static func covered(in layout: ScreenLayout) -> Rect {
        layout.main
    }

    /// Scenario rows the menu shows at this layout.
    static func rows(in layout: ScreenLayout) -> Int {
        max(0, area(in: layout).height - 2)
    }

    func render(into grid: inout Grid, area: Rect) {
        guard let menu = model.scenarioMenu else { return }
        grid.fill(area)
        let title = "Scenarios \(glyphs.separator) \(menu.listing.folder ?? "")"
        let files = menu.listing.files
        // The body is the box less its border and a column each side; the footer counts the
        // scenarios above and below it, as the help's does (four were below the fold unmarked).
        let bodyHeight = max(0, area.height - 2)
        let first = min(menu.scroll, max(0, files.count - bodyHeight))
        let inner = grid.drawBox(area, title: title, footer: Self.footer(above: first,
                                 below: max(0, files.count - first - bodyHeight), glyphs: glyphs), glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        let nameWidth = min(body.width / 2, (files.map { TextWidth.of($0.name) }.max() ?? 0))
        for (row, index) in (first..<min(files.count, first + body.height)).enumerated() {
            let file = files[index]
            let isChosen = index == menu.selected
            let name = TextWidth.truncate(file.name, toWidth: nameWidth, ellipsis: glyphs.ellipsis)
            let padded = name + String(repeating: " ", count: max(0, nameWidth - TextWidth.of(name)))
            let y = body.y + row
            if isChosen { grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: Style(.selected)) }
            let nameStyle = isChosen ? Style(.selected, bold: true) : Style(.bold)
            var x = grid.write((isChosen ? glyphs.pointer : " ") + " " + padded + "  ", x: body.x, y: y, style: nameStyle, clip: body)
            let caption = glyphs.text(file.caption ?? "(no caption)")
            let captionStyle = isChosen ? Style(.selected) : Style(file.caption == nil ? .dim : .accent)
            // Cut between words: "accept a client wri…" read as a typo on the projector.
            let shown = WordWrap.fitted(caption, width: max(0, body.maxX - x), ellipsis: glyphs.ellipsis)
            x = grid.write(shown, x: x, y: y, style: captionStyle, clip: body)
        }
    }

    /// `↑ 2 more · ↓ 4 more`, the part that applies; nil when every scenario shows.
    static func footer(above: Int, below: Int, glyphs: Glyphs) -> String? {
        let parts = [(above, glyphs.arrowUp), (below, glyphs.arrowDown)]
            .filter { $0.0 > 0 }.map { "\($0.1) \($0.0) more" }
        return parts.isEmpty ? nil : parts.joined(separator: " \(glyphs.separator) ")
    }
}
