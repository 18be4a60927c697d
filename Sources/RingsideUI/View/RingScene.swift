import Chord
import RingsideKernel
import RingsideSimulation

/// Where everything on the ring panel goes: the circle, each node (or bucket of nodes)
/// at its angle, and its label. Pure geometry, shared by drawing and mouse hit-testing.
///
/// Angle 0 is the top and angles grow clockwise, as on the lecture slides. Zoomed in,
/// an arc around the selected node is spread over the whole circle: the selection
/// sits at the top and the arc's two ends meet at the bottom.
struct RingScene {
    /// One marker on the ring: a single node, or a bucket of nodes too close to tell apart.
    struct Mark {
        var nodes: [NodeIndex]
        var angle: Double
        var cell: Point
        var label: String
        var labelCell: Point
        var isSelected: Bool
        /// Every node in it is down.
        var isFailed: Bool
        /// Every node in it left gracefully (down, but not crashed).
        var hasLeft = false
        var isBucket: Bool { nodes.count > 1 }
    }

    let world: World
    /// The cells the ring may draw in (inside the panel's border).
    let area: Rect
    let zoom: Int
    let selection: NodeIndex?
    /// Centre and radius, in braille dots relative to `area`'s top-left.
    let center: (x: Double, y: Double)
    let radius: Double
    private(set) var marks: [Mark] = []
    /// Nodes that did not get their own mark because they share a bucket.
    private(set) var bucketed = 0
    /// Widest node label.
    let labelWidth: Int
    /// Cells an id may take before it is abbreviated.
    let idWidth: Int
    /// Whether labels carry short custom names.
    let showsNames: Bool
    /// The id the view is centred on (0 unzoomed), and 2^bits as a Double.
    private let centerID: Identifier
    private let spaceSize: Double
    private let zoomFactor: Double

    /// Rings up to this size show custom names next to ids.
    static let namedNodesMax = 64
    /// Names up to this wide are shown next to the id.
    static let shortNameMax = 4

    /// "10", "10 P" (a short custom name), "alice", "1461…".
    static func label(_ world: World, _ node: NodeIndex, idWidth: Int, names: Bool, glyphs: Glyphs) -> String {
        let label = world.ringLabel(node, width: idWidth, glyphs: glyphs)
        let name = world.state.name(node)
        guard names, world.hasCustomName(node), label != name, TextWidth.of(name) <= shortNameMax else { return label }
        return label + " " + name
    }

    /// The smallest radius, in dots, worth drawing.
    static let radiusMin = 3.0

    init(model: AppModel, area: Rect, glyphs: Glyphs) {
        world = model.world
        self.area = area
        let bits = model.world.space.bits
        zoom = min(max(0, model.zoom), min(bits, AppModel.zoomMax))
        selection = model.selection.flatMap { Int($0) < model.world.state.count ? $0 : nil }
        idWidth = bits <= 16 ? max(2, String(UInt64(1) << UInt64(bits) - 1).count) : 6
        // A small ring names its replicas beside their ids ("10 P"), linking the ring to
        // the Bayou panel; a big one has no room to spare.
        showsNames = model.world.state.count <= Self.namedNodesMax
        var widest = idWidth
        if showsNames {
            for node in 0..<NodeIndex(model.world.state.count) {
                widest = max(widest, TextWidth.of(Self.label(model.world, node, idWidth: idWidth, names: true, glyphs: glyphs)))
            }
        }
        labelWidth = widest
        // Labels need a margin beside the circle (left/right) and a row above and below.
        let marginColumns = labelWidth + 2
        let dotWidth = Double(max(0, area.width - 2 * marginColumns) * 2)
        let dotHeight = Double(max(0, area.height - 2) * 4)
        radius = (min(dotWidth, dotHeight) - 2) / 2
        center = (Double(area.width), Double(area.height * 2))
        spaceSize = Double(sign: .plus, exponent: bits, significand: 1)
        zoomFactor = Double(sign: .plus, exponent: zoom, significand: 1)
        if zoom > 0, let selection {
            centerID = model.world.state.id(selection)
        } else {
            centerID = .zero
        }
        guard radius >= Self.radiusMin else { return }
        placeNodes(glyphs: glyphs)
    }

    var isDrawable: Bool { radius >= Self.radiusMin }

    // MARK: Angles

    /// The angle of an id on screen, or nil when zoomed in and it is outside the arc.
    func angle(of id: Identifier) -> Double? {
        let offset = world.space.subtract(id, centerID).doubleValue / spaceSize
        guard zoom > 0 else { return offset * 2 * .pi }
        // Signed offset from the centre in (-1/2, 1/2], then magnified.
        let signed = (offset >= 0.5 ? offset - 1 : offset) * zoomFactor
        guard signed >= -0.5, signed < 0.5 else { return nil }
        return signed * 2 * .pi
    }

    /// The dot on the circle at `angle`.
    func dot(at angle: Double, radiusOffset: Double = 0) -> (x: Int, y: Int) {
        BrailleCanvas.point(center: center, radius: radius + radiusOffset, angle: angle)
    }

    /// The grid cell holding a dot.
    func cell(of dot: (x: Int, y: Int)) -> Point {
        Point(x: area.x + Self.floorDivide(dot.x, 2), y: area.y + Self.floorDivide(dot.y, 4))
    }

    /// The node's dot on the circle, if it is in view.
    func dot(of node: NodeIndex) -> (x: Int, y: Int)? {
        angle(of: world.state.id(node)).map { dot(at: $0) }
    }

    // MARK: Hit-testing

    /// The node whose marker or label covers a cell (a bucket answers with its first node).
    func node(atX x: Int, y: Int) -> NodeIndex? {
        for mark in marks.reversed() {
            if mark.cell.x == x && mark.cell.y == y { return mark.nodes.first }
            let width = TextWidth.of(mark.label)
            if y == mark.labelCell.y, x >= mark.labelCell.x, x < mark.labelCell.x + width { return mark.nodes.first }
        }
        return nil
    }

    // MARK: Placement

    /// How many marks fit around the circle with their labels apart.
    private var bucketCount: Int {
        let halfWidthColumns = radius / 2, halfHeightRows = radius / 4
        let slots = 4 * halfHeightRows + 4 * halfWidthColumns / Double(labelWidth + 1)
        // Three in five slots: crowded buckets read worse than a few more nodes per bucket.
        return max(8, Int(slots * 0.6))
    }

    private mutating func placeNodes(glyphs: Glyphs) {
        let state = world.state
        var visible: [(node: NodeIndex, angle: Double)] = []
        visible.reserveCapacity(state.count)
        for node in 0..<NodeIndex(state.count) {
            if let angle = angle(of: state.id(node)) { visible.append((node, angle)) }
        }
        let buckets = bucketCount
        var members = [[Int]](repeating: [], count: buckets)
        for (i, entry) in visible.enumerated() {
            members[bucket(of: entry.angle, count: buckets)].append(i)
        }
        for (index, bucket) in members.enumerated() where !bucket.isEmpty {
            if bucket.count == 1 {
                let entry = visible[bucket[0]]
                let label = Self.label(world, entry.node, idWidth: idWidth, names: showsNames, glyphs: glyphs)
                addMark(nodes: [entry.node], angle: entry.angle, label: label)
            } else {
                // Several nodes share the arc: one marker at the arc's middle, with a count.
                let nodes = bucket.map { visible[$0].node }.sorted { state.id($0) < state.id($1) }
                let middle = (Double(index) + 0.5) / Double(buckets) * 2 * .pi - (zoom > 0 ? .pi : 0)
                addMark(nodes: nodes, angle: middle, label: "\(glyphs.times)\(nodes.count)")
                bucketed += nodes.count
            }
        }
    }

    /// Buckets are arcs of equal angle; zoomed, angles run from -π, so shift them first.
    private func bucket(of angle: Double, count: Int) -> Int {
        let turn = (zoom > 0 ? angle + .pi : angle) / (2 * .pi)
        return min(count - 1, max(0, Int(turn * Double(count))))
    }

    private mutating func addMark(nodes: [NodeIndex], angle: Double, label: String) {
        let cell = self.cell(of: dot(at: angle))
        let width = TextWidth.of(label)
        let s = sin(angle), c = cos(angle)
        var labelCell: Point
        if abs(c) > 0.8 {
            // Near the top or bottom: centred above or below the marker.
            labelCell = Point(x: cell.x - (width - 1) / 2, y: cell.y + (c > 0 ? -1 : 1))
        } else if s > 0 {
            labelCell = Point(x: cell.x + 2, y: cell.y)
        } else {
            labelCell = Point(x: cell.x - 1 - width, y: cell.y)
        }
        // Keep labels inside the panel, sliding them along their row.
        labelCell.x = min(max(labelCell.x, area.x), max(area.x, area.maxX - width))
        labelCell.y = min(max(labelCell.y, area.y), max(area.y, area.maxY - 1))
        labelCell = clear(of: labelCell, width: width, outward: c > 0 ? -1 : 1)
        let isSelected = selection.map { nodes.contains($0) } ?? false
        let isFailed = nodes.allSatisfy { !world.state.isAlive($0) }
        marks.append(Mark(nodes: nodes, angle: angle, cell: cell, label: label, labelCell: labelCell,
                          isSelected: isSelected, isFailed: isFailed, hasLeft: nodes.allSatisfy(world.hasLeft)))
    }

    /// `cell`, or the nearest place beside it where a label of `width` touches no label
    /// placed before: on a crowded arc the labels above the top of the circle ran into one
    /// another ("244252 AFA 12 B"). Tried in turn: after the label in the way, before it,
    /// then one row further out; if none is free, `cell` as it was.
    private func clear(of cell: Point, width: Int, outward: Int) -> Point {
        func isFree(_ p: Point) -> Bool {
            guard p.x >= area.x, p.x + width <= area.maxX, p.y >= area.y, p.y < area.maxY else { return false }
            return !marks.contains { other in
                let w = TextWidth.of(other.label)
                return other.labelCell.y == p.y && p.x < other.labelCell.x + w + 1 && other.labelCell.x < p.x + width + 1
            }
        }
        if isFree(cell) { return cell }
        var candidates: [Point] = []
        for other in marks where other.labelCell.y == cell.y {
            let w = TextWidth.of(other.label)
            candidates.append(Point(x: other.labelCell.x + w + 1, y: cell.y))
            candidates.append(Point(x: other.labelCell.x - width - 1, y: cell.y))
        }
        candidates.sort { abs($0.x - cell.x) < abs($1.x - cell.x) }
        candidates = candidates.filter { abs($0.x - cell.x) <= width + 2 }
        candidates.append(Point(x: cell.x, y: cell.y + outward))
        return candidates.first(where: isFree) ?? cell
    }

    /// Division rounding towards minus infinity (dots left of or above the area are negative).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
