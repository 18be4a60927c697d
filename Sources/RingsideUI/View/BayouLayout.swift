import Chord

/// Where the Bayou panel's replica blocks go: side by side as the slides show P, A and
/// B, in rows as tall as their tallest block, from the first block scrolled to.
///
/// Scrolling is by block, not by fixed rows, so that two neighbours in id order (A and B
/// syncing) can share the one row a small screen has.
struct BayouLayout {
    let blocks: [ReplicaBlock]
    /// The blocks shown, by index, in rows, with each row's top and height (the last may
    /// be cut).
    let visibleRows: [(blocks: Range<Int>, y: Int, height: Int)]
    let area: Rect
    let columnWidth: Int
    /// Blocks per row.
    let columns: Int

    init(model: AppModel, glyphs: Glyphs, area: Rect) {
        self.area = area
        let nodes = BayouPanel.candidates(in: model)
        var blocks = nodes.map { ReplicaBlock(model: model, node: $0, glyphs: glyphs) }
        let widest = min(area.width - 1, blocks.map(\.width).max() ?? 0)
        // A block wider than the column puts its version vector under the log instead of
        // beside it (at 160 columns the third panel cut `A: 5` to `A:`).
        if blocks.contains(where: { $0.width > widest }) {
            blocks = nodes.map { ReplicaBlock(model: model, node: $0, glyphs: glyphs, maxWidth: widest) }
        }
        columnWidth = min(area.width - 1, blocks.map(\.width).max() ?? 0)
        self.blocks = blocks
        guard !area.isEmpty, columnWidth > 0 else {
            columns = 1
            visibleRows = []
            return
        }
        let columns = max(1, (area.width - 1 + 2) / (columnWidth + 2))
        self.columns = columns
        let first: Int
        if let scroll = model.bayouScroll {
            first = max(0, min(scroll, blocks.count - 1))
        } else {
            // Following: as many as fit of the replicas that just changed (or else the
            // selection), starting as early as that allows so the primary stays when it can.
            let focus = Set(model.bayouFocus.isEmpty ? model.selection.map { [$0] } ?? [] : model.bayouFocus)
            let wanted = blocks.indices.filter { focus.contains(blocks[$0].node) }
            let last = wanted.last ?? 0
            // How many wanted blocks, then how many blocks at all, a start shows.
            func score(from candidate: Int) -> [Int] {
                let shown = Self.fitting(blocks, from: candidate, columns: columns, in: area).map(\.blocks)
                return [wanted.count { index in shown.contains { $0.contains(index) } }, shown.reduce(0) { $0 + $1.count }]
            }
            // The newest change (listed first) must show; a start that hides it scores nothing.
            let newest = blocks.indices.first { blocks[$0].node == model.bayouFocus.first }
            let scores = (0...last).map { start -> [Int] in
                guard let newest, !Self.fitting(blocks, from: start, columns: columns, in: area)
                    .contains(where: { $0.blocks.contains(newest) }) else { return score(from: start) }
                return [-1, 0]
            }
            let best = scores.max { $0.lexicographicallyPrecedes($1) } ?? []
            // All fit: the earliest start that shows them. Not all: the latest start
            // showing the most (a script's later statements write the later replicas).
            first = (best.first == wanted.count ? scores.firstIndex(of: best) : scores.lastIndex(of: best)) ?? last
        }
        visibleRows = Self.fitting(blocks, from: first, columns: columns, in: area)
    }

    /// The rows that fit in `area` from block `first`, the last possibly cut.
    private static func fitting(_ blocks: [ReplicaBlock], from first: Int, columns: Int,
                                in area: Rect) -> [(blocks: Range<Int>, y: Int, height: Int)] {
        var shown: [(blocks: Range<Int>, y: Int, height: Int)] = []
        var y = area.y
        for start in stride(from: first, to: blocks.count, by: columns) {
            let row = start..<min(blocks.count, start + columns)
            let full = blocks[row].map(\.height).max() ?? 0
            // The blank row between rows goes when keeping it would cut this row (the
            // demo at 100×30 left B out beside three blank rows).
            if y > area.y, y + full > area.maxY, y - 1 + full <= area.maxY { y -= 1 }
            guard y < area.maxY else { break }
            let height = min(full, area.maxY - y)
            // A row cut to less than a header and a line is not worth showing.
            if height < 3, y > area.y { break }
            shown.append((row, y, height))
            y += height + 1
        }
        return shown
    }

    /// The first block shown.
    var firstBlock: Int { visibleRows.first?.blocks.lowerBound ?? 0 }

    /// Blocks drawn.
    var visibleCount: Int { visibleRows.reduce(0) { $0 + $1.blocks.count } }

    /// Calls `body` with each visible block and its rectangle (a block taller than what
    /// is left is cut at the bottom of the panel; its log shows the newest writes).
    func place(_ body: (ReplicaBlock, Rect) -> Void) {
        for (row, y, height) in visibleRows {
            for (column, index) in row.enumerated() {
                let x = area.x + 1 + column * (columnWidth + 2)
                body(blocks[index], Rect(x: x, y: y, width: columnWidth, height: height).intersection(area))
            }
        }
    }
}
