import RingsideKernel
import RingsideSimulation

/// The convergence view: Bayou's version vectors as a replica × origin heat map, and
/// sparklines over the run up to the cursor — distinct databases, correct successors and
/// fingers, lookups that failed or reached a wrong owner.
struct ConvergencePanel {
    let model: AppModel
    let glyphs: Glyphs

    /// Columns the plots' labels take, and their values.
    static let labelWidth = 12
    static let valueWidth = 6
    /// Below this inner width the heat map goes under the plots rather than beside them.
    static let sideBySideWidthMin = 64

    func render(into grid: inout Grid, area: Rect) {
        let series = ConvergenceSeries(model: model)
        let inner = grid.drawBox(area, title: title(series), footer: footer(), glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard model.world.state.liveCount > 0 else {
            grid.write("no live nodes yet: :add 10 32 60", x: inner.x, y: inner.y, style: Style(.dim), clip: inner)
            return
        }
        let plotRows = 9
        let plots: Rect, matrix: Rect
        if inner.width >= Self.sideBySideWidthMin {
            // Wide enough for its heading, wider when many origins have written.
            let left = min(inner.width / 2, max(34, naturalMatrixWidth()))
            matrix = Rect(x: inner.x, y: inner.y, width: left, height: inner.height)
            plots = Rect(x: inner.x + left + 2, y: inner.y, width: max(0, inner.width - left - 2), height: inner.height)
        } else {
            plots = Rect(x: inner.x, y: inner.y, width: inner.width, height: min(plotRows, inner.height))
            matrix = Rect(x: inner.x, y: inner.y + plots.height + 1, width: inner.width,
                          height: max(0, inner.height - plots.height - 1))
        }
        drawPlots(series, into: &grid, area: plots)
        drawMatrix(into: &grid, area: matrix)
    }

    // MARK: Title and footer

    private func title(_ series: ConvergenceSeries) -> String {
        var parts = ["Convergence"]
        if let span = series.timeSpan {
            parts.append(counted(series.samples.count, "sample") + " t=\(span.first)\(glyphs.ellipsis)\(span.last)")
        }
        if model.timeline.isBack { parts.append("to step \(model.timeline.cursor)") }
        return parts.joined(separator: " \(glyphs.separator) ")
    }

    private func footer() -> String {
        let key = model.keyMap.binding(for: .cycleView)?.keys.first?.label(glyphs: glyphs) ?? "v"
        return "\(key) \(model.viewKeyHint)"
    }

    // MARK: Plots

    private func drawPlots(_ series: ConvergenceSeries, into grid: inout Grid, area: Rect) {
        guard !area.isEmpty, let latest = series.latest else { return }
        var y = area.y
        func line(_ spans: [Span]) {
            guard y < area.maxY else { return }
            grid.write(spans, x: area.x, y: y, clip: area)
            y += 1
        }
        func plot(_ label: String, _ values: [Double], range: ClosedRange<Double>, value: String, role: Role) {
            let width = max(0, area.width - Self.labelWidth - Self.valueWidth - 1)
            let spark = String(Sparkline(values: values, range: range).characters(width: width, glyphs: glyphs))
            let padded = spark + String(repeating: " ", count: max(0, width - spark.count))
            let shownValue = String(repeating: " ", count: max(0, Self.valueWidth - value.count)) + value
            line([Span(pad(label, Self.labelWidth), Style(.normal)), Span(padded, Style(role)),
                  Span(" " + shownValue, Style(.bold))])
        }
        line([Span("Bayou \(glyphs.separator) " + counted(latest.replicas, "replica"), Style(.title, bold: true))])
        let databases = series.distinctDatabases
        plot("databases", databases, range: 1...ConvergenceSeries.top(databases, floor: 2),
             value: "\(latest.distinctDatabases)", role: .committed)
        if !latest.hasWrites {
            line([Span("no writes yet", Style(.dim))])
        } else if let since = series.identicalSince {
            line([Span("identical since t=\(since.time) (step \(since.step))", Style(.committed, bold: true))])
        } else {
            line([Span("\(latest.distinctDatabases) different databases", Style(.warning))])
        }
        line([Span("Chord \(glyphs.separator) " + counted(latest.liveNodes, "live node"), Style(.title, bold: true))])
        plot("successors", series.successorFractions, range: 0...1, value: percent(latest.successorFraction), role: .accent)
        plot("fingers", series.fingerFractions, range: 0...1, value: percent(latest.fingerFraction), role: .accent)
        let failed = series.failedLookups, wrong = series.wrongOwnerLookups
        plot("lookups \(glyphs.failed)", failed, range: 0...ConvergenceSeries.top(failed), value: "\(latest.failedLookups)", role: .error)
        plot("wrong owner", wrong, range: 0...ConvergenceSeries.top(wrong), value: "\(latest.wrongOwnerLookups)", role: .warning)
        let sampled = latest.fingersChecked / max(1, model.world.state.bits)
        if sampled < latest.liveNodes {
            line([Span("fingers of \(sampled) nodes spread round the ring", Style(.dim))])
        }
    }

    private func percent(_ fraction: Double) -> String {
        "\(Int((fraction * 100).rounded(.down)))%"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let shown = TextWidth.of(text) > width - 1 ? String(text.prefix(width - 1)) : text
        return shown + String(repeating: " ", count: max(0, width - TextWidth.of(shown)))
    }

    // MARK: Heat map

    /// Replica names this wide at most head the rows.
    static let nameWidthMax = 6

    private func naturalMatrixWidth() -> Int {
        let origins = VersionMatrix(world: model.world, rowsMax: 0).origins
        let longest = origins.map { TextWidth.of($0.name) }.max() ?? 1
        return Self.nameWidthMax + 1 + max(2, longest + 1) * origins.count
    }

    private func drawMatrix(into grid: inout Grid, area: Rect) {
        guard area.height >= 3, area.width >= 4 else { return }
        // Heading, column labels, and a row kept for "+N more" if needed.
        let matrix = VersionMatrix(world: model.world, rowsMax: area.height - 2)
        grid.write("Version vectors (replica \(glyphs.times) origin)", x: area.x, y: area.y,
                   style: Style(.title, bold: true), clip: area)
        guard !matrix.origins.isEmpty else {
            grid.write("no writes yet", x: area.x, y: area.y + 1, style: Style(.dim), clip: area)
            return
        }
        let nameWidth = min(Self.nameWidthMax, matrix.rows.map { TextWidth.of($0.name) }.max() ?? 1)
        let room = max(0, area.width - nameWidth - 1)
        let header = Self.originHeader(matrix.origins.map(\.name), room: room, ellipsis: glyphs.ellipsis.first ?? ".")
        let cellWidth = header.cellWidth
        let columns = min(matrix.origins.count, room / cellWidth)
        let left = area.x + nameWidth + 1
        for (r, line) in header.lines.enumerated() {
            for (i, label) in line.prefix(columns).enumerated() {
                grid.write(label, x: left + i * cellWidth, y: area.y + 1 + r, style: Style(.dim), clip: area)
            }
        }
        let top = area.y + 1 + header.lines.count
        var rows = matrix.rows
        var hidden = matrix.hiddenRows
        let rowsRoom = max(0, area.maxY - top)
        if rows.count > rowsRoom {
            hidden += rows.count - rowsRoom
            rows.removeLast(rows.count - rowsRoom)
        }
        // The last row says how many are left out, when some are.
        if hidden > 0, rows.count > 0, rows.count >= rowsRoom {
            rows.removeLast()
            hidden += 1
        }
        for (r, row) in rows.enumerated() {
            let y = top + r
            grid.write(String(row.name.prefix(nameWidth)), x: area.x, y: y, style: Style(.normal), clip: area)
            for (i, fraction) in row.cells.prefix(columns).enumerated() {
                let (character, role) = shade(fraction)
                for dx in 0..<cellWidth {
                    grid.put(character, x: left + i * cellWidth + dx, y: y, style: Style(role), clip: area)
                }
            }
        }
        if hidden > 0 {
            grid.write("+" + counted(hidden, "more replica"), x: area.x, y: top + rows.count, style: Style(.dim), clip: area)
        }
        if columns < matrix.origins.count {
            grid.write("+\(matrix.origins.count - columns)", x: area.maxX - 4, y: area.y + 1, style: Style(.dim), clip: area)
        }
    }

    /// Header rows most a column label may take when written downwards.
    static let verticalLabelRowsMax = 6

    /// The origins' column labels and the cell width: one row when every name fits its
    /// cell with a space after it (cells widen for names up to what `room` allows), else
    /// each name written downwards, one character a row. Cut to a cell's last two
    /// characters, `10 32 105` read `103205` and `n999` `99`.
    static func originHeader(_ names: [String], room: Int, ellipsis: Character = "\u{2026}") -> (cellWidth: Int, lines: [[String]]) {
        let longest = names.map { TextWidth.of($0) }.max() ?? 1
        if longest + 1 <= 2 || names.count * (longest + 1) <= room {
            return (max(2, longest + 1), [names])
        }
        let cellWidth = 2 * names.count <= room ? 2 : 1
        let rows = min(longest, verticalLabelRowsMax)
        let lines = (0..<rows).map { row in
            names.map { name -> String in
                let characters = Array(name)
                guard row < characters.count else { return "" }
                // A name longer than the rows ends in `…` on the last one.
                if row == rows - 1, characters.count > rows { return String(ellipsis) }
                return String(characters[row])
            }
        }
        return (cellWidth, lines)
    }

    /// Full: every write of that origin seen; blank: none; shades between.
    private func shade(_ fraction: Double) -> (Character, Role) {
        let levels: [Character] = glyphs.isUnicode ? ["·", "░", "▒", "▓", "█"] : [".", "-", "+", "*", "#"]
        if fraction >= 1 { return (levels[4], .committed) }
        if fraction <= 0 { return (levels[0], .dim) }
        return (levels[1 + min(2, Int(fraction * 3))], .tentative)
    }
}
