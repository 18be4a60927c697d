#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dot canvas over a rectangle of cells, drawn with braille characters (2 × 4 dots a
/// cell), or with ASCII dots when the terminal cannot show braille.
///
/// A terminal cell is about twice as tall as wide, so braille dots are roughly square:
/// a circle in dot coordinates looks round on screen. Each dot carries a layer (higher
/// wins the cell's style), so a lookup's hops stay visible over the circle they cross.
struct BrailleCanvas {
    /// What a dot belongs to, in drawing priority order.
    enum Layer: UInt8, Comparable {
        case circle = 1, finger, successor, stale, hopDone, hopActive

        static func < (a: Layer, b: Layer) -> Bool { a.rawValue < b.rawValue }

        var style: Style {
            switch self {
            case .circle: return Style(.border)
            case .finger: return Style(.dim)
            case .successor: return Style(.accent, bold: true)
            case .stale: return Style(.warning)
            case .hopDone: return Style(.hopDone)
            case .hopActive: return Style(.hopActive, bold: true)
            }
        }
    }

    let columns: Int
    let rows: Int
    /// Braille dot bits per cell.
    private var dots: [UInt8]
    /// Highest layer drawn in each cell (0 = empty).
    private var layers: [UInt8]

    /// Canvas size is bounded by the grid that will show it, so it never grows unbounded.
    init(columns: Int, rows: Int) {
        self.columns = max(0, min(columns, 4096))
        self.rows = max(0, min(rows, 4096))
        dots = Array(repeating: 0, count: self.columns * self.rows)
        layers = Array(repeating: 0, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Sets the dot at (x, y) in dot coordinates; outside the canvas does nothing.
    mutating func set(_ x: Int, _ y: Int, _ layer: Layer) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bit(x % 2, y % 4)
        layers[cell] = max(layers[cell], layer.rawValue)
    }

    /// A straight line between two dots (Bresenham), both ends included.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), _ layer: Layer) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        // Bounded by the longest possible line, whatever the inputs.
        var budget = dx - dy + 2
        while budget > 0 {
            budget -= 1
            set(x, y, layer)
            if x == b.x && y == b.y { break }
            let twice = 2 * error
            if twice >= dy { error += dy; x += sx }
            if twice <= dx { error += dx; y += sy }
        }
    }

    /// Dots around a circle, skipping angles where `skip` is true (a zoomed arc's seam).
    /// Angle 0 is at the top and grows clockwise.
    mutating func circle(center: (x: Double, y: Double), radius: Double, _ layer: Layer,
                         skip: (Double) -> Bool = { _ in false }) {
        guard radius > 0, radius.isFinite else { return }
        let steps = max(16, min(20_000, Int(radius * 8)))
        for i in 0..<steps {
            let angle = Double(i) / Double(steps) * 2 * .pi
            if skip(angle) { continue }
            let point = Self.point(center: center, radius: radius, angle: angle)
            set(point.x, point.y, layer)
        }
    }

    /// Dots along the circle clockwise from angle `start` to angle `end`.
    mutating func arc(center: (x: Double, y: Double), radius: Double, from start: Double, to end: Double,
                      _ layer: Layer) {
        guard radius > 0, radius.isFinite, start.isFinite, end.isFinite else { return }
        var sweep = (end - start).truncatingRemainder(dividingBy: 2 * .pi)
        if sweep <= 0 { sweep += 2 * .pi }
        let steps = max(2, min(20_000, Int(radius * sweep * 2)))
        for i in 0...steps {
            let point = Self.point(center: center, radius: radius, angle: start + sweep * Double(i) / Double(steps))
            set(point.x, point.y, layer)
        }
    }

    /// The dot at `angle` (0 = top, clockwise) on a circle.
    static func point(center: (x: Double, y: Double), radius: Double, angle: Double) -> (x: Int, y: Int) {
        let x = center.x + radius * sin(angle)
        let y = center.y - radius * cos(angle)
        return (Int(x.rounded()), Int(y.rounded()))
    }

    /// Draws every non-empty cell into `grid` with its top-left cell at `origin`.
    func render(into grid: inout Grid, origin: Point, clip: Rect, glyphs: Glyphs) {
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = row * columns + column
                guard dots[cell] != 0, let layer = Layer(rawValue: layers[cell]) else { continue }
                let character = glyphs.isUnicode ? Self.braille(dots[cell]) : (layer >= .stale ? "*" : ".")
                grid.put(character, x: origin.x + column, y: origin.y + row, style: layer.style, clip: clip)
            }
        }
    }

    /// The braille bit for dot (x, y) within a cell: columns 0–1, rows 0–3 (Unicode's order).
    private static func bit(_ x: Int, _ y: Int) -> UInt8 {
        switch (x, y) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        case (0, 3): return 0x40
        default: return 0x80
        }
    }

    private static func braille(_ bits: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(bits)) ?? " ")
    }
}
