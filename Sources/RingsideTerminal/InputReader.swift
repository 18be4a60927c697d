import CNcurses
import RingsideUI

/// Reads keys from curses with a timeout and translates them into `Key`.
///
/// It blocks inside `wget_wch` for up to the timeout, so an idle UI sleeps in the
/// kernel instead of spinning.
final class InputReader {
    /// The timeout last passed to `wtimeout`, to avoid re-setting it every call.
    private var currentTimeout: Int32?
    /// Input read ahead while decoding an escape sequence, to be read next.
    private var buffered: [RawInput] = []
    /// How long to wait for the rest of a sequence after an Esc that curses returned
    /// alone (it already waited its escape delay; the rest is usually buffered).
    private let sequenceDelayMilliseconds: Int32

    init(sequenceDelayMilliseconds: Int32 = 25) {
        self.sequenceDelayMilliseconds = sequenceDelayMilliseconds
    }

    /// The next key, or nil if none arrived within `timeoutMilliseconds`
    /// (negative: wait indefinitely), a signal interrupted the wait, or an unknown
    /// escape sequence was swallowed. VT sequences curses does not know for this
    /// terminal (`ESC [ 4 ~` for End in tmux, and so on) are decoded here.
    func read(timeoutMilliseconds: Int32) -> Key? {
        guard let first = nextInput(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        return EscapeSequence.nextKey(
            startingWith: first,
            more: { self.nextInput(timeoutMilliseconds: self.sequenceDelayMilliseconds) },
            pushBack: { self.buffered.insert(contentsOf: $0, at: 0) })
    }

    /// One input: a buffered one first, else from curses.
    private func nextInput(timeoutMilliseconds: Int32) -> RawInput? {
        if !buffered.isEmpty { return buffered.removeFirst() }
        guard let screen = rs_stdscr() else { return nil }
        if currentTimeout != timeoutMilliseconds {
            wtimeout(screen, timeoutMilliseconds)
            currentTimeout = timeoutMilliseconds
        }
        var code: wint_t = 0
        switch wget_wch(screen, &code) {
        case KEY_CODE_YES:
            return .key(Self.translate(keyCode: Int32(truncatingIfNeeded: code)))
        case OK:
            return .character(UInt32(code))
        default:
            return nil  // ERR: timeout or EINTR
        }
    }

    /// Maps a plain character code (from `get_wch` returning OK).
    static func translate(character code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + code))))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Maps a curses key code (from `get_wch` returning KEY_CODE_YES).
    static func translate(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_HOME, KEY_SHOME: return .home
        case KEY_END, KEY_SEND: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return readMouse()
        case rs_key_f(1)...rs_key_f(63): return .function(Int(code - rs_key_f(0)))
        default: return nil
        }
    }

    /// Fetches the pending mouse event; presses become clicks, releases are dropped.
    private static func readMouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let button: MouseEvent.Button
        if state & (rs_button1_pressed() | rs_button1_clicked()) != 0 {
            button = .left
        } else if state & (rs_button3_pressed() | rs_button3_clicked()) != 0 {
            button = .right
        } else if state & rs_button4_pressed() != 0 {
            button = .scrollUp
        } else if rs_button5_pressed() != 0, state & rs_button5_pressed() != 0 {
            button = .scrollDown
        } else {
            return nil
        }
        return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), button: button))
    }
}
