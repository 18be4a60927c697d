/// What a cell means, not what colour it is: the terminal layer maps each role to
/// colours (or to bold/dim/reverse when colour is off) in one place.
public enum Role: UInt8, CaseIterable, Hashable, Sendable {
    case normal
    case dim
    case bold
    case accent
    case selected
    case warning
    case error
    case committed
    case tentative
    case flash
    case border
    case title
    case hopActive
    case hopDone
    case failed
    /// Key names in help and hints.
    case key
    /// The status line's background band.
    case statusBar
}

/// The look of a cell: a semantic role plus optional emphasis flags.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let normal = Style()

    /// A node a script's `highlight` marked: the same on every panel.
    public static let highlight = Style(.warning, bold: true, underline: true)

    /// This style with bold set.
    public var bolded: Style { var s = self; s.bold = true; return s }
    /// This style with reverse video set (used for the prompt's cursor).
    public var reversed: Style { var s = self; s.reverse = true; return s }
    /// This style with underline set.
    public var underlined: Style { var s = self; s.underline = true; return s }
}

/// A piece of text in one style, for drawing a line out of several parts.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }

    /// Display width of the text, in cells.
    public var width: Int { TextWidth.of(text) }
}
