/// What fills the screen above the events panel; `v` cycles through them in this order.
public enum MainView: String, CaseIterable, Hashable, Sendable {
    /// The ring, the finger table and the Bayou logs.
    case ring
    /// One column per node, virtual time downwards, an arrow per message.
    case spaceTime
    /// How far replicas and routing state are from converged, over the run.
    case convergence
    /// The key-value store: one key's replicas, versions, hints and quorum (`focus store`).
    case store

    /// The view after this one (the last wraps to the first).
    public var next: MainView {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// Its short name, as a footer names the next one ("v ring view").
    var name: String {
        switch self {
        case .ring: "ring"
        case .spaceTime: "space-time"
        case .convergence: "convergence"
        case .store: "store"
        }
    }

    /// What the status line says on switching to it.
    var caption: String {
        switch self {
        case .ring: "view: ring, finger table and Bayou logs (v: space-time diagram)"
        case .spaceTime: "view: space-time diagram, newest messages at the bottom (v: convergence)"
        case .convergence: "view: convergence, version vectors and plots up to the cursor (v: store)"
        case .store: "view: store, the key's replicas, versions, hints and quorum replies (v: ring)"
        }
    }
}
