import RingsideSimulation

/// The in-flight list (`m`), drawn over the finger-table and Bayou panels so the ring
/// stays in view: one message a line, `m12 90 → 10 find_successor due t=14`, in
/// delivery order, the selected one highlighted; it scrolls to keep the selection shown.
struct MessageListPanel {
    let model: AppModel
    let glyphs: Glyphs

    /// Where the list goes: the area of the finger table and the Bayou logs together.
    static func area(in layout: ScreenLayout) -> Rect {
        let x = min(layout.fingers.x, layout.bayou.x)
        let y = min(layout.fingers.y, layout.bayou.y)
        let maxX = max(layout.fingers.maxX, layout.bayou.maxX)
        let maxY = max(layout.fingers.maxY, layout.bayou.maxY)
        return Rect(x: x, y: y, width: max(0, maxX - x), height: max(0, maxY - y))
    }

    /// Message rows the list shows at this layout.
    static func rows(in layout: ScreenLayout) -> Int {
        max(0, area(in: layout).height - 2)
    }

    /// One message as listed: `m12 90 → 10 find_successor due t=14`.
    static func line(_ message: InFlightMessage, world: World, glyphs: Glyphs) -> String {
        let route = "\(world.ringLabel(message.from, glyphs: glyphs)) \(glyphs.arrow) \(world.ringLabel(message.to, glyphs: glyphs))"
        return "m\(message.id) \(route) \(message.type) due t=\(message.deliverAt)"
    }

    /// The first row shown: the model's scroll, moved just enough to show the selection.
    static func firstRow(scroll: Int, selected: Int, count: Int, rows: Int) -> Int {
        guard rows > 0 else { return 0 }
        var first = min(scroll, selected)
        if selected >= first + rows { first = selected - rows + 1 }
        return min(max(0, first), max(0, count - rows))
    }

    func render(into grid: inout Grid, area: Rect) {
        grid.fill(area)
        let list = model.messageList
        let rows = max(0, area.height - 2)
        let first = Self.firstRow(scroll: list.scroll, selected: list.selected, count: list.messages.count, rows: rows)
        let title = "In flight \(glyphs.separator) \(list.total)"
            + (list.total > list.messages.count ? " (first \(list.messages.count) listed)" : "")
        var footer = model.keyMap.hints([.deliverMessage, .dropMessage, .closeMessages], glyphs: glyphs)
            .map { "\($0.key) \($0.label)" }.joined(separator: "  ")
        let above = first > 0
        let below = first + rows < list.messages.count
        if above || below {
            footer = (above ? glyphs.arrowUp : "") + (below ? glyphs.arrowDown : "") + " more  " + footer
        }
        let inner = grid.drawBox(area, title: title, footer: footer, glyphs: glyphs)
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        guard !body.isEmpty else { return }
        guard !list.messages.isEmpty else {
            grid.write("nothing in flight", x: body.x, y: body.y, style: Style(.dim), clip: body)
            return
        }
        for (offset, message) in list.messages.dropFirst(first).prefix(body.height).enumerated() {
            let index = first + offset
            let y = body.y + offset
            let isSelected = index == list.selected
            let text = TextWidth.truncate(glyphs.text(Self.line(message, world: model.world, glyphs: glyphs)),
                                          toWidth: body.width, ellipsis: glyphs.ellipsis)
            let style = isSelected ? Style(.selected, bold: true, reverse: true)
                : (message.isBayou ? Style(.committed) : Style())
            if isSelected { grid.fill(body.row(offset), style: style) }
            let x = grid.write(text, x: body.x, y: y, style: style, clip: body)
            // The protocol's own words when they say more than the type ("answer: 32").
            if !message.summary.hasPrefix(message.type), x + 3 < body.maxX {
                let rest = TextWidth.truncate("  " + glyphs.text(message.summary), toWidth: body.maxX - x, ellipsis: glyphs.ellipsis)
                grid.write(rest, x: x, y: y, style: isSelected ? style : Style(.dim), clip: body)
            }
        }
    }
}
