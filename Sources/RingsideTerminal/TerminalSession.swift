#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import RingsideUI
import Synchronization

/// How the terminal session should behave.
public struct TerminalOptions: Sendable {
    /// Report mouse clicks (this also stops the terminal's own text selection without Shift).
    public var mouse: Bool
    /// Use colour when the terminal has it and NO_COLOR is unset.
    public var color: Bool
    /// Draw ASCII only, even in a UTF-8 locale.
    public var asciiOnly: Bool
    /// How long curses waits after Esc for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int32

    public init(mouse: Bool = true, color: Bool = true, asciiOnly: Bool = false, escapeDelayMilliseconds: Int32 = 25) {
        self.mouse = mouse
        self.color = color
        self.asciiOnly = asciiOnly
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }

    /// The environment variable that asks for the ASCII glyph set, as `--ascii` does.
    public static let asciiVariable = "RINGSIDE_ASCII"

    /// Whether to draw ASCII only: the `--ascii` flag, or `RINGSIDE_ASCII` set to
    /// anything but empty or `0`. (A locale that is not UTF-8 is not enough: Ringside
    /// falls back to C.UTF-8, which most terminals show, so LANG=C alone keeps Unicode.)
    public static func asciiRequested(flag: Bool, environment: [String: String]) -> Bool {
        if flag { return true }
        guard let value = environment[asciiVariable] else { return false }
        return !value.isEmpty && value != "0"
    }
}

/// The curses session: every set-up and tear-down of the terminal happens here
/// (htop's CRT.c), so there is one place that knows what must be undone.
///
/// Create it on the thread that will do all drawing and reading; call `end()` (or
/// let it deinitialize) on every exit path. Nothing may be printed while it is active.
public final class TerminalSession {
    /// Symbols that the locale can display.
    public let glyphs: Glyphs
    /// Whether roles are drawn in colour (false: attributes only).
    public let usesColor: Bool
    /// True between a successful start and `end()`.
    public private(set) var isActive = false

    private var screen: OpaquePointer?
    private let signals = SignalTrap()
    let writer: ScreenWriter
    let input = InputReader()

    /// Only one session may own the terminal at a time.
    private static let active = Atomic<Bool>(false)

    /// Checks the environment, then starts curses. Throws without touching the
    /// terminal if it cannot work (see `preflight`).
    public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
        try Self.preflight()
        guard Self.active.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            throw .alreadyActive
        }
        // ASCII only when the locale cannot show more, or when asked (`--ascii`,
        // RINGSIDE_ASCII): glyphs and any other text (captions, names) alike.
        let ascii = !Self.configureLocale() || options.asciiOnly
        glyphs = Glyphs.forLocale(isUTF8: !ascii)

        // Ours before newterm, so ncurses leaves SIGINT/SIGTERM alone.
        signals.install()
        guard let screen = newterm(nil, rs_stdout(), rs_stdin()) else {
            signals.restore()
            Self.active.store(false, ordering: .releasing)
            throw .initializationFailed(Self.environment("TERM") ?? "")
        }
        self.screen = screen
        isActive = true
        _ = set_term(screen)
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        if let window = rs_stdscr() {
            _ = keypad(window, true)
            _ = intrflush(window, false)
            // The cursor is hidden; curses need not leave it anywhere in particular.
            _ = leaveok(window, true)
        }
        _ = curs_set(0)
        _ = set_escdelay(options.escapeDelayMilliseconds)
        if options.mouse {
            let mask = rs_button1_pressed() | rs_button3_pressed() | rs_button4_pressed() | rs_button5_pressed()
            _ = mousemask(mmask_t(mask), nil)
            // Report presses at once instead of waiting to see whether they become clicks.
            _ = mouseinterval(0)
        }
        // https://no-color.org: a NO_COLOR that is set and non-empty turns colour off.
        let noColor = !(Self.environment("NO_COLOR") ?? "").isEmpty
        let colors = ColorRoles(wantColor: options.color && !noColor)
        usesColor = colors.usesColor
        writer = ScreenWriter(colors: colors, asciiOnly: ascii)
    }

    deinit {
        end()
    }

    /// The screen size as curses sees it now (it updates on KEY_RESIZE).
    public var size: Size {
        guard isActive else { return .zero }
        return Size(width: Int(rs_screen_width()), height: Int(rs_screen_height()))
    }

    /// The termination signal (SIGINT, SIGTERM, SIGHUP) received, if any.
    public var pendingSignal: Int32? { signals.pending }

    /// Draws a frame, writing only what changed since the last one.
    public func draw(_ grid: Grid) {
        guard isActive else { return }
        writer.draw(grid)
    }

    /// Forces the next `draw` to repaint everything.
    public func invalidate() {
        writer.invalidate()
    }

    /// The next key within `timeoutMilliseconds` (negative: no limit), or nil.
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        guard isActive else { return nil }
        return input.read(timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Restores the terminal: cursor, modes, signal handlers. Safe to call more than once.
    public func end() {
        guard isActive else { return }
        isActive = false
        // A blank screen before leaving: after the window grew, tmux carried rows of the
        // last frame onto the shell's screen when the alternate screen was left (vim and
        // less clear first, too).
        if let window = rs_stdscr() {
            _ = werase(window)
            _ = wrefresh(window)
        }
        _ = curs_set(1)
        _ = endwin()
        if let screen { delscreen(screen) }
        screen = nil
        signals.restore()
        Self.active.store(false, ordering: .releasing)
    }

    // MARK: Pre-flight

    /// Refuses, with a reason, to start where curses cannot work: without a tty on
    /// stdin and stdout (it would spin at 100% CPU), with TERM unset or `dumb`, or
    /// with a terminfo entry lacking cursor addressing.
    public static func preflight() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "stdin") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "stdout") }
        guard let term = environment("TERM"), !term.isEmpty else { throw .termUnset }
        guard term != "dumb" else { throw .dumbTerminal }
        switch rs_terminfo_has_cursor_addressing() {
        case 1: return
        case 0: throw .noCursorAddressing(term)
        default: throw .unknownTerminal(term)
        }
    }

    /// Adopts the user's locale; if it is not UTF-8, tries C.UTF-8 for LC_CTYPE.
    /// Returns whether the final character set is UTF-8.
    private static func configureLocale() -> Bool {
        _ = setlocale(LC_ALL, "")
        if codesetIsUTF8() { return true }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { return false }
        return codesetIsUTF8()
    }

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
