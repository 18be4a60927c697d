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
    case recover
    // Bayou
    case write
    case antiEntropy
    case commit
    // Key-value store
    case storePut
    case storeGet
    case storeSettings
    case storeKey
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
    case cycleView
    case projector
    // Time travel
    case undo
    case redo
    case timeline
    case timelineBack
    case timelineForward
    case timelineStart
    case timelineEnd
    case timelineClose
    // Messages and faults
    case messages
    case messageUp
    case messageDown
    case deliverMessage
    case dropMessage
    case closeMessages
    case partition
    case heal
    // Events log
    case eventsPageUp
    case eventsPageDown
    case searchEvents
    case nextMatch
    case closeSearch
    case filterMaintenance
    // Guided scenarios
    case scenarios
    case scenarioUp
    case scenarioDown
    case playScenario
    case closeScenarios
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
    case time = "Time travel"
    case messages = "Messages and faults"
    case store = "Key-value store"
    case events = "Events log"
    case scenarios = "Scenarios"
    case general = "General"
}

/// Where a binding acts: the main view, or an overlay that takes its keys first while
/// it is open (keys it does not bind fall through to the main view).
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case main
    case timeline
    case messages
    case scenarios
    case search
}
