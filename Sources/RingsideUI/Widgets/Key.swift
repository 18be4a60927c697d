/// A mouse event reported by the terminal, in grid coordinates.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left
        case right
        case scrollUp
        case scrollDown
        case other
    }

    public var x: Int
    public var y: Int
    public var button: Button

    public init(x: Int, y: Int, button: Button) {
        self.x = x
        self.y = y
        self.button = button
    }
}

/// One input event, independent of ncurses: the terminal layer translates its
/// codes into these, and everything above it sees only `Key`.
public enum Key: Hashable, Sendable {
    /// A printable grapheme, including space.
    case character(Character)
    /// Ctrl plus a letter, lower-cased: `.control("c")` is Ctrl-C.
    case control(Character)
    case up
    case down
    case left
    case right
    case tab
    /// Shift-Tab.
    case backTab
    case enter
    case escape
    case backspace
    case delete
    case insert
    case home
    case end
    case pageUp
    case pageDown
    /// F1…F12 (and beyond, if the terminal sends them).
    case function(Int)
    /// The terminal changed size; the next frame must be drawn at the new size.
    case resize
    case mouse(MouseEvent)

    /// The space bar.
    public static let space = Key.character(" ")
    /// Ctrl-C, which only arrives as a key when the tty does not turn it into SIGINT.
    public static let ctrlC = Key.control("c")

    /// A short human name for help and hints: "Space", "Tab", "S-Tab", "Ctrl-C", "→".
    public func label(glyphs: Glyphs = .unicode) -> String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return glyphs.arrowUp
        case .down: return glyphs.arrowDown
        case .left: return glyphs.arrowLeft
        case .right: return glyphs.arrowRight
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .mouse(let event): return "Click(\(event.x),\(event.y))"
        }
    }
}
