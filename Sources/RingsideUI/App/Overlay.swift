/// A strip or list that takes its own keys while open (see `KeyContext`).
public enum Overlay: Hashable, Sendable {
    /// The timeline bar (`t`): ←/→ and Home/End move the time-travel cursor.
    case timeline
    /// The in-flight message list (`m`): pick one, deliver it now or drop it.
    case messages
    /// The scenario menu (`o`): pick a script of Assets/scenarios and play it.
    case scenarios
    /// Search mode (`/`): Enter and N go to the next match in the events log.
    case search

    /// The key map section that handles keys first while it is open.
    var keyContext: KeyContext {
        switch self {
        case .timeline: return .timeline
        case .messages: return .messages
        case .scenarios: return .scenarios
        case .search: return .search
        }
    }
}
