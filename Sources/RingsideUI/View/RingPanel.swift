import Chord
import RingsideKernel
import RingsideSimulation

/// The identifier circle: nodes at their angles, stored keys, the selected node's
/// fingers, successor pointers that are wrong, and the focused lookup hop by hop.
struct RingPanel {
    /// Wrong successor pointers drawn at most (a broken big ring would be a hairball).
    static let staleChordsMax = 64
    /// Stored keys marked at most.
    static let keyMarksMax = 512

    let model: AppModel
    let glyphs: Glyphs

    /// The canvas area inside a panel's border.
    static func canvasArea(in panel: Rect) -> Rect {
        panel.inset(by: 1)
    }

    /// Draws the panel, border included, inside `area`.
    func render(into grid: inout Grid, area: Rect) {
        let world = model.world
        let inner = area.inset(by: 1)
        let scene = RingScene(model: model, area: inner, glyphs: glyphs)
        let messages = RingMessages(world: world, scene: scene)
        // Fitted here (the box would cut inside a word): a partition's
        // "cut 10 | 60 | 32 90 105 120" read "… 105 1…", as if naming a node 1.
        let shownTitle = title(notDrawn: messages.notDrawn).fitted(width: area.width - 6, ellipsis: glyphs.ellipsis)
        _ = grid.drawBox(area, title: shownTitle, footer: footer(), glyphs: glyphs)
        guard !inner.isEmpty else { return }
        guard scene.isDrawable else {
            let text = world.state.count == 0 ? "no nodes yet: :add 10 32 60" : "enlarge to see the ring"
            grid.write(text, x: inner.x, y: inner.y, style: Style(.dim), clip: inner)
            return
        }
        var canvas = BrailleCanvas(columns: inner.width, rows: inner.height)
        canvas.circle(center: scene.center, radius: scene.radius, .circle) { angle in
            // Zoomed in, the arc's two ends meet at the bottom: leave a gap there.
            scene.zoom > 0 && abs(angle - .pi) < 0.12
        }
        drawFingers(of: scene, on: &canvas)
        drawSuccessorArc(of: scene, on: &canvas)
        drawStaleSuccessors(scene, on: &canvas)
        let hops = LookupHops(model: model)
        for hop in hops.done { chord(hop.from, hop.to, scene, .hopDone, &canvas) }
        if let active = hops.active { chord(active.from, active.to, scene, .hopActive, &canvas) }
        canvas.render(into: &grid, origin: inner.origin, clip: inner, glyphs: glyphs)

        drawKeys(scene, into: &grid, clip: inner)
        // Over the keys (a message moves, a key stays put), under the node marks.
        messages.render(into: &grid, clip: inner, glyphs: glyphs)
        if let key = hops.key, let angle = scene.angle(of: key) {
            let cell = scene.cell(of: scene.dot(at: angle))
            grid.put(Character(glyphs.hollow), x: cell.x, y: cell.y, style: Style(.warning, bold: true), clip: inner)
        }
        for mark in scene.marks {
            drawMark(mark, hops: hops, into: &grid, clip: inner)
        }
    }

    // MARK: Title and footer

    func title(notDrawn: Int) -> RingTitle {
        let world = model.world
        let state = world.state
        var gone: [String] = []
        let left = world.leftCount
        let failed = state.count - state.liveCount - left
        if failed > 0 { gone.append("\(failed) down") }
        if left > 0 { gone.append("\(left) left") }
        // By name, as the events' `partition:` line names them (the title said `cut 10 32`
        // beside `partition: P,A`), the implicit group last.
        let explicit = world.networkConfig.partitionGroups.count
        let groups = explicit == 0 ? [] : world.partitionGroupsByName().map { $0.map(glyphs.text) }
        var zoom: (factor: String, range: String?)?
        if model.zoom > 0 { zoom = ("\(glyphs.times)\(1 << min(model.zoom, 62))", arcText()) }
        return RingTitle(bits: state.bits, live: "\(state.liveCount) live", gone: gone, groups: groups, lastGroupIsRest: groups.count > explicit,
                         notDrawn: notDrawn, zoom: zoom, separator: glyphs.separator)
    }

    /// Whether a partition keeps every node of a mark from the selected node: who cannot
    /// reach whom, seen from the node the user is looking at.
    private func isCutOffFromSelection(_ nodes: [NodeIndex]) -> Bool {
        let config = model.world.networkConfig
        guard config.isPartitioned, let selection = model.selection,
              Int(selection) < model.world.state.count, !nodes.isEmpty else { return false }
        return nodes.allSatisfy { !config.canReach(selection, $0) }
    }

    /// The focused lookup's route so far, e.g. "lookup 15: 90 → 10 → 32".
    private func footer() -> String? {
        let hops = LookupHops(model: model)
        guard let record = hops.record else { return nil }
        let world = model.world
        var route = record.path.map { world.ringLabel($0, glyphs: glyphs) }
        if let active = hops.active, route.last.map({ $0 != world.ringLabel(active.to, glyphs: glyphs) }) ?? true {
            route.append(glyphs.ellipsis)
        }
        let keyText = model.keyText(record.key, width: 8, glyphs: glyphs)
        let done = record.owner != nil && hops.active == nil
        // The hop count goes before the route: a long route cut at the panel's edge took
        // "(7 hops)" with it, and a finished lookup read as one still under way.
        let count = done ? " (" + counted(record.hops, "hop") + ")" : ""
        return "lookup \(keyText)\(count): " + route.joined(separator: " \(glyphs.arrow) ")
    }

    // MARK: Chords

    private func chord(_ a: NodeIndex, _ b: NodeIndex, _ scene: RingScene, _ layer: BrailleCanvas.Layer,
                       _ canvas: inout BrailleCanvas) {
        guard a != b, let from = scene.dot(of: a), let to = scene.dot(of: b) else { return }
        canvas.line(from: from, to: to, layer)
    }

    /// The selected node's distinct fingers, faintly: where it can jump in one hop.
    private func drawFingers(of scene: RingScene, on canvas: inout BrailleCanvas) {
        guard let node = scene.selection, model.world.state.isAlive(node) else { return }
        let state = model.world.state
        var seen = Set<NodeIndex>()
        for k in 1...max(1, state.bits) {
            guard let finger = state.finger(node, k), seen.insert(finger).inserted else { continue }
            chord(node, finger, scene, .finger, &canvas)
        }
    }

    /// The stretch of circle from the selected node to its successor: the keys it hands
    /// on to, and what `successor` means on the slides.
    private func drawSuccessorArc(of scene: RingScene, on canvas: inout BrailleCanvas) {
        let state = model.world.state
        guard let node = scene.selection, state.isAlive(node), let successor = state.successor(node), successor != node,
              let from = scene.angle(of: state.id(node)), let to = scene.angle(of: state.id(successor)) else { return }
        canvas.arc(center: scene.center, radius: scene.radius, from: from, to: to, .successor)
    }

    /// A live node's successor that is not the next live node: a pointer still to be repaired.
    private func drawStaleSuccessors(_ scene: RingScene, on canvas: inout BrailleCanvas) {
        let state = model.world.state
        let ring = state.liveRing
        guard ring.count > 1 else { return }
        var drawn = 0
        for position in 0..<ring.count where drawn < Self.staleChordsMax {
            let node = ring.nodes[position]
            let ideal = ring.nodes[(position + 1) % ring.count]
            guard let successor = state.successor(node), successor != ideal else { continue }
            chord(node, successor, scene, .stale, &canvas)
            drawn += 1
        }
    }

    // MARK: Marks

    private func drawKeys(_ scene: RingScene, into grid: inout Grid, clip: Rect) {
        let state = model.world.state
        var drawn = 0
        for position in 0..<state.liveRing.count where drawn < Self.keyMarksMax {
            for key in state.storedKeys(state.liveRing.nodes[position]) where drawn < Self.keyMarksMax {
                guard let angle = scene.angle(of: key) else { continue }
                let cell = scene.cell(of: scene.dot(at: angle))
                grid.put(Character(glyphs.hollow), x: cell.x, y: cell.y, style: Style(.committed), clip: clip)
                drawn += 1
            }
        }
    }

    private func drawMark(_ mark: RingScene.Mark, hops: LookupHops, into grid: inout Grid, clip: Rect) {
        let isCutOff = !mark.isFailed && isCutOffFromSelection(mark.nodes)
        // A node that left is gone without loss: drawn dim, not in the crash's red ✕.
        let symbol = mark.hasLeft ? glyphs.departed : mark.isFailed ? glyphs.failed : isCutOff ? glyphs.cutOff : glyphs.node
        var markStyle = mark.hasLeft ? Style(.dim) : Style(mark.isFailed ? .failed : isCutOff ? .warning : .accent, bold: !mark.isFailed)
        var labelStyle = mark.hasLeft ? Style(.dim) : Style(mark.isFailed ? .failed : .normal)
        if let holder = hops.holder, mark.nodes.contains(holder) {
            markStyle = Style(.hopActive, bold: true)
            labelStyle = markStyle
        } else if mark.nodes.contains(where: hops.visited.contains) {
            markStyle = Style(.hopDone, bold: true)
            labelStyle = Style(.hopDone, bold: true)
        }
        let isHighlighted = mark.nodes.contains(where: model.isHighlighted)
        if isHighlighted {
            markStyle = Style.highlight
            labelStyle = Style.highlight
        }
        if mark.isSelected {
            markStyle = Style(.selected, bold: true, underline: isHighlighted)
            labelStyle = Style(.selected, bold: true, underline: isHighlighted)
        }
        grid.write(symbol, x: mark.cell.x, y: mark.cell.y, style: markStyle, clip: clip)
        grid.write(mark.label, x: mark.labelCell.x, y: mark.labelCell.y, style: labelStyle, clip: clip)
    }

    /// Zoomed in: the arc shown, "[start,end)", centred on the selection; its two ends
    /// meet at the gap at the bottom of the circle.
    private func arcText() -> String? {
        let state = model.world.state
        guard let selection = model.selection, Int(selection) < state.count else { return nil }
        let zoom = min(model.zoom, min(state.bits, AppModel.zoomMax))
        let half = Identifier.powerOfTwo(max(0, state.bits - zoom - 1))
        // Whole up to 12 digits: a 32-bit id cut to 7 digits and `…` (`4029891…`) read as
        // longer than its 9.
        let start = model.world.idText(state.space.subtract(state.id(selection), half), width: 12, glyphs: glyphs)
        let end = model.world.idText(state.space.add(state.id(selection), half), width: 12, glyphs: glyphs)
        return "[\(start),\(end))"
    }
}
