import Chord

/// Where the Bayou panel's replica blocks go: side by side as the slides show P, A and
/// B, in rows as tall as their tallest block. All of them in id order when they fit; else
/// the selection's block first and as many as fit of those the last report changed; or,
/// once the wheel scrolled the panel, from the block scrolled to in id order.
///
/// Scrolling is by block, not by fixed rows, so that two neighbours in id order (A and B
/// syncing) can share the one row a small screen has.
struct BayouLayout {
    /// Every candidate's block in display order: id order, except that when not all fit
    /// (and the panel is not scrolled by hand) the blocks shown come first, the selection's
    /// at their head.
    let blocks: [ReplicaBlock]
    /// The blocks shown, by index, in rows, with each row's top and height (the last may
    /// be cut).
    let visibleRows: [(blocks: Range<Int>, y: Int, height: Int)]
    let area: Rect
    let columnWidth: Int
    /// Blocks per row.
    let columns: Int
    /// The first block shown, as an index in id order (where the wheel scrolls from).
    let firstBlock: Int

    init(model: AppModel, glyphs: Glyphs, area: Rect) {
        self.area = area
        let nodes = BayouPanel.candidates(in: model)
        // A panel with one row between header and db: each block is as wide as its newest
        // write and its whole vector on that row.
        let oneRow = area.height <= 3
        var blocks = nodes.map { ReplicaBlock(model: model, node: $0, glyphs: glyphs, oneRow: oneRow) }
        let widest = min(area.width - 1, blocks.map(\.width).max() ?? 0)
        // A block wider than the column puts its version vector under the log instead of
        // beside it (at 160 columns the third panel cut `A: 5` to `A:`).
        if blocks.contains(where: { $0.width > widest }) {
            blocks = nodes.map {
                ReplicaBlock(model: model, node: $0, glyphs: glyphs, maxWidth: widest, oneRow: oneRow)
            }
        }
        columnWidth = min(area.width - 1, blocks.map(\.width).max() ?? 0)
        guard !area.isEmpty, columnWidth > 0 else {
            self.blocks = blocks
            columns = 1
            visibleRows = []
            firstBlock = 0
            return
        }
        let columns = max(1, (area.width - 1 + 2) / (columnWidth + 2))
        self.columns = columns
        func shownCount(_ rows: [(blocks: Range<Int>, y: Int, height: Int)]) -> Int {
            rows.reduce(0) { $0 + $1.blocks.count }
        }
        if let scroll = model.bayouScroll {
            let first = max(0, min(scroll, blocks.count - 1))
            self.blocks = blocks
            firstBlock = first
            visibleRows = Self.fitting(blocks, from: first, columns: columns, columnWidth: columnWidth, in: area)
            return
        }
        let all = Self.fitting(blocks, from: 0, columns: columns, columnWidth: columnWidth, in: area)
        if shownCount(all) == blocks.count {
            // Everything fits: in id order, as the slides show P, A and B.
            self.blocks = blocks
            firstBlock = 0
            visibleRows = all
            return
        }
        // Not all fit: the selection first (the status line and the finger table name it:
        // 80×24 showed A's block beside "● 10 P"), then as many as fit of the replicas the
        // last report changed (newest first: a write the script just made must show when it
        // can), the primary, and the rest in id order; those shown are drawn the selection
        // first and the others in id order.
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        var priority: [Int] = []
        for node in [model.selection].compactMap({ $0 }) + model.bayouFocus + [model.world.primary].compactMap({ $0 }) {
            if let i = index[node], !priority.contains(i) { priority.append(i) }
        }
        priority += blocks.indices.filter { !priority.contains($0) }
        let lead = model.selection.flatMap { index[$0] }
        func arranged(_ chosen: [Int]) -> [Int] {
            let rest = chosen.filter { $0 != lead }.sorted()
            guard let lead, chosen.contains(lead) else { return rest }
            return [lead] + rest
        }
        var chosen: [Int] = []
        var misses = 0
        // Past a handful of misses the rest will not fit either (a large ring has 48 candidates).
        for candidate in priority where misses < 8 {
            let order = arranged(chosen + [candidate])
            let rows = Self.fitting(order.map { blocks[$0] }, from: 0, columns: columns, columnWidth: columnWidth, in: area)
            if shownCount(rows) == order.count {
                chosen.append(candidate)
            } else {
                misses += 1
            }
        }
        let shown = arranged(chosen)
        self.blocks = (shown + blocks.indices.filter { !shown.contains($0) }).map { blocks[$0] }
        firstBlock = shown.first ?? 0
        visibleRows = Self.fitting(shown.map { blocks[$0] }, from: 0, columns: columns, columnWidth: columnWidth,
                                   in: area)
    }

    /// The rows that fit in `area` from block `first`, the last possibly cut.
    private static func fitting(_ blocks: [ReplicaBlock], from first: Int, columns: Int, columnWidth: Int,
                                in area: Rect) -> [(blocks: Range<Int>, y: Int, height: Int)] {
        var shown: [(blocks: Range<Int>, y: Int, height: Int)] = []
        var y = area.y
        for start in stride(from: first, to: blocks.count, by: columns) {
            let row = start..<min(blocks.count, start + columns)
            let full = row.map { index in
                blocks[index].height(width: blockWidth(column: index - start, isLast: index == row.upperBound - 1,
                                                       columnWidth: columnWidth, in: area))
            }.max() ?? 0
            // The blank row between rows goes when keeping it would cut this row (the
            // demo at 100×30 left B out beside three blank rows), or cut it to too little
            // to show when without it the row keeps a header, a line and its db.
            if y > area.y, y + full > area.maxY,
               y - 1 + full <= area.maxY || (area.maxY - y < 3 && area.maxY - y + 1 >= 3) { y -= 1 }
            guard y < area.maxY else { break }
            let height = min(full, area.maxY - y)
            // A row cut to less than a header and a line is not worth showing.
            if height < 3, y > area.y { break }
            shown.append((row, y, height))
            y += height + 1
        }
        return shown
    }

    /// The width of a block's rectangle: its column's, or for the last block of a row the
    /// room to the panel's edge (less the margin the first column has on its left): a
    /// version vector packed on one row needs it at 80×24.
    static func blockWidth(column: Int, isLast: Bool, columnWidth: Int, in area: Rect) -> Int {
        let x = area.x + 1 + column * (columnWidth + 2)
        return isLast ? max(columnWidth, area.maxX - 1 - x) : columnWidth
    }

    /// Blocks drawn.
    var visibleCount: Int { visibleRows.reduce(0) { $0 + $1.blocks.count } }

    /// Calls `body` with each visible block and its rectangle (a block taller than what
    /// is left is cut at the bottom of the panel; its log shows the newest writes).
    func place(_ body: (ReplicaBlock, Rect) -> Void) {
        for (row, y, height) in visibleRows {
            for (column, index) in row.enumerated() {
                let x = area.x + 1 + column * (columnWidth + 2)
                let width = Self.blockWidth(column: column, isLast: index == row.upperBound - 1,
                                            columnWidth: columnWidth, in: area)
                body(blocks[index], Rect(x: x, y: y, width: width, height: height).intersection(area))
            }
        }
    }
}
