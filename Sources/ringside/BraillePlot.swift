import Foundation

/// A small line chart drawn with braille dots (2 × 4 per character) for `bench figure`.
///
/// Plain text on stdout, so it works in any UTF-8 terminal and in a log file: each series
/// is a braille polyline with its marker character on every data point, so series stay
/// apart without colour. (RingsideUI's canvas draws the ring with the UI's styles; this
/// one needs axes and labels instead, and no styles.)
struct BraillePlot {
    struct Series {
        var name: String
        var marker: Character
        var points: [(x: Double, y: Double)]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    /// Character cells of the drawing area (the labels come on top).
    var columns = 60
    var rows = 14
    /// Whether x is spaced by its logarithm (sizes that grow by factors).
    var logX = false

    func render(_ series: [Series]) -> String {
        let all = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite && (!logX || $0.x > 0) }
        guard !all.isEmpty else { return "\(title)\n(no data)\n" }
        let xs = all.map { transform($0.x) }
        let xLow = xs.min() ?? 0, xHigh = xs.max() ?? 1
        // Counts and rounds read best from zero; data below zero widens the range.
        let yLow = min(0, all.map(\.y).min() ?? 0)
        var yHigh = all.map(\.y).max() ?? 1
        if yHigh <= yLow { yHigh = yLow + 1 }
        let width = columns * 2, height = rows * 4
        var dots = [UInt8](repeating: 0, count: columns * rows)
        var markers = [Character?](repeating: nil, count: columns * rows)

        func dot(_ x: Double, _ y: Double) -> (Int, Int) {
            let fx = xHigh > xLow ? (transform(x) - xLow) / (xHigh - xLow) : 0.5
            let fy = (y - yLow) / (yHigh - yLow)
            return (Int((fx * Double(width - 1)).rounded()), height - 1 - Int((fy * Double(height - 1)).rounded()))
        }
        func set(_ x: Int, _ y: Int) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            dots[(y / 4) * columns + x / 2] |= Self.bit(x % 2, y % 4)
        }
        for line in series {
            let points = line.points.filter { $0.x.isFinite && $0.y.isFinite && (!logX || $0.x > 0) }.map { dot($0.x, $0.y) }
            for (a, b) in zip(points, points.dropFirst()) { segment(a, b, set) }
            for p in points where p.0 >= 0 && p.1 >= 0 && p.0 < width && p.1 < height {
                markers[(p.1 / 4) * columns + p.0 / 2] = line.marker
            }
        }

        var out = "\(title)\n"
        let labelWidth = 9
        for row in 0..<rows {
            let label: String
            if row == 0 { label = Self.number(yHigh) } else if row == rows - 1 { label = Self.number(yLow) }
            else if row == rows / 2 { label = Self.number(yLow + (yHigh - yLow) * Double(rows - 1 - row) / Double(rows - 1)) }
            else { label = "" }
            out += String(repeating: " ", count: max(0, labelWidth - label.count)) + label + " ┤"
            for column in 0..<columns {
                let cell = row * columns + column
                if let marker = markers[cell] {
                    out.append(marker)
                } else {
                    // U+2800 is the empty braille cell; the dot bits are added to it.
                    out.unicodeScalars.append(Unicode.Scalar(0x2800 + UInt32(dots[cell]))!)
                }
            }
            out += "\n"
        }
        out += String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: columns) + "\n"
        let left = Self.number(all.map(\.x).min() ?? 0), right = Self.number(all.map(\.x).max() ?? 0)
        let gap = max(1, columns - left.count - right.count)
        out += String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: gap) + right + "\n"
        out += String(repeating: " ", count: labelWidth + 2) + "x: \(xLabel)\(logX ? " (log scale)" : "")   y: \(yLabel)\n"
        out += String(repeating: " ", count: labelWidth + 2)
            + series.map { "\($0.marker) \($0.name)" }.joined(separator: "   ") + "\n"
        return out
    }

    private func transform(_ x: Double) -> Double {
        logX ? log2(x) : x
    }

    /// Bresenham between two dots, both ends included.
    private func segment(_ a: (Int, Int), _ b: (Int, Int), _ set: (Int, Int) -> Void) {
        var x = a.0, y = a.1
        let dx = abs(b.0 - a.0), dy = -abs(b.1 - a.1)
        let sx = a.0 < b.0 ? 1 : -1, sy = a.1 < b.1 ? 1 : -1
        var error = dx + dy
        var budget = dx - dy + 2
        while budget > 0 {
            budget -= 1
            set(x, y)
            if x == b.0 && y == b.1 { break }
            let twice = 2 * error
            if twice >= dy { error += dy; x += sx }
            if twice <= dx { error += dx; y += sy }
        }
    }

    /// The bit of dot (column 0–1, row 0–3) in a braille cell (Unicode's dot numbering).
    private static func bit(_ x: Int, _ y: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return x == 0 ? left[y] : right[y]
    }

    /// Short axis numbers: integers as they are, fractions to two decimals, large ones as 1.5e6.
    static func number(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e7 { return String(Int(value)) }
        if abs(value) >= 1e4 { return format(value, 0) }
        return format(value, 2)
    }
}

/// Right-aligned columns under a header, for the figures' tables.
func textTable(_ header: [String], _ rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows {
        for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            String(repeating: " ", count: max(0, widths[min(i, widths.count - 1)] - cell.count)) + cell
        }.joined(separator: "  ")
    }
    return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
}
