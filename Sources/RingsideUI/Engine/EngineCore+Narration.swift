import RingsideSimulation

/// How a played script is cut into presses of `n`: which statements act, which keep two
/// captions one, and where the next caption begins (see `EngineCore.advanceScript`).
extension EngineCore {
    /// `select`, `focus`, `highlight`: they change the view only.
    static func isViewControl(_ command: Command) -> Bool {
        switch command {
        case .select, .focus, .highlight: return true
        default: return false
        }
    }

    /// Between two `say`s these leave them one caption: view control, and `dump`, which
    /// the panels show anyway (vector-clocks-cart's "Neither clock subsumes the other" and
    /// "A reads the cart" around a `dump`).
    static func keepsCaptionTogether(_ command: Command) -> Bool {
        if case .dump = command { return true }
        return isViewControl(command)
    }

    /// Whether the script's next caption begins at `index`: a `say`, or view commands
    /// that lead to one (meeting-room-commit's `select B` belongs with "Bob asks B", not
    /// with the step before it).
    static func captionStarts(_ script: ScenarioScript, at index: Int) -> Bool {
        var index = index
        while index < script.lines.count, isViewControl(script.lines[index].statement.command) { index += 1 }
        guard index < script.lines.count, case .say = script.lines[index].statement.command else { return false }
        return true
    }

    /// Whether a script statement does something a caption after it should not hide: a
    /// message delivered or dropped, a crash, a write, a commit, any protocol command. The
    /// setup (space, settings, `add`, `store`), view control and narration do not.
    static func acts(_ command: Command) -> Bool {
        switch command {
        case .bits, .seed, .successors, .add, .joinMode, .store, .primary, .latency, .timeout, .loss,
             .maintenance, .lookupMode, .storeMode, .vnodes, .replication, .quorum,
             .select, .focus, .highlight, .say, .pause, .dump, .invariants:
            return false
        default:
            return true
        }
    }
}
