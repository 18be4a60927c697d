/// Everything a key can ask the app to do. The engine wiring maps each to a script
/// command (see spec/script.md) or to a view change.
public enum Action: String, CaseIterable, Hashable, Sendable {
    // Chord
    case join
    case lookup
    case stabilize
    case fixFingers
    case fail
    case leave
    // Bayou
    case write
    case antiEntropy
    case commit
    // View
    case playPause
    case step
    case finish
    case faster
    case slower
    case nextNode
    case previousNode
    case zoomIn
    case zoomOut
    // General
    case commandLine
    case help
    case escape
    case quit
}

/// The sections of the help overlay, in display order.
public enum ActionGroup: String, CaseIterable, Hashable, Sendable {
    case chord = "Chord"
    case bayou = "Bayou"
    case view = "View"
    case general = "General"
}
