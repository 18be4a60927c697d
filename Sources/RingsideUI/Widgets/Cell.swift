/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, emoji) occupies two cells: the first holds the grapheme,
/// the second is a *continuation* cell that holds nothing of its own. Only `Grid`
/// creates wide and continuation cells, and it keeps each pair together.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; a space for a continuation cell.
    public private(set) var character: Character
    public var style: Style
    /// Cells the grapheme spans: 1, 2 for a wide grapheme, 0 for a continuation cell.
    public private(set) var width: Int

    /// A single-width cell. Characters that are not exactly one cell wide become a
    /// space, so a `Cell` built from outside can never break the grid's layout.
    public init(_ character: Character = " ", style: Style = .normal) {
        self.character = TextWidth.of(character) == 1 ? character : " "
        self.style = style
        self.width = 1
    }

    private init(unchecked character: Character, style: Style, width: Int) {
        self.character = character
        self.style = style
        self.width = width
    }

    /// The left half of a wide grapheme (Grid only).
    static func wide(_ character: Character, style: Style) -> Cell {
        Cell(unchecked: character, style: style, width: 2)
    }

    /// The right half of a wide grapheme (Grid only).
    static func continuation(style: Style) -> Cell {
        Cell(unchecked: " ", style: style, width: 0)
    }

    /// A space in the normal style: what a new grid is filled with.
    public static let blank = Cell()

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
