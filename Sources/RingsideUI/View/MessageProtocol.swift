/// Which protocol a message belongs to, told by its event-log type name, so a diagram
/// can colour it (Chord, Bayou anti-entropy, or the key-value store).
enum MessageProtocol: Hashable, Sendable {
    case chord
    case bayou
    case store

    /// `anti_entropy_*` is Bayou, `store_*` the key-value store, anything else Chord.
    init(type: String) {
        if type.hasPrefix("anti_entropy") {
            self = .bayou
        } else if type.hasPrefix("store_") {
            self = .store
        } else {
            self = .chord
        }
    }

    /// The semantic role it is drawn in (the same green as Bayou lines in the events panel).
    var role: Role {
        switch self {
        case .chord: .accent
        case .bayou: .committed
        case .store: .tentative
        }
    }
}
