/// Everything that can change the app model (Bubble Tea's messages).
public enum AppEvent: Sendable {
    case key(Key)
    /// Time passed (play mode, flashes, waiting for the engine).
    case tick
    /// The engine finished a request.
    case engine(EngineReport)
}

/// What the model asks the outside world to do after an update (Bubble Tea's commands).
public enum AppEffect: Hashable, Sendable {
    case engine(EngineRequest)
    /// List the scenarios (`o`): the front end reads the folder and opens the menu.
    case listScenarios
    /// Play this scenario from its start, in place of the script being played.
    case playScenario(ScenarioFile)
    case quit
}

/// A line the app adds to the event list (command echoes, errors, hints), placed among
/// the world's trace events by the trace count at the time.
public struct AppNote: Hashable, Sendable {
    public var text: String
    public var role: Role
    /// `world.trace.total` when the note was made: it shows after that many trace events.
    public var traceMark: Int
    /// The timeline step it belongs to: it shows while the cursor is at or after it.
    public var step: Int
    /// Set on a command's echo: who asked for it (the events filter `F` hides the work of
    /// play mode's maintenance, from its echo to the next command's).
    public var origin: CommandOrigin?
    /// Set on a note about play mode's maintenance that is not its echo (its `queued`
    /// line): `F` hides it with the rest of the maintenance.
    public var isMaintenance = false

    public init(_ text: String, role: Role, traceMark: Int, step: Int = 0, origin: CommandOrigin? = nil) {
        self.text = text
        self.role = role
        self.traceMark = traceMark
        self.step = step
        self.origin = origin
    }
}

/// A transient message on the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    /// Says something about the work under way ("finishing…", "n delivers the next
    /// message"): it goes when the world is idle, so it never outlives what it describes.
    public var lastsWhileBusy: Bool
    /// Answers the key just pressed ("End is not bound", "cancelled"): it goes at the next
    /// key, so it never stands beside what a later key did.
    public var answersKey: Bool
    /// Says what the engine is doing for the request just sent ("finishing…"): it goes
    /// with the engine's report (with the script's `async` messages still in flight, one
    /// that lasted while busy said "finishing" for ten more presses).
    public var endsWithReport: Bool
    /// A warning the user must read whole, as an error (time travel's "acting here
    /// forgets steps …"): the status line's fields give way to it (see `StatusLine`).
    public var isWarning: Bool

    public init(_ text: String, isError: Bool = false, lastsWhileBusy: Bool = false, answersKey: Bool = false,
                endsWithReport: Bool = false, isWarning: Bool = false) {
        self.text = text
        self.isError = isError
        self.isWarning = isWarning
        self.lastsWhileBusy = lastsWhileBusy
        self.answersKey = answersKey
        self.endsWithReport = endsWithReport
    }
}

/// An open prompt: which action it collects an argument for, and the line being typed.
public struct Prompt: Sendable, Equatable {
    public var action: Action
    public var editor: LineEditor
    /// The node the action applies to, fixed when the prompt opened.
    public var node: NodeIndexValue?
    /// What Enter alone answers, named in the question (recover: the node to rejoin through).
    public var defaultAnswer: String? = nil
}

/// `NodeIndex` without importing Chord into every file that mentions a selection.
public typealias NodeIndexValue = Int32
