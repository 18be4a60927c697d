/// A horizontal run of cells that changed between two frames, all in one style:
/// what the terminal writes with one move + one string.
public struct GridRun: Hashable, Sendable {
    /// Column of the first cell.
    public var x: Int
    /// Row.
    public var y: Int
    /// Cells covered (wide graphemes count 2).
    public var width: Int
    /// The graphemes to write, continuation cells omitted.
    public var text: String
    public var style: Style

    public init(x: Int, y: Int, width: Int, text: String, style: Style) {
        self.x = x
        self.y = y
        self.width = width
        self.text = text
        self.style = style
    }
}

extension Grid {
    /// The runs of cells that differ from `previous`, row by row, left to right.
    ///
    /// With no previous grid, or one of another size, every cell is "changed" (a
    /// full redraw). A changed half of a wide grapheme pulls in the other half, so
    /// a run never starts or ends in the middle of one.
    public func diff(from previous: Grid?) -> [GridRun] {
        let full = previous == nil || previous?.size != size
        var runs: [GridRun] = []
        guard width > 0 else { return runs }
        var changed = [Bool](repeating: false, count: width)
        for row in 0..<height {
            for column in 0..<width {
                let cell = self[x: column, y: row]
                changed[column] = full || cell != previous?[x: column, y: row]
            }
            for column in 0..<width where changed[column] {
                guard let cell = self[x: column, y: row] else { continue }
                if cell.width == 2, column + 1 < width { changed[column + 1] = true }
                if cell.isContinuation, column > 0 { changed[column - 1] = true }
            }
            // A continuation marked in the first pass may have pulled in a lead to its left.
            var column = 0
            while column < width {
                guard changed[column], let first = self[x: column, y: row] else {
                    column += 1
                    continue
                }
                let start = column
                var text = ""
                while column < width, changed[column], let cell = self[x: column, y: row], cell.style == first.style {
                    if !cell.isContinuation { text.append(cell.character) }
                    column += 1
                }
                runs.append(GridRun(x: start, y: row, width: column - start, text: text, style: first.style))
            }
        }
        return runs
    }
}
