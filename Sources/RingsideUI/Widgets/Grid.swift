/// A width × height buffer of cells that widgets draw into (ratatui's Buffer).
///
/// Every mutation is clipped to the grid (and to an optional clip rect), so no
/// input can write outside it or trap; wide graphemes always keep their
/// continuation cell, and overwriting half of one blanks the other half.
public struct Grid: Equatable, Sendable {
    /// Columns × rows; 0×0 if the requested size was impossible.
    public let size: Size
    private var cells: [Cell]

    /// The largest grid allocated; anything bigger becomes 0×0.
    public static let maximumCells = 1 << 24

    /// A grid of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        let count = size.width.multipliedReportingOverflow(by: size.height)
        // A size too large to allocate (no terminal is this big) is treated as empty
        // rather than trapping.
        if count.overflow || count.partialValue > Self.maximumCells {
            self.size = .zero
            self.cells = []
        } else {
            self.size = size
            self.cells = Array(repeating: fill, count: count.partialValue)
        }
    }

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.init(size: Size(width: width, height: height), fill: fill)
    }

    /// A grid holding `lines`, as wide as the widest one (for tests, like ratatui's `Buffer::with_lines`).
    public init(lines: [String], style: Style = .normal) {
        let width = lines.map { TextWidth.of($0) }.max() ?? 0
        self.init(width: width, height: lines.count)
        for (row, line) in lines.enumerated() {
            write(line, x: 0, y: row, style: style)
        }
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole grid as a rectangle at (0, 0).
    public var area: Rect { Rect(size: size) }

    /// The cell at (x, y), or nil outside the grid.
    public subscript(x x: Int, y y: Int) -> Cell? {
        guard let i = index(x, y) else { return nil }
        return cells[i]
    }

    /// Changes the style of every cell (the projector's high contrast).
    public mutating func restyle(_ transform: (Style) -> Style) {
        for index in cells.indices { cells[index].style = transform(cells[index].style) }
    }

    // MARK: Drawing

    /// Draws one grapheme at (x, y) if it fits entirely inside `clip` and the grid.
    /// Returns its display width (0 for control characters and lone marks, which are skipped).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let (glyph, w) = Self.normalize(character)
        guard w > 0 else { return 0 }
        let bounds = visibleBounds(clip)
        place(glyph, width: w, x: x, y: y, style: style, bounds: bounds)
        return w
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (and the grid).
    ///
    /// Tabs become one space; control characters and lone combining marks are skipped.
    /// A wide grapheme cut by the clip edge leaves a styled space in its visible half.
    /// Returns the column after the text as if nothing had been clipped, for chaining.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let bounds = visibleBounds(clip)
        var column = x
        for character in text {
            let (glyph, w) = Self.normalize(character)
            guard w > 0 else { continue }
            // Past the right edge nothing more can show; keep counting for the return value.
            if column < bounds.maxX {
                place(glyph, width: w, x: column, y: y, style: style, bounds: bounds)
            }
            column = column.saturatingAdd(w)
        }
        return column
    }

    /// Writes styled spans one after another from (x, y); returns the column after them.
    @discardableResult
    public mutating func write(_ spans: [Span], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for span in spans {
            column = write(span.text, x: column, y: y, style: span.style, clip: clip)
        }
        return column
    }

    /// Fills `rect` (clipped to the grid) with a single-width character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        let (glyph, w) = Self.normalize(character)
        let filler: Character = w == 1 ? glyph : " "
        for row in target.minY..<target.maxY {
            for column in target.minX..<target.maxX {
                place(filler, width: 1, x: column, y: row, style: style, bounds: target)
            }
        }
    }

    /// Changes the style of every cell in `rect`, keeping characters (and keeping both
    /// halves of a wide grapheme in the same style).
    public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for row in target.minY..<target.maxY {
            for column in target.minX..<target.maxX {
                guard let i = index(column, row) else { continue }
                transform(&cells[i].style)
                if cells[i].width == 2, let next = index(column + 1, row) {
                    cells[next].style = cells[i].style
                } else if cells[i].isContinuation, let lead = index(column - 1, row) {
                    cells[lead].style = cells[i].style
                }
            }
        }
    }

    /// Sets every cell in `rect` to `style`, keeping the characters.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        restyle(rect) { $0 = style }
    }

    // MARK: Reading

    /// The grid as text, one string per row (continuation cells contribute nothing),
    /// for golden tests. `trimmingTrailingSpaces` drops spaces at the end of each row.
    public func lines(trimmingTrailingSpaces: Bool = false) -> [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = cells[row * width + column]
                if !cell.isContinuation { line.append(cell.character) }
            }
            if trimmingTrailingSpaces {
                while line.last == " " { line.removeLast() }
            }
            return line
        }
    }

    // MARK: Internals

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return y * width + x
    }

    private func visibleBounds(_ clip: Rect?) -> Rect {
        guard let clip else { return area }
        return clip.intersection(area)
    }

    /// Maps a grapheme to what is stored and its width: tab → space, invisible → width 0.
    private static func normalize(_ character: Character) -> (Character, Int) {
        if character == "\t" { return (" ", 1) }
        return (character, TextWidth.of(character))
    }

    /// The single place cells change: keeps wide pairs intact and never leaves `bounds`.
    private mutating func place(_ character: Character, width w: Int, x: Int, y: Int, style: Style, bounds: Rect) {
        guard y >= bounds.minY, y < bounds.maxY else { return }
        let last = x.saturatingAdd(w - 1)
        if x >= bounds.minX, last < bounds.maxX {
            breakPairs(from: x, to: last, y: y)
            guard let i = index(x, y) else { return }
            if w == 2, let j = index(x + 1, y) {
                cells[i] = .wide(character, style: style)
                cells[j] = .continuation(style: style)
            } else {
                cells[i] = Cell(character, style: style)
            }
        } else {
            // Cut by the clip edge: blank the visible half so nothing stale shows through.
            for column in [x, last] where column >= bounds.minX && column < bounds.maxX {
                breakPairs(from: column, to: column, y: y)
                if let i = index(column, y) { cells[i] = Cell(" ", style: style) }
            }
        }
    }

    /// Before overwriting columns first...last, blanks the outside half of any wide
    /// grapheme that straddles either end.
    private mutating func breakPairs(from first: Int, to last: Int, y: Int) {
        if let i = index(first, y), cells[i].isContinuation, let lead = index(first - 1, y) {
            cells[lead] = Cell(" ", style: cells[lead].style)
        }
        if let i = index(last, y), cells[i].width == 2, let tail = index(last + 1, y) {
            cells[tail] = Cell(" ", style: cells[tail].style)
        }
    }
}
