import Chord
import RingsideSimulation

/// The space-time view (`v`): a `SpaceTimeDiagram` drawn with lifelines, box-drawing
/// arrows coloured by protocol, and one line of explanation per row.
///
/// ```
/// ┌─ Space-time · 6 nodes ─────────────────────────────────────────────────────┐
/// │ t    10    32    60    90   105   120                                       │
/// │ 0     │     │     │   ┌─●     │     │  90: 15 ∉ (90,105] → forward to …     │
/// │ 8     ●─────┐◀────────┘ │     │     │  10: 15 ∈ (10,32] → successor 32 …    │
/// ```
struct SpaceTimePanel {
    let model: AppModel
    let glyphs: Glyphs

    func render(into grid: inout Grid, area: Rect) {
        grid.fill(area)
        let probe = area.inset(top: 1, left: 2, bottom: 1, right: 2)
        let diagram = SpaceTimeDiagram(model: model, size: probe.size)
        let inner = grid.drawBox(area, title: title(diagram), footer: footer(diagram), glyphs: glyphs)
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        guard !body.isEmpty else { return }
        header(diagram, into: &grid, body: body)
        let rowsArea = body.inset(top: 1)
        guard !rowsArea.isEmpty else { return }
        let marks = SpaceTimeGlyphs(glyphs)
        if diagram.rows.isEmpty {
            grid.write("no messages yet: l looks a key up, s stabilizes, a syncs two replicas",
                       x: rowsArea.x + diagram.timeWidth, y: rowsArea.y, style: Style(.dim), clip: rowsArea)
        }
        var canvas = LineCanvas(area: rowsArea)
        for column in diagram.columns.columns {
            canvas.vertical(x: body.x + column.x, from: rowsArea.y - 1, to: rowsArea.maxY, style: Style(.dim))
        }
        drawRows(diagram, into: &grid, rowsArea: rowsArea, rule: marks.rule)
        let base = Point(x: body.x, y: rowsArea.y)
        for arrow in diagram.arrows { lines(of: arrow, diagram, base: base, canvas: &canvas) }
        canvas.render(into: &grid, glyphs: glyphs)
        for arrow in diagram.arrows { ends(of: arrow, diagram, base: base, marks: marks, into: &grid, clip: rowsArea) }
        for mark in diagram.marks {
            let x = base.x + diagram.columns.columns[mark.column].x
            switch mark.kind {
            case .timeout: grid.put(marks.timeout, x: x, y: base.y + mark.row, style: Style(.warning, bold: true), clip: rowsArea)
            case .note: grid.put(marks.note, x: x, y: base.y + mark.row, style: Style(.bold), clip: rowsArea)
            }
        }
        texts(diagram, into: &grid, rowsArea: rowsArea)
    }

    // MARK: Parts

    private func title(_ diagram: SpaceTimeDiagram) -> String {
        let shown = diagram.columns.columns.count
        let hidden = diagram.columns.hiddenCount
        var title = "Space-time \(glyphs.separator) "
        title += hidden > 0 ? "\(shown) of \(shown + hidden) nodes (\(hidden) hidden)" : counted(shown, "node")
        if let first = diagram.rows.first, let last = diagram.rows.last {
            title += " \(glyphs.separator) t=\(first.time)\(glyphs.ellipsis)\(last.time)"
        }
        return title
    }

    private func footer(_ diagram: SpaceTimeDiagram) -> String {
        let key = model.keyMap.binding(for: .cycleView)?.keys.first?.label(glyphs: glyphs) ?? "v"
        return (diagram.hasEarlier ? "\(glyphs.arrowUp) earlier events  " : "") + "\(key) \(model.viewKeyHint)"
    }

    /// The node labels above their lifelines (the selection reversed, the focused
    /// lookup's route in its colour, failed nodes in theirs).
    private func header(_ diagram: SpaceTimeDiagram, into grid: inout Grid, body: Rect) {
        let world = model.world
        let route = Set(LookupHops(model: model).visited)
        let width = max(1, diagram.columns.spacing - 1)
        grid.write("t", x: body.x + max(0, diagram.timeWidth - 2), y: body.y,
                   style: Style(.dim), clip: body)
        for column in diagram.columns.columns {
            let label = world.ringLabel(column.node, width: width, glyphs: glyphs)
            let style: Style
            if column.node == model.selection {
                style = Style(.selected, bold: true, underline: model.isHighlighted(column.node))
            } else if model.isHighlighted(column.node) {
                style = Style.highlight
            } else if !world.state.isAlive(column.node) {
                style = Style(.failed)
            } else if route.contains(column.node) {
                style = Style(.hopDone, bold: true)
            } else {
                style = Style(.bold)
            }
            let x = body.x + column.x - (TextWidth.of(label) - 1) / 2
            grid.write(label, x: x, y: body.y, style: style, clip: body)
        }
        if diagram.textX + 4 < body.width {
            grid.write("what happened", x: body.x + diagram.textX, y: body.y, style: Style(.dim), clip: body)
        }
    }

    /// Times (when they change) and the rule of command rows.
    private func drawRows(_ diagram: SpaceTimeDiagram, into grid: inout Grid, rowsArea: Rect, rule: Character) {
        var previous: UInt64?
        for (index, row) in diagram.rows.enumerated() {
            let y = rowsArea.y + index
            if row.time != previous {
                let text = String(row.time)
                grid.write(text, x: rowsArea.x + diagram.timeWidth - 1 - text.count, y: y, style: Style(.dim), clip: rowsArea)
                previous = row.time
            }
            if row.kind == .command, diagram.columns.endX > diagram.timeWidth {
                let from = rowsArea.x + diagram.timeWidth
                let rect = Rect(x: from, y: y, width: diagram.columns.endX - diagram.timeWidth, height: 1)
                grid.fill(rect.intersection(rowsArea), with: rule, style: Style(.dim))
            }
        }
    }

    /// The arrow's runs: across its send row, down beside the receiver, into its lifeline.
    private func lines(of arrow: SpaceTimeDiagram.Arrow, _ diagram: SpaceTimeDiagram, base: Point,
                       canvas: inout LineCanvas) {
        let columns = diagram.columns.columns
        let xa = base.x + columns[arrow.from].x
        let xb = base.x + columns[arrow.to].x
        let corner = SpaceTimeBuilder.cornerX(from: xa, to: xb)
        let style = Style(arrow.kind.role, bold: arrow.ending == .inFlight)
        let endY = base.y + arrow.endRow
        let startY: Int
        if let row = arrow.sendRow {
            startY = base.y + row
            canvas.horizontal(y: startY, from: xa, to: corner, style: style)
        } else {
            startY = base.y - 1  // from above the first row shown
        }
        canvas.vertical(x: corner, from: startY, to: endY, style: style)
        if arrow.ending == .delivered {
            canvas.horizontal(y: endY, from: corner, to: xb, style: style)
        }
    }

    /// The marks at an arrow's ends and its label, drawn over the lines.
    private func ends(of arrow: SpaceTimeDiagram.Arrow, _ diagram: SpaceTimeDiagram, base: Point,
                      marks: SpaceTimeGlyphs, into grid: inout Grid, clip: Rect) {
        let columns = diagram.columns.columns
        let xa = base.x + columns[arrow.from].x
        let xb = base.x + columns[arrow.to].x
        let corner = SpaceTimeBuilder.cornerX(from: xa, to: xb)
        let style = Style(arrow.kind.role, bold: true)
        let endY = base.y + arrow.endRow
        if let row = arrow.sendRow {
            let y = base.y + row
            grid.put(marks.dot, x: xa, y: y, style: style, clip: clip)
            // The type on the run, where it fits with a cell of line either side.
            let run = abs(corner - xa) - 1
            let label = arrow.type
            if TextWidth.of(label) + 2 <= run {
                let start = min(xa, corner) + 1 + (run - TextWidth.of(label)) / 2
                grid.write(label, x: start, y: y, style: Style(arrow.kind.role), clip: clip)
            }
        }
        switch arrow.ending {
        case .delivered:
            grid.put(xb > xa ? marks.headRight : marks.headLeft, x: xb > xa ? xb - 1 : xb + 1, y: endY, style: style, clip: clip)
            grid.put(marks.dot, x: xb, y: endY, style: style, clip: clip)
        case .dropped:
            grid.put(marks.dropped, x: corner, y: endY, style: Style(.error, bold: true), clip: clip)
        case .inFlight:
            grid.put(marks.inFlight, x: corner, y: endY, style: style, clip: clip)
        }
    }

    /// Each row's explanation, to the right of the columns.
    private func texts(_ diagram: SpaceTimeDiagram, into grid: inout Grid, rowsArea: Rect) {
        let width = rowsArea.width - diagram.textX
        guard width > 0 else { return }
        for (index, row) in diagram.rows.enumerated() where !row.text.isEmpty {
            let text = TextWidth.truncate(glyphs.text(row.text), toWidth: width, ellipsis: glyphs.ellipsis)
            grid.write(text, x: rowsArea.x + diagram.textX, y: rowsArea.y + index, style: Style(row.role), clip: rowsArea)
        }
    }
}
