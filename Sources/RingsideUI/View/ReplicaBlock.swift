import Chord
import RingsideSimulation

/// One replica: header, log beside its version vector, database.
struct ReplicaBlock {
    let model: AppModel
    let node: NodeIndex
    let glyphs: Glyphs
    let view: BayouReplicaView
    let logWidth: Int
    let vectorWidth: Int
    /// The version vector without its zero entries (replicas this one has heard nothing
    /// from): on a large ring the zeros would crowd out what it knows.
    let vector: [(node: NodeIndex, timestamp: UInt64)]
    /// The version vector goes on one line under the log, not beside it: the log and the
    /// vector side by side are wider than the block may be.
    let isStacked: Bool

    init(model: AppModel, node: NodeIndex, glyphs: Glyphs, maxWidth: Int = .max) {
        self.model = model
        self.node = node
        self.glyphs = glyphs
        view = model.world.bayouView(of: node)
        logWidth = max(14, view.log.map { TextWidth.of(glyphs.text($0.notation)) }.max() ?? 0)
        vector = view.versionVector.filter { $0.timestamp > 0 }
        vectorWidth = vector.prefix(BayouPanel.vectorLinesMax)
            .map { TextWidth.of(model.world.state.name($0.node)) + 2 + String($0.timestamp).count }.max() ?? 0
        isStacked = !vector.isEmpty && logWidth + 2 + vectorWidth > maxWidth
    }

    /// Wide enough for the header too: `P 10 primary down  clock 13` must not lose its clock.
    var width: Int {
        max(isStacked ? logWidth : logWidth + 2 + vectorWidth, 24, header.reduce(0) { $0 + TextWidth.of($1.text) })
    }

    /// Log lines including the rule between committed and tentative writes.
    private var logLines: Int {
        let committed = view.log.filter(\.isCommitted).count
        let rule = committed > 0 && committed < view.log.count ? 1 : 0
        return max(1, view.log.count + rule)
    }

    private var vectorLines: Int { min(vector.count, BayouPanel.vectorLinesMax) }

    var height: Int { 1 + (isStacked ? logLines + 1 : max(logLines, vectorLines)) + 1 }

    /// Draws the block inside `area` (no border), cut to its height.
    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        grid.write(header, x: area.x, y: area.y, clip: area)

        let bodyRows = max(0, area.height - 2)
        if isStacked {
            // The vector's line is kept under whatever rows the log gets.
            let logRows = max(0, bodyRows - 1)
            drawLog(into: &grid, x: area.x, y: area.y + 1, rows: logRows, clip: area)
            if bodyRows > 0 {
                grid.write(vectorLineSpans(width: area.width), x: area.x, y: area.y + 1 + logRows, clip: area)
            }
        } else {
            drawLog(into: &grid, x: area.x, y: area.y + 1, rows: bodyRows, clip: area)
            drawVector(into: &grid, x: area.x + logWidth + 2, y: area.y + 1, rows: bodyRows, clip: area)
        }
        var line = [Span("db ", Style(.dim))]
        line += databaseSpans(width: area.width - 3)
        grid.write(line, x: area.x, y: area.y + 1 + bodyRows, clip: area)
    }

    /// `X=4 Y=8`, as many entries as fit in `width`, then `+2 more` (or `…`) for the rest:
    /// cut at the block's edge, a database of four keys read as one of two.
    func databaseSpans(width: Int) -> [Span] {
        guard !view.database.isEmpty else { return [Span("empty")] }
        let entries = view.database.map { "\($0.key)=\($0.value)" }
        var text = ""
        for (i, entry) in entries.enumerated() {
            let candidate = text.isEmpty ? entry : text + " " + entry
            let rest = entries.count - i - 1
            let suffix = rest == 0 ? "" : " +\(rest) more"
            if TextWidth.of(candidate) + TextWidth.of(suffix) <= width {
                text = candidate
                continue
            }
            // This entry does not fit with a note of what follows: say how many are left.
            let hidden = entries.count - i
            let note = "+\(hidden) more"
            let joined = text.isEmpty ? note : text + " " + note
            if TextWidth.of(joined) <= width { return [Span(text.isEmpty ? "" : text + " "), Span(note, Style(.dim))] }
            return [Span(text), Span(glyphs.ellipsis, Style(.dim))]
        }
        return [Span(text)]
    }

    /// `▸ P 10 primary down  clock 13`.
    private var header: [Span] {
        let world = model.world
        let state = world.state
        var header: [Span] = [
            Span(state.name(node), model.isHighlighted(node) ? Style.highlight : Style(.title, bold: true)),
            Span(idBesideName.map { " " + $0 } ?? "", Style(.dim)),
        ]
        if world.primary == node { header.append(Span(" primary", Style(.accent))) }
        if world.hasLeft(node) {
            header.append(Span(" left", Style(.dim)))
        } else if !state.isAlive(node) {
            header.append(Span(" down", Style(.failed)))
        }
        header.append(Span("  clock \(view.clock)", Style(.dim)))
        if node == model.selection { header.insert(Span(glyphs.pointer + " ", Style(.selected, bold: true)), at: 0) }
        return header
    }

    /// The node's ring label after its name (`P 10`), as the ring draws it; nil when the
    /// ring draws the name itself (a hashed id too long to show: `alice alice` said nothing).
    private var idBesideName: String? {
        let world = model.world
        guard world.hasCustomName(node) else { return nil }
        let label = world.ringLabel(node, glyphs: glyphs)
        return label == world.state.name(node) ? nil : label
    }

    private func drawLog(into grid: inout Grid, x: Int, y: Int, rows: Int, clip: Rect) {
        guard rows > 0 else { return }
        if view.log.isEmpty {
            grid.write("(empty log)", x: x, y: y, style: Style(.dim), clip: clip)
            return
        }
        var lines: [Span] = []
        var rule: Int?
        let flashing = (model.flashUntil[node] ?? 0) > model.now
        // Blink: on and off every 300 ms while the flash lasts.
        let flashOn = flashing && (model.now / 300) % 2 == 0
        for (i, entry) in view.log.enumerated() {
            if i > 0, view.log[i - 1].isCommitted, !entry.isCommitted {
                rule = lines.count
                lines.append(Span(String(repeating: glyphs.isUnicode ? "─" : "-", count: logWidth), Style(.dim)))
            }
            var style = entry.isCommitted ? Style(.committed, bold: true) : Style(.tentative)
            if entry.redone, flashOn { style = Style(.flash, bold: true) }
            lines.append(Span(glyphs.text(entry.notation), style))
        }
        // Too long for the space: the newest entries matter most, say how many are above.
        // With one row, the newest write itself: "… 2 earlier" alone (80×24) showed no write.
        var shown = lines[...]
        if lines.count > rows, rows == 1 {
            // The newest write after `…`, so the earlier ones are known to be there (the
            // db line shows their effect: alone, `∞:7:P w(Y,8)` beside `db X=4 Y=8` read
            // as a log that contradicts its database). The gap before the vector has room.
            grid.write(glyphs.ellipsis, x: x, y: y, style: Style(.dim), clip: clip)
            let newest = lines[lines.count - 1]
            grid.write(newest.text, x: x + TextWidth.of(glyphs.ellipsis), y: y, style: newest.style, clip: clip)
            return
        } else if lines.count > rows {
            shown = lines.suffix(max(0, rows - 1))
            // A count of writes: the committed/tentative rule above the cut is not one.
            let above = lines.count - shown.count
            let writes = above - (rule.map { $0 < above ? 1 : 0 } ?? 0)
            grid.write("\(glyphs.ellipsis) \(writes) earlier", x: x, y: y, style: Style(.dim), clip: clip)
        }
        let top = y + (lines.count > rows && rows > 1 ? 1 : 0)
        for (offset, span) in shown.enumerated() {
            grid.write(span.text, x: x, y: top + offset, style: span.style, clip: clip)
        }
    }

    /// `vv A: 5  P: 3`, as many whole entries as fit in `width`, then `+2 more`.
    func vectorLineSpans(width: Int) -> [Span] {
        let names = model.world.state
        let entries = vector.map { "\(names.name($0.node)): \($0.timestamp)" }
        var text = "vv"
        for (i, entry) in entries.enumerated() {
            let rest = entries.count - i - 1
            let suffix = rest == 0 ? "" : "  +\(rest) more"
            if TextWidth.of(text + "  " + entry + suffix) > width {
                return [Span(text, Style(.dim)), Span("  +\(entries.count - i) more", Style(.dim))]
            }
            text += "  " + entry
        }
        return [Span(text, Style(.dim))]
    }

    private func drawVector(into grid: inout Grid, x: Int, y: Int, rows: Int, clip: Rect) {
        let names = model.world.state
        let entries = vector.prefix(min(rows, BayouPanel.vectorLinesMax))
        for (offset, entry) in entries.enumerated() {
            let more = offset > 0 && offset == entries.count - 1 && vector.count > entries.count
            let text = more ? glyphs.ellipsis : "\(names.name(entry.node)): \(entry.timestamp)"
            grid.write(text, x: x, y: y + offset, style: Style(.dim), clip: clip)
        }
    }
}
