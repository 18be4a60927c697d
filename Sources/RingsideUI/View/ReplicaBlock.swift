import Chord
import RingsideSimulation

/// One replica: header, log beside its version vector, database.
struct ReplicaBlock {
    /// One version-vector entry as drawn: a replica's name and the newest timestamp this
    /// replica has seen from it (`others`/`all` with 0: the zero entries a large ring leaves out).
    struct VectorEntry: Equatable {
        var name: String
        var timestamp: UInt64
        /// The replicas the entry stands for: 1, or the count `others`/`all` sums up, so a
        /// cut's `+N` counts replicas (`B:5 +1` stood for five zero entries).
        var replicas = 1
        /// `A: 12`, one entry a line beside the log (as the slides draw it).
        var spaced: String { "\(name): \(timestamp)" }
        /// `A:12`, several entries to a line when there are more entries than rows.
        var packed: String { "\(name):\(timestamp)" }
    }

    let model: AppModel
    let node: NodeIndex
    let glyphs: Glyphs
    let view: BayouReplicaView
    /// `▸ P 10 primary  clock 7`.
    let header: [Span]
    /// ` · next 9` after the clock when the next write's stamp is not clock + 1 (what a
    /// student predicts from the clock alone): a session brought writes stamped later than
    /// the clock, which only the replica's own writes move. It takes room the header row
    /// has left, so it never widens the block nor pushes out a vector placed on that row.
    let nextStamp: Span?
    let logWidth: Int
    /// The version vector, whole. On a ring small enough for every replica to show, an
    /// entry per replica, zeros included (80×24 showed P's vector as `P: 7` alone, which
    /// read as cut); on a larger one the entries above 0, then `others: 0` for the rest,
    /// or `all: 0` before it has seen any write (a thousand zeros say nothing).
    let vector: [VectorEntry]
    /// The same, shorter: the entries above 0, then `others: 0` when two or more are 0
    /// (the demo's six replicas packed made a block too wide for two columns at 100×30).
    let summary: [VectorEntry]
    /// The vector's width beside the log: the whole vector's, unless the summary keeps the
    /// block narrower.
    let vectorWidth: Int
    /// The width of the log and the vector side by side when the block gets one row for
    /// them: the newest write after `↑N`, then the entries packed (`P:7 A:12 B:5`).
    let oneRowWidth: Int
    /// The block will get one row for its log and vector (a short panel): its width is
    /// `oneRowWidth`, so the vector is not cut beside the marked write.
    let isOneRow: Bool
    /// The version vector goes on one line under the log, not beside it: the log and the
    /// vector side by side are wider than the block may be.
    let isStacked: Bool
    /// Draw the summary even where the whole vector would fit: the panel sets it when a
    /// neighbouring block could show only its summary, so that blocks side by side do not
    /// read `P:0 A:12 B:0 N90:0` beside `others: 0` for the same kind of zeros.
    var summaryOnly = false

    /// The forms the vector may take, preferred first.
    private var forms: [[VectorEntry]] {
        summaryOnly || vector == summary ? [summary] : [vector, summary]
    }

    /// True when the block has a whole vector that differs from its summary (zeros the
    /// summary folds into `others`/`all`), so the panel's choice between them matters.
    var hasVectorChoice: Bool { vector != summary }

    init(model: AppModel, node: NodeIndex, glyphs: Glyphs, maxWidth: Int = .max, oneRow: Bool = false) {
        self.model = model
        self.node = node
        self.glyphs = glyphs
        view = model.world.bayouView(of: node)
        header = Self.header(model: model, node: node, glyphs: glyphs, view: view)
        nextStamp = view.nextStamp > view.clock + 1
            ? Span(" \(glyphs.separator) next \(view.nextStamp)", Style(.dim)) : nil
        let headerWidth = header.reduce(0) { $0 + TextWidth.of($1.text) }
        logWidth = max(14, view.log.map { TextWidth.of(glyphs.text($0.notation)) }.max() ?? 0)
        let state = model.world.state
        let seen = view.versionVector.filter { $0.timestamp > 0 }
        let seenEntries = seen.map { VectorEntry(name: state.name($0.node), timestamp: $0.timestamp) }
        let zeros = view.versionVector.filter { $0.timestamp == 0 }
        var summary = seenEntries
        if zeros.count == 1 {
            summary.append(VectorEntry(name: state.name(zeros[0].node), timestamp: 0))
        } else if zeros.count > 1 {
            summary.append(VectorEntry(name: seen.isEmpty ? "all" : "others", timestamp: 0, replicas: zeros.count))
        }
        self.summary = summary
        vector = view.versionVector.count <= BayouPanel.allShownMax
            ? view.versionVector.map { VectorEntry(name: state.name($0.node), timestamp: $0.timestamp) }
            : summary
        // The rows the vector is sized for: the log's (or its entries above 0), two at least
        // (packed onto one row beside a one-line log, `P:0 A:0 B:5` made the block too wide
        // for two columns at 100×30). The whole vector unless it makes the block wider than
        // the summary would (or than the header already makes it).
        let rows = min(BayouPanel.vectorLinesMax, vector.count,
                       max(Self.logLines(of: view), min(seen.count, BayouPanel.vectorLinesMax), 2))
        func width(_ entries: [VectorEntry], rows: Int) -> Int {
            entries.count <= rows ? entries.map { TextWidth.of($0.spaced) }.max() ?? 0
                : Self.packedWidth(entries.map(\.packed), rows: rows)
        }
        let slack = max(24, headerWidth) - logWidth - 2
        let whole = width(vector, rows: rows)
        vectorWidth = whole <= max(slack, width(summary, rows: rows)) ? whole : width(summary, rows: rows)
        var newest = view.log.last.map { TextWidth.of(glyphs.text($0.notation)) } ?? TextWidth.of("(empty log)")
        if view.log.count > 1 { newest += TextWidth.of(Self.earlierMarker(view.log.count - 1, glyphs: glyphs)) }
        let oneRowSlack = max(24, headerWidth) - max(logWidth, newest) - 2
        let wholeOnOneRow = Self.packedWidth(vector.map(\.packed), rows: 1)
        let summaryOnOneRow = Self.packedWidth(summary.map(\.packed), rows: 1)
        oneRowWidth = max(logWidth, newest) + 2
            + (wholeOnOneRow <= max(oneRowSlack, summaryOnOneRow) ? wholeOnOneRow : summaryOnOneRow)
        isOneRow = oneRow
        isStacked = !vector.isEmpty && (oneRow ? oneRowWidth : logWidth + 2 + vectorWidth) > maxWidth
    }

    /// `↑2 ` before the one write a one-row log shows: two writes above it.
    static func earlierMarker(_ count: Int, glyphs: Glyphs) -> String {
        "\(glyphs.isUnicode ? "\u{2191}" : "^")\(count) "
    }

    /// The narrowest width (up to `widthMax`) that packs `texts` into `rows` lines.
    static func packedWidth(_ texts: [String], rows: Int, widthMax: Int = 40) -> Int {
        let widest = texts.map { TextWidth.of($0) }.max() ?? 0
        var width = widest
        while width < widthMax, !fits(texts, rows: rows, width: width) { width += 1 }
        return width
    }

    /// True when `texts`, one space apart, fill at most `rows` lines of `width`.
    private static func fits(_ texts: [String], rows: Int, width: Int) -> Bool {
        fill(texts, rows: rows, width: width) == texts.count
    }

    /// How many of `texts` (one space apart) fill `rows` lines of `width`, in order.
    private static func fill(_ texts: [String], rows: Int, width: Int) -> Int {
        var index = 0
        for _ in 0..<max(0, rows) {
            var used = -1
            let start = index
            while index < texts.count, used + 1 + TextWidth.of(texts[index]) <= width {
                used += 1 + TextWidth.of(texts[index])
                index += 1
            }
            if index == start { break }
        }
        return index
    }

    /// `texts` filled into at most `rows` lines of `width`, one space apart; when they do
    /// not all fit, the last line ends in `+N`, the number of entries left out, each text
    /// counting as `counts` says (1 when nil; `others:0` counts the replicas it stands
    /// for), `…` when even that does not fit.
    static func pack(_ texts: [String], counts: [Int]? = nil, rows: Int, width: Int,
                     ellipsis: String = "\u{2026}") -> [String] {
        guard rows > 0, !texts.isEmpty else { return [] }
        var lines: [String] = []
        var index = 0
        var starts: [Int] = []
        while index < texts.count, lines.count < rows {
            var line = ""
            let start = index
            while index < texts.count {
                let candidate = line.isEmpty ? texts[index] : line + " " + texts[index]
                guard TextWidth.of(candidate) <= width else { break }
                line = candidate
                index += 1
            }
            if index == start { break }
            starts.append(start)
            lines.append(line)
        }
        guard index < texts.count else { return lines }
        // Not all fit: the last line (or a new one, if rows are left) makes room for `+N`.
        let lastStart: Int
        if lines.count < rows {
            lastStart = index
        } else {
            lastStart = starts.removeLast()
            lines.removeLast()
        }
        for kept in stride(from: index - lastStart, through: 0, by: -1) {
            let shown = texts[lastStart..<lastStart + kept].joined(separator: " ")
            let left = (lastStart + kept)..<texts.count
            let note = "+\(counts.map { $0[left].reduce(0, +) } ?? left.count)"
            let line = kept == 0 ? note : shown + " " + note
            if TextWidth.of(line) <= width { return lines + [line] }
        }
        return lines + [TextWidth.of(ellipsis) <= width ? ellipsis : ""]
    }

    /// Wide enough for the header too: `P 10 primary down  clock 13` must not lose its clock.
    var width: Int {
        let body = isStacked ? logWidth : isOneRow ? oneRowWidth : logWidth + 2 + vectorWidth
        return max(body, 24, header.reduce(0) { $0 + TextWidth.of($1.text) })
    }

    /// Log lines including the rule between committed and tentative writes.
    static func logLines(of view: BayouReplicaView) -> Int {
        let committed = view.log.filter(\.isCommitted).count
        let rule = committed > 0 && committed < view.log.count ? 1 : 0
        return max(1, view.log.count + rule)
    }

    /// The block's height in a rectangle `width` wide: header, log beside the vector, db.
    /// The vector takes the log's rows, or two if the whole vector fits in two (beside a
    /// one-line log, `P:0 A:0` over `B:0` rather than `all: 0`), else as many as its
    /// summary needs.
    func height(width: Int) -> Int {
        let logLines = Self.logLines(of: view)
        if isStacked { return 1 + logLines + 1 + 1 }
        let room = width - logWidth - 2
        var rows = logLines
        if !vector.isEmpty, !shows(vector, rows: logLines, width: room) {
            if logLines < 2, shows(vector, rows: 2, width: room) {
                rows = 2
            } else {
                while rows < BayouPanel.vectorLinesMax, !shows(summary, rows: rows, width: room) { rows += 1 }
            }
        }
        return 1 + max(logLines, rows) + 1
    }

    /// True when `entries` show uncut in `rows` rows of `width`, one a line or packed.
    private func shows(_ entries: [VectorEntry], rows: Int, width: Int) -> Bool {
        (entries.count <= rows && entries.allSatisfy { TextWidth.of($0.spaced) <= width })
            || Self.fits(entries.map(\.packed), rows: rows, width: width)
    }

    /// Draws the block inside `area` (no border), cut to its height; returns true when it
    /// drew the whole vector where its summary differs (see `summaryOnly`).
    @discardableResult
    func render(into grid: inout Grid, area: Rect) -> Bool {
        guard !area.isEmpty else { return false }
        let headerEnd = grid.write(header, x: area.x, y: area.y, clip: area)
        defer {
            // Last: it takes only the room the header row has left (see `nextStamp`).
            if let next = nextStamp, fitsNextStamp(next, after: headerEnd, in: grid, area: area) {
                grid.write([next], x: headerEnd, y: area.y, clip: area)
            }
        }

        let bodyRows = max(0, area.height - 2)
        var drewWhole = false
        if isStacked, bodyRows >= 2 {
            // The vector's line is kept under whatever rows the log gets.
            let logRows = bodyRows - 1
            drawLog(into: &grid, x: area.x, y: area.y + 1, rows: logRows, clip: area)
            grid.write(vectorLineSpans(width: area.width), x: area.x, y: area.y + 1 + logRows, clip: area)
            drewWhole = wholeVectorForm(width: area.width) == 0
        } else if isStacked {
            // One row for the body: the log keeps it and the vector follows the header (at
            // 80×24 the vector took the only row and the log vanished without a mark).
            drawLog(into: &grid, x: area.x, y: area.y + 1, rows: bodyRows, clip: area)
            let x = min(headerEnd, area.maxX) + 2
            grid.write(vectorLineSpans(width: area.maxX - x), x: x, y: area.y, clip: area)
            drewWhole = wholeVectorForm(width: area.maxX - x) == 0
        } else {
            let used = drawLog(into: &grid, x: area.x, y: area.y + 1, rows: bodyRows, clip: area)
            let x = area.x + max(logWidth, used) + 2
            // One row beside a log cut to its newest write: when the vector does not show
            // whole there but does after the header, it goes there (at 100×30 A's block read
            // `A:5 +2` and hid the B:3 the caption was about, beside a half-empty header).
            let headerX = min(headerEnd, area.maxX) + 2
            if bodyRows == 1, !vector.isEmpty, !showsWhole(rows: 1, width: area.maxX - x),
               let line = wholeVectorLine(width: area.maxX - headerX) {
                grid.write(line, x: headerX, y: area.y, clip: area)
                drewWhole = wholeVectorForm(width: area.maxX - headerX) == 0
            } else {
                drawVector(into: &grid, x: x, y: area.y + 1, rows: bodyRows, width: area.maxX - x, clip: area)
                drewWhole = vectorForm(rows: min(bodyRows, BayouPanel.vectorLinesMax), width: area.maxX - x) == 0
            }
        }
        var line = [Span("db ", Style(.dim))]
        line += databaseSpans(width: area.width - 3)
        grid.write(line, x: area.x, y: area.y + 1 + bodyRows, clip: area)
        return drewWhole && hasVectorChoice && !summaryOnly
    }

    /// True when `grid` is blank where `next` would go after `headerEnd`: the header
    /// row's room, once the body has put a vector there or not.
    private func fitsNextStamp(_ next: Span, after headerEnd: Int, in grid: Grid, area: Rect) -> Bool {
        let end = headerEnd + TextWidth.of(next.text)
        guard end <= area.maxX else { return false }
        return (headerEnd..<end).allSatisfy { grid[x: $0, y: area.y]?.character == " " }
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
    private static func header(model: AppModel, node: NodeIndex, glyphs: Glyphs, view: BayouReplicaView) -> [Span] {
        let world = model.world
        let state = world.state
        var header: [Span] = [
            Span(state.name(node), model.isHighlighted(node) ? Style.highlight : Style(.title, bold: true)),
            Span(idBesideName(model: model, node: node, glyphs: glyphs).map { " " + $0 } ?? "", Style(.dim)),
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
    private static func idBesideName(model: AppModel, node: NodeIndex, glyphs: Glyphs) -> String? {
        let world = model.world
        guard world.hasCustomName(node) else { return nil }
        let label = world.ringLabel(node, glyphs: glyphs)
        return label == world.state.name(node) ? nil : label
    }

    /// Draws the log in `rows` rows from (x, y); returns the width of its widest row.
    @discardableResult
    private func drawLog(into grid: inout Grid, x: Int, y: Int, rows: Int, clip: Rect) -> Int {
        guard rows > 0 else { return 0 }
        if view.log.isEmpty {
            return grid.write("(empty log)", x: x, y: y, style: Style(.dim), clip: clip) - x
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
        // A write wider than the block ends in `…` rather than at the edge unmarked.
        let room = max(0, clip.maxX - x)
        func fitted(_ text: String, width: Int) -> String {
            TextWidth.truncate(text, toWidth: width, ellipsis: glyphs.ellipsis)
        }
        // Too long for the space: the newest entries matter most, say how many are above.
        // With one row, the newest write itself after `↑N` (N writes above it; the db line
        // shows their effect): "… 2 earlier" alone (80×24) showed no write, and `…` alone
        // did not say that writes were hidden, nor how many.
        var shown = lines[...]
        if lines.count > rows, rows == 1 {
            let marker = Self.earlierMarker(view.log.count - 1, glyphs: glyphs)
            let after = grid.write(marker, x: x, y: y, style: Style(.dim), clip: clip)
            let newest = lines[lines.count - 1]
            return grid.write(fitted(newest.text, width: room - TextWidth.of(marker)), x: after, y: y,
                              style: newest.style, clip: clip) - x
        } else if lines.count > rows {
            shown = lines.suffix(max(0, rows - 1))
            // A count of writes: the committed/tentative rule above the cut is not one.
            let above = lines.count - shown.count
            let writes = above - (rule.map { $0 < above ? 1 : 0 } ?? 0)
            grid.write("\(glyphs.ellipsis) \(writes) earlier", x: x, y: y, style: Style(.dim), clip: clip)
        }
        let top = y + (lines.count > rows && rows > 1 ? 1 : 0)
        var widest = 0
        for (offset, span) in shown.enumerated() {
            let text = span.style.role == .dim ? span.text : fitted(span.text, width: room)
            widest = max(widest, grid.write(text, x: x, y: top + offset, style: span.style, clip: clip) - x)
        }
        return min(widest, logWidth)
    }

    /// The vector in at most `rows` lines of `width`: the whole vector an entry a line
    /// (`A: 12`, as the slides draw it), else packed several to a line (`P:7 A:12 B:5`),
    /// else the same for the summary (`P:7 others:0`), else the summary cut with `+N` for
    /// the entries left out.
    func vectorLines(rows: Int, width: Int) -> [String] {
        guard rows > 0, !vector.isEmpty else { return [] }
        for entries in forms where shows(entries, rows: rows, width: width) {
            return entries.count <= rows && entries.allSatisfy({ TextWidth.of($0.spaced) <= width })
                ? entries.map(\.spaced) : Self.pack(entries.map(\.packed), rows: rows, width: width)
        }
        return Self.pack(summary.map(\.packed), counts: summary.map(\.replicas), rows: rows, width: width,
                         ellipsis: glyphs.ellipsis)
    }

    /// True when the vector (or its summary) shows uncut in `rows` rows of `width` beside the log.
    func showsWhole(rows: Int, width: Int) -> Bool {
        let rows = min(rows, BayouPanel.vectorLinesMax)
        return forms.contains { shows($0, rows: rows, width: width) }
    }

    /// Which of `forms` `vectorLines` draws in `rows` of `width` (nil: the summary cut).
    private func vectorForm(rows: Int, width: Int) -> Int? {
        guard rows > 0, !vector.isEmpty else { return nil }
        return forms.firstIndex { shows($0, rows: rows, width: width) }
    }

    /// Which of `forms` `wholeVectorLine` draws in `width` (nil: none fits uncut).
    private func wholeVectorForm(width: Int) -> Int? {
        forms.firstIndex { entries in
            TextWidth.of((["vv"] + entries.map(\.spaced)).joined(separator: "  ")) <= width
                || TextWidth.of((["vv"] + entries.map(\.packed)).joined(separator: " ")) <= width
        }
    }

    /// `vv  P: 0  A: 5  B: 3` in `width`; when that does not fit, `vv P:0 A:5 B:3`, then
    /// the same for the summary; nil when none of them fits uncut.
    func wholeVectorLine(width: Int) -> [Span]? {
        for entries in forms {
            let spaced = (["vv"] + entries.map(\.spaced)).joined(separator: "  ")
            if TextWidth.of(spaced) <= width { return [Span(spaced, Style(.dim))] }
            let packed = (["vv"] + entries.map(\.packed)).joined(separator: " ")
            if TextWidth.of(packed) <= width { return [Span(packed, Style(.dim))] }
        }
        return nil
    }

    /// `vv  P: 0  A: 5  B: 3` in `width`; when that does not fit, `vv P:0 A:5 B:3`, then
    /// the same for the summary, then as many entries as fit and `+2` for the rest.
    func vectorLineSpans(width: Int) -> [Span] {
        if let line = wholeVectorLine(width: width) { return line }
        let line = Self.pack(summary.map(\.packed), counts: summary.map(\.replicas), rows: 1, width: width - 3,
                             ellipsis: glyphs.ellipsis).first
        return [Span("vv " + (line ?? glyphs.ellipsis), Style(.dim))]
    }

    /// The vector beside the log, in `rows` rows of `width`.
    private func drawVector(into grid: inout Grid, x: Int, y: Int, rows: Int, width: Int, clip: Rect) {
        let lines = vectorLines(rows: min(rows, BayouPanel.vectorLinesMax), width: width)
        for (offset, line) in lines.enumerated() {
            grid.write(line, x: x, y: y + offset, style: Style(.dim), clip: clip)
        }
    }
}
