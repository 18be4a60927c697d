/// A one-row plot of a series: eight bar heights per cell (`▁`…`█`), or ASCII levels.
///
/// A series longer than the width is resampled: each cell shows the last sample of its
/// share, so the plot always spans the whole series and its last cell is the newest.
struct Sparkline {
    static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    var values: [Double]
    /// The value drawn as the lowest bar and the one drawn as the highest.
    var range: ClosedRange<Double>

    /// The cells for `width` columns (fewer when there are fewer values), oldest first.
    func characters(width: Int, glyphs: Glyphs) -> [Character] {
        guard width > 0, !values.isEmpty else { return [] }
        let levels = glyphs.isUnicode ? Self.unicodeLevels : Self.asciiLevels
        let count = values.count
        let cells = min(width, count)
        let span = range.upperBound - range.lowerBound
        return (0..<cells).map { cell in
            // The last sample of this cell's share of the series.
            let value = values[count <= width ? cell : (cell + 1) * count / cells - 1]
            let unit = span > 0 && value.isFinite ? (value - range.lowerBound) / span : 0
            let level = Int((min(1, max(0, unit)) * Double(levels.count - 1)).rounded())
            return levels[level]
        }
    }
}
