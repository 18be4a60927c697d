import Chord
import RingsideSimulation

/// Every replica's Bayou log in the slides' notation (`1:1:P w(X,4)`, `∞:13:B D(Y)`),
/// committed writes bold above a rule, tentative ones below, with the version vector
/// beside the log as on the slides and the database underneath.
///
/// It shows the replicas that hold writes, the primary and the selection, in id order
/// (before the first write: every replica of a small ring, else the selection, the
/// primary and the selection's neighbours). Rows that do not fit scroll: the panel
/// follows the selection until the mouse wheel scrolls it by hand.
struct BayouPanel {
    /// Replicas shown all together before any write, in id order, up to this many.
    static let allShownMax = 8
    /// Replicas the panel scrolls through at most (around the selection), so that a
    /// report never builds thousands of replica views.
    static let candidatesMax = 48
    /// Version-vector lines shown beside one log at most.
    static let vectorLinesMax = 8

    let model: AppModel
    let glyphs: Glyphs

    /// The replicas the panel may show, in display order.
    static func candidates(in model: AppModel) -> [NodeIndex] {
        let state = model.world.state
        func isNode(_ node: NodeIndex?) -> Bool { node.map { Int($0) < state.count } ?? false }
        let writers = model.digest.replicasWithWrites
        // A small ring shows every replica, writer or not: meeting-room-commit left B out
        // (and did not count it as not shown) until B wrote.
        guard !writers.isEmpty, model.digest.nodesByID.count > allShownMax else { return beforeAnyWrite(in: model) }
        var chosen = Set(writers)
        for node in [model.selection, model.world.primary] where isNode(node) { chosen.insert(node!) }
        for node in model.highlighted where isNode(node) { chosen.insert(node) }
        let ordered = chosen.sorted { state.id($0) < state.id($1) }
        guard ordered.count > candidatesMax else { return ordered }
        // A window around the selection (it is always among them).
        let center = model.selection.flatMap { ordered.firstIndex(of: $0) } ?? 0
        let start = max(0, min(center - candidatesMax / 2, ordered.count - candidatesMax))
        return Array(ordered[start..<start + candidatesMax])
    }

    /// All of a small ring; else, before any write, the selection's part of it.
    private static func beforeAnyWrite(in model: AppModel) -> [NodeIndex] {
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
        var title = "Bayou logs"
        if let primary = world.primary, Int(primary) < world.state.count {
            title += " \(glyphs.separator) primary \(world.state.name(primary))"
        }
        let layout = BayouLayout(model: model, glyphs: glyphs, area: area.inset(by: 1))
        // Every replica not drawn, candidate or not, so the count never hides one.
        let hidden = model.digest.nodesByID.count - layout.visibleCount
        var footer: String?
        if hidden > 0 { footer = "+\(hidden) not shown" }
        let inner = grid.drawBox(area, title: title, footer: footer, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        if layout.blocks.isEmpty {
            grid.write("no replicas yet", x: inner.x + 1, y: inner.y, style: Style(.dim), clip: inner)
            return
        }
        // Blocks whose zeros can be listed or folded into `others: 0` all do the same: when
        // one had to fold them and another listed them, they are drawn again, folded.
        var listed = 0
        var folded = 0
        layout.place { block, rect in
            guard block.hasVectorChoice else { block.render(into: &grid, area: rect); return }
            if block.render(into: &grid, area: rect) { listed += 1 } else { folded += 1 }
        }
        guard listed > 0, folded > 0 else { return }
        layout.place { block, rect in
            guard block.hasVectorChoice else { return }
            var folding = block
            folding.summaryOnly = true
            grid.fill(rect)
            folding.render(into: &grid, area: rect)
        }
    }
}
