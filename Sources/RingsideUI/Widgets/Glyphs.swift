/// The characters a box is drawn with.
public struct BorderSet: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character,
                topRight: Character, bottomLeft: Character, bottomRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    /// Light box drawing: ┌─┐│└┘.
    public static let light = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌",
                                        topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    /// Rounded corners: ╭─╮│╰╯.
    public static let rounded = BorderSet(horizontal: "─", vertical: "│", topLeft: "╭",
                                          topRight: "╮", bottomLeft: "╰", bottomRight: "╯")
    /// Plain ASCII: +-+|++.
    public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+",
                                        topRight: "+", bottomLeft: "+", bottomRight: "+")
}

/// Every symbol the UI draws, in a Unicode set and an ASCII fallback.
///
/// The terminal layer picks the set (ASCII when the locale is not UTF-8) and passes
/// it down; widgets never hard-code a non-ASCII character. Multi-character ASCII
/// stand-ins (`->`, `in`) are why the symbols are strings.
public struct Glyphs: Hashable, Sendable {
    /// False for the ASCII fallback.
    public var isUnicode: Bool
    /// A live node on the ring.
    public var node: String
    /// A hollow marker: a key, an empty position, a node not in focus.
    public var hollow: String
    /// A failed node.
    public var failed: String
    /// A live node the selected one cannot reach: a partition cuts them apart.
    public var cutOff: String = "◌"
    /// A node that left the ring gracefully (`leave`): gone, its keys handed on, unlike
    /// a crashed one (`failed`), whose keys are lost.
    public var departed: String = "⊖"
    /// Routing, successor pointers, "goes to".
    public var arrow: String
    /// Interval membership, as in "k ∈ (n, s]".
    public var elementOf: String
    public var notElementOf: String
    public var infinity: String
    public var ellipsis: String
    public var play: String
    public var pause: String
    /// The multiplication sign in speeds and sizes ("×2", "80×24").
    public var times: String
    /// Separator between items on one line.
    public var separator: String
    /// Marker for the selected row.
    public var pointer: String
    /// Arrows used in key names ("↑", or "Up" in ASCII).
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String
    public var border: BorderSet

    /// The default set, for UTF-8 locales.
    public static let unicode = Glyphs(
        isUnicode: true, node: "●", hollow: "○", failed: "✕", arrow: "→",
        elementOf: "∈", notElementOf: "∉", infinity: "∞", ellipsis: "…",
        play: "▶", pause: "‖", times: "×", separator: "·", pointer: "▸",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        border: .light
    )

    /// The fallback for other locales: every symbol is plain ASCII.
    public static let ascii = Glyphs(
        isUnicode: false, node: "@", hollow: "o", failed: "x", cutOff: "-", departed: "_", arrow: "->",
        elementOf: "in", notElementOf: "!in", infinity: "inf", ellipsis: "...",
        play: ">", pause: "||", times: "x", separator: "/", pointer: ">",
        arrowUp: "Up", arrowDown: "Down", arrowLeft: "Left", arrowRight: "Right",
        border: .ascii
    )

    /// The Unicode set when the terminal's locale is UTF-8, else ASCII.
    public static func forLocale(isUTF8: Bool) -> Glyphs {
        isUTF8 ? .unicode : .ascii
    }
}
