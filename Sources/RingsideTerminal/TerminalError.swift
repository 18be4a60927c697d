/// Why the full-screen UI could not start. Thrown before the terminal is touched,
/// so the caller can print `description` on stderr and exit with status 2.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or run from CI).
    case notATerminal(stream: String)
    /// TERM is unset or empty.
    case termUnset
    /// TERM=dumb cannot move the cursor.
    case dumbTerminal
    /// No terminfo entry for TERM.
    case unknownTerminal(String)
    /// The terminfo entry has no cursor addressing ("cup").
    case noCursorAddressing(String)
    /// `newterm` failed.
    case initializationFailed(String)
    /// A session is already active in this process.
    case alreadyActive

    /// Why, in words a student understands (without the headless hint).
    public var reason: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal, and the interactive UI needs one"
        case .termUnset:
            return "TERM is not set, so the terminal type is unknown"
        case .dumbTerminal:
            return "TERM=dumb cannot move the cursor, which the interactive UI needs"
        case .unknownTerminal(let term):
            return "no terminfo entry for TERM=\(term)"
        case .noCursorAddressing(let term):
            return "the terminal TERM=\(term) has no cursor addressing (terminfo \"cup\")"
        case .initializationFailed(let term):
            return "could not start curses on TERM=\(term)"
        case .alreadyActive:
            return "the terminal UI is already running"
        }
    }

    /// One line for stderr: the reason and the headless alternative.
    public var description: String {
        "\(reason); for headless use run a script with: ringside run FILE"
    }
}
