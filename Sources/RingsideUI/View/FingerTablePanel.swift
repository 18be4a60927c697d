import Chord
import RingsideKernel
import RingsideSimulation

/// The selected node's finger table in the lecture's columns (k, start, interval, node),
/// then its successor, predecessor, successor list and stored keys.
///
/// start = (n + 2^(k-1)) mod 2^m and interval = [start_k, start_k+1), the last one ending
/// at n itself, exactly as on the slides. A finger that differs from the fully
/// stabilized ring's is marked `!`. Ids too long for the panel switch the start and
/// interval columns to the definitions (`n+2^k`), and runs of equal fingers fold into one row.
struct FingerTablePanel {
    let model: AppModel
    let glyphs: Glyphs

    /// One row: fingers first...last that share a node.
    struct Row: Equatable {
        var first: Int
        var last: Int
        var node: NodeIndex?
        var isStale: Bool
    }

    /// The node whose fingers route the focused lookup next, while it is under way: the
    /// panel follows it hop by hop, as the lecture reads the tables along the route.
    static func lookupHolder(_ model: AppModel) -> NodeIndex? {
        let hops = LookupHops(model: model)
        guard let record = hops.record, record.owner == nil, !record.failed else { return nil }
        return hops.holder
    }

    /// Draws the panel, border included, inside `area`.
    func render(into grid: inout Grid, area: Rect) {
        let world = model.world
        let lookupNode = Self.lookupHolder(model)
        guard let node = lookupNode ?? model.selection, Int(node) < world.state.count else {
            let inner = grid.drawBox(area, title: "Fingers", glyphs: glyphs)
            grid.write("no node selected", x: inner.x + 1, y: inner.y, style: Style(.dim), clip: inner)
            return
        }
        let state = world.state
        var title = "Fingers of \(world.displayName(node, glyphs: glyphs))"
        if world.hasLeft(node) {
            title += " (left: as it was)"
        } else if !state.isAlive(node) {
            title += " (down: as it was)"
        }
        if lookupNode != nil, let key = LookupHops(model: model).key {
            title += " \(glyphs.separator) lookup \(model.keyText(key, width: 12, glyphs: glyphs)) here"
        }
        let inner = grid.drawBox(area, title: title, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        // The fingers are the panel's point: they keep at least half the rows under the
        // header, the pointers' lines the rest (at 60×16 the pointers took all but one
        // row and no finger showed).
        func layout(info: Int) -> (rows: (shown: [Row], hidden: Int), columns: Columns) {
            let folded = Self.fold(self.rows(of: node), toFit: max(0, body.height - 1 - info, body.height / 2))
            let kWidth = folded.shown.map { TextWidth.of(Columns.kText($0)) }.max() ?? 1
            return (folded, Columns(model: model, node: node, width: body.width, kWidth: kWidth))
        }
        // Every node in one form: by name when some id does not fit its room (a finger's
        // column, or the pointers' 12 cells) and every node has a name that does.
        var info = infoLines(node, width: body.width, form: .id)
        var (rows, columns) = layout(info: info.count)
        let form = labelForm(node, rows: rows.shown, columns: columns)
        if form == .name {
            let named = infoLines(node, width: body.width, form: .name)
            if named.count != info.count { (rows, columns) = layout(info: named.count) }
            info = named
        }

        var y = body.y
        grid.write(columns.header(), x: body.x, y: y, style: Style(.title, bold: true), clip: body)
        y += 1
        for row in rows.shown {
            grid.write(columns.spans(for: row, form: form, glyphs: glyphs), x: body.x, y: y, clip: body)
            y += 1
        }
        if rows.hidden > 0 {
            grid.write(Self.moreText(rows.hidden, width: body.width, glyphs: glyphs), x: body.x, y: y,
                       style: Style(.dim), clip: body)
            y += 1
        }
        for line in info where y < body.maxY {
            grid.write(line, x: body.x, y: y, clip: body)
            y += 1
        }
    }

    /// "… 3 more (a taller window shows them)", shorter where that does not fit: cut, it
    /// read "(a taller window sho".
    static func moreText(_ hidden: Int, width: Int, glyphs: Glyphs) -> String {
        let count = "\(glyphs.ellipsis) \(hidden) more"
        let candidates = [count + " (a taller window shows them)", count + " (a taller window)", count]
        return candidates.first { TextWidth.of($0) <= width } ?? count
    }

    // MARK: Rows

    /// Every finger as its own row.
    func rows(of node: NodeIndex) -> [Row] {
        let state = model.world.state
        return (1...max(1, state.bits)).map { k in
            let finger = state.finger(node, k)
            return Row(first: k, last: k, node: finger, isStale: finger != state.idealFinger(node, k))
        }
    }

    /// Rows that fit in `limit` lines: all of them if possible, else runs of equal
    /// fingers folded together, else the first ones and how many fingers the rest hold
    /// (a count of folded rows said `… 2 more` for the 7 fingers of `1-5`, `6`, `7`).
    static func fold(_ rows: [Row], toFit limit: Int) -> (shown: [Row], hidden: Int) {
        guard rows.count > limit else { return (rows, 0) }
        var folded: [Row] = []
        for row in rows {
            if var last = folded.last, last.node == row.node, last.isStale == row.isStale, last.last + 1 == row.first {
                last.last = row.last
                folded[folded.count - 1] = last
            } else {
                folded.append(row)
            }
        }
        guard folded.count > limit else { return (folded, 0) }
        let room = max(0, limit - 1)
        return (Array(folded.prefix(room)), folded.dropFirst(room).reduce(0) { $0 + $1.last - $1.first + 1 })
    }

    // MARK: Pointers and keys

    /// Cells a node of the pointers' lines (succ, pred, list) has at most.
    static let pointerWidth = 12

    /// The one form the panel writes its nodes in: the fingers shown and the pointers.
    private func labelForm(_ node: NodeIndex, rows: [Row], columns: Columns) -> World.LabelForm {
        let state = model.world.state
        var nodes = rows.compactMap(\.node).map { (node: $0, width: columns.nodeLabelWidth) }
        let pointers = [state.successor(node), state.predecessor(node)].compactMap { $0 } + state.successorList(node)
        nodes += pointers.map { (node: $0, width: Self.pointerWidth) }
        return model.world.labelForm(nodes)
    }

    /// "succ 32 · pred 120 · list 32 60 90 · keys 15", on as many lines as the width
    /// needs, each pointer marked `!` when the stabilized ring would have another.
    private func infoLines(_ node: NodeIndex, width: Int, form: World.LabelForm) -> [[Span]] {
        let world = model.world
        let state = world.state
        func label(_ n: NodeIndex?) -> String {
            n.map { world.label($0, form: form, width: Self.pointerWidth, glyphs: glyphs) } ?? "nil"
        }
        let mark = Self.staleMark

        let alive = state.isAlive(node)
        let idealList = alive ? state.idealSuccessorList(node) : []
        let successor = state.successor(node)
        let predecessor = state.predecessor(node)
        let list = state.successorList(node)
        let keys = state.storedKeys(node)
        let keyText = keys.prefix(16).map { world.idText($0, width: 10, glyphs: glyphs) }.joined(separator: " ")
        let parts: [[Span]] = [
            [Span("succ ", Style(.dim)), Span(label(successor)), mark(alive && successor != idealList.first)],
            [Span("pred ", Style(.dim)), Span(label(predecessor)),
             mark(alive && predecessor != state.idealPredecessor(node))],
            [Span("list ", Style(.dim))] + listSpans(list, ideal: alive ? idealList : nil, label: label),
            [Span("keys ", Style(.dim)),
             Span(keys.isEmpty ? "none" : keyText + (keys.count > 16 ? " \(glyphs.ellipsis)" : "")),
             Span(keys.count > 1 ? " (\(keys.count))" : "", Style(.dim))],
        ]
        return Self.pack(parts, separator: Span(" \(glyphs.separator) ", Style(.dim)), width: width)
    }

    /// `!` after a stale pointer, nothing after a right one.
    static func staleMark(_ stale: Bool) -> Span { stale ? Span("!", Style(.warning, bold: true)) : Span("") }

    /// The successor list with `!` after each stale entry (`staleEntries`), and how many
    /// entries it lacks: one `!` after the whole list flagged its last, live entry and left
    /// the dead one bare.
    private func listSpans(_ list: [NodeIndex], ideal: [NodeIndex]?, label: (NodeIndex?) -> String) -> [Span] {
        guard !list.isEmpty else {
            let short = ideal.map { !$0.isEmpty } ?? false
            return [Span("empty"), Self.staleMark(short)]
        }
        let stale = Self.staleEntries(list, ideal: ideal ?? list)
        var spans: [Span] = []
        for (i, entry) in list.enumerated() {
            if i > 0 { spans.append(Span(" ")) }
            spans.append(Span(label(entry)))
            spans.append(Self.staleMark(stale[i]))
        }
        if let ideal, list.count < ideal.count {
            spans.append(Span(" (\(ideal.count - list.count) short)", Style(.warning)))
        }
        return spans
    }

    /// Which entries of `list` are stale, each judged by its value as the successor is: an
    /// entry is right when it is the node the ideal list has right after the last entry
    /// before it that the ideal list holds (the first entry: the ideal successor, so `succ`
    /// and the list's first entry are marked alike). An entry the ideal list does not hold
    /// (crashed, left, or beyond the r nearest live nodes) is stale and passed over, so one
    /// dead entry does not mark the live ones after it; an entry that skips ideal ones is
    /// stale, and the next is judged from it. (By position, `succ 233!` stood beside
    /// `list 233 409!`: the list's 233 went unmarked because 409 was not in the ideal list.)
    static func staleEntries(_ list: [NodeIndex], ideal: [NodeIndex]) -> [Bool] {
        var next = 0
        return list.map { entry in
            guard let position = ideal.firstIndex(of: entry) else { return true }
            defer { next = position + 1 }
            return position != next
        }
    }

    /// Parts on as few lines as fit `width`, in order, separated on a shared line.
    static func pack(_ parts: [[Span]], separator: Span, width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        var current: [Span] = []
        var used = 0
        for part in parts {
            let partWidth = part.reduce(0) { $0 + $1.width }
            if !current.isEmpty, used + separator.width + partWidth > width {
                lines.append(current)
                current = []
                used = 0
            }
            if !current.isEmpty {
                current.append(separator)
                used += separator.width
            }
            current += part
            used += partWidth
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
