/// Box-drawing lines that join where they meet: each cell remembers which of its four
/// sides lines leave by, and shows the one glyph for that set (`├` where a bundle of
/// arrows branches, `┼` where one crosses a lifeline). Draw it into a Grid with `render`.
struct LineCanvas {
    struct Sides: OptionSet, Hashable {
        let rawValue: UInt8
        static let up = Sides(rawValue: 1)
        static let down = Sides(rawValue: 2)
        static let left = Sides(rawValue: 4)
        static let right = Sides(rawValue: 8)
        static let vertical: Sides = [.up, .down]
        static let horizontal: Sides = [.left, .right]
    }

    let area: Rect
    private var sides: [Sides]
    private var styles: [Style]

    /// A canvas over `area` (grid coordinates); cells outside are ignored when drawn.
    init(area: Rect) {
        // Bounded like the grid: a canvas bigger than any terminal is empty.
        self.area = area.area <= Grid.maximumCells ? area : .zero
        sides = Array(repeating: [], count: self.area.area)
        styles = Array(repeating: .normal, count: self.area.area)
    }

    /// Adds `newSides` to the cell at (x, y); the newest style wins.
    mutating func add(_ newSides: Sides, x: Int, y: Int, style: Style) {
        guard let i = index(x, y) else { return }
        sides[i].formUnion(newSides)
        styles[i] = style
    }

    /// A horizontal line from x1 to x2 (either order) on row y, joined at its ends.
    mutating func horizontal(y: Int, from x1: Int, to x2: Int, style: Style) {
        let (low, high) = (min(x1, x2), max(x1, x2))
        guard low < high else { return }
        let first = max(low, area.minX - 1)
        let last = min(high, area.maxX)
        guard first <= last else { return }
        for x in first...last {
            var line: Sides = []
            if x > low { line.insert(.left) }
            if x < high { line.insert(.right) }
            add(line, x: x, y: y, style: style)
        }
    }

    /// A vertical line from y1 to y2 (either order) in column x.
    mutating func vertical(x: Int, from y1: Int, to y2: Int, style: Style) {
        let (low, high) = (min(y1, y2), max(y1, y2))
        guard low < high else { return }
        let first = max(low, area.minY - 1)
        let last = min(high, area.maxY)
        guard first <= last else { return }
        for y in first...last {
            var line: Sides = []
            if y > low { line.insert(.up) }
            if y < high { line.insert(.down) }
            add(line, x: x, y: y, style: style)
        }
    }

    /// Draws every cell with a line into `grid`.
    func render(into grid: inout Grid, glyphs: Glyphs) {
        guard !area.isEmpty else { return }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                let i = (y - area.minY) * area.width + (x - area.minX)
                guard !sides[i].isEmpty else { continue }
                grid.put(Self.glyph(sides[i], unicode: glyphs.isUnicode), x: x, y: y, style: styles[i], clip: area)
            }
        }
    }

    /// The box-drawing character joining `sides` (ASCII: `-`, `|`, `+`).
    static func glyph(_ sides: Sides, unicode: Bool) -> Character {
        let horizontal = !sides.isDisjoint(with: .horizontal)
        let vertical = !sides.isDisjoint(with: .vertical)
        guard unicode else { return horizontal && vertical ? "+" : (vertical ? "|" : "-") }
        switch sides {
        case [.up, .down, .left, .right]: return "┼"
        case [.up, .down, .right]: return "├"
        case [.up, .down, .left]: return "┤"
        case [.left, .right, .down]: return "┬"
        case [.left, .right, .up]: return "┴"
        case [.down, .right]: return "┌"
        case [.down, .left]: return "┐"
        case [.up, .right]: return "└"
        case [.up, .left]: return "┘"
        default: return vertical ? "│" : "─"
        }
    }

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        return (y - area.minY) * area.width + (x - area.minX)
    }
}
