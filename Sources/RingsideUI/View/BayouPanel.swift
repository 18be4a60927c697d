import Chord
import RingsideSimulation

/// Every replica's Bayou log in the slides' notation (`1:1:P w(X,4)`, `∞:13:B D(Y)`),
/// committed writes bold above a rule, tentative ones below, with the version vector
/// beside the log as on the slides and the database underneath.
///
/// With many replicas only a few are shown: the selected one, the primary and the
/// selection's neighbours on the ring.
struct BayouPanel {
    /// Replicas shown all together, in id order, up to this many.
    static let allShownMax = 8
    /// Version-vector lines shown beside one log at most.
    static let vectorLinesMax = 8

    let model: AppModel
    let glyphs: Glyphs

    /// The replicas the panel may show, in display order.
    static func candidates(in model: AppModel) -> [NodeIndex] {
        let nodes = model.digest.nodesByID
        if nodes.count <= allShownMax { return nodes }
        let state = model.world.state
        var chosen: [NodeIndex] = []
        func add(_ node: NodeIndex?) {
            if let node, Int(node) < state.count, !chosen.contains(node) { chosen.append(node) }
        }
        add(model.selection)
        add(model.world.primary)
        if let selection = model.selection, Int(selection) < state.count {
            add(state.predecessor(selection))
            for node in state.successorList(selection) { add(node) }
        }
        return Array(chosen.prefix(allShownMax))
    }

    /// Draws the panel, border included, inside `area`.
    func render(into grid: inout Grid, area: Rect) {
        let world = model.world
        let candidates = Self.candidates(in: model)
        var title = "Bayou logs"
        if let primary = world.primary, Int(primary) < world.state.count {
            title += " \(glyphs.separator) primary \(world.state.name(primary))"
        }
        let blocks = candidates.map { ReplicaBlock(model: model, node: $0, glyphs: glyphs) }
        let shownCount = countPlaced(blocks, in: area.inset(by: 1))
        let hidden = model.digest.nodesByID.count - shownCount
        let footer = hidden > 0 ? "+\(hidden) not shown" : nil
        let inner = grid.drawBox(area, title: title, footer: footer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        if candidates.isEmpty {
            grid.write("no replicas yet", x: inner.x + 1, y: inner.y, style: Style(.dim), clip: inner)
            return
        }
        place(blocks, in: inner) { block, rect in
            block.render(into: &grid, area: rect)
        }
    }

    /// How many blocks `place` fits.
    private func countPlaced(_ blocks: [ReplicaBlock], in area: Rect) -> Int {
        var count = 0
        place(blocks, in: area) { _, _ in count += 1 }
        return count
    }

    /// Lays blocks out side by side, as the slides show P, A and B, in rows as tall as
    /// their tallest block; a block taller than what is left is cut at the bottom of the
    /// panel (its log shows the newest writes).
    private func place(_ blocks: [ReplicaBlock], in area: Rect, _ body: (ReplicaBlock, Rect) -> Void) {
        guard !area.isEmpty, let widest = blocks.map(\.width).max() else { return }
        let columnWidth = min(area.width - 1, widest)
        guard columnWidth > 0 else { return }
        let columns = max(1, (area.width - 1 + 2) / (columnWidth + 2))
        var y = area.y
        for rowStart in stride(from: 0, to: blocks.count, by: columns) {
            guard y < area.maxY else { return }
            let row = blocks[rowStart..<min(blocks.count, rowStart + columns)]
            let rowHeight = min(row.map(\.height).max() ?? 0, area.maxY - y)
            // A row cut to less than a header and a line is not worth showing.
            if rowHeight < 3, y > area.y { return }
            for (column, block) in row.enumerated() {
                let x = area.x + 1 + column * (columnWidth + 2)
                body(block, Rect(x: x, y: y, width: columnWidth, height: rowHeight).intersection(area))
            }
            y += rowHeight + 1
        }
    }
}
