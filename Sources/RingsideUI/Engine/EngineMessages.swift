import RingsideSimulation

/// Who asked for a command: it decides how the command is echoed and how its errors read.
public enum CommandOrigin: Hashable, Sendable {
    /// A key with its prompt (j l s f x L w a c).
    case key
    /// The `:` command line.
    case commandLine
    /// Play mode's periodic stabilize / fix-fingers / check-predecessor.
    case maintenance
    /// A statement of the script being played.
    case script

    /// A key or the command line: the user's own command.
    var isUser: Bool { self == .key || self == .commandLine }
}

/// What the front end asks the engine to do. Every change to the world is a script
/// command string, so a session can be written out as a script.
public enum EngineRequest: Hashable, Sendable {
    /// Run the script's opening statements (up to its first protocol command or `pause`).
    case start
    /// Begin one command line (its messages are then delivered by `step`).
    case command(String, origin: CommandOrigin)
    /// `join SPEC via NODE`; a nil spec asks the engine for a random free id, since only
    /// the engine's generator may draw it (the run must stay reproducible).
    case join(spec: String?, via: String)
    /// Deliver up to this many messages (or start queued work), then report.
    case step(Int)
    /// Deliver every message of the work under way until the world is idle (bounded).
    case finish
    /// Continue a script that stopped at `pause`.
    case resume
    /// Move the time-travel cursor (nothing is run: the world at that step is shown).
    case travel(TimeMove)
    /// Play this script (a scenario's name and bytes) from its start, in place of the
    /// current one: a fresh world, timeline and transcript.
    case load(name: String, bytes: [UInt8])
}

/// Where the time-travel cursor goes: a step is one command begun or one event.
public enum TimeMove: Hashable, Sendable {
    /// One step back (`u`).
    case back
    /// One step forward along the current branch (`U`, redo).
    case forward
    /// To this step, clamped to 0 ... the newest.
    case to(Int)
}

/// Something that happened while the engine served a request, for the front end to show.
public enum EngineEvent: Hashable, Sendable {
    /// A command line was begun.
    case began(String, origin: CommandOrigin)
    /// A `say` caption; `continues` when it directly follows another `say` of the script
    /// (view commands aside): the two are one caption, a sentence a script split in two.
    case caption(String, continues: Bool = false)
    /// A result line such as `invariants hold`.
    case report(String)
    /// The script reached `pause` and waits for a key.
    case paused
    /// A `dump`: the state JSON (the TUI notes it; `ringside run` prints it).
    case dump(String)
    /// `select NODE` ran: the viewer selects that node.
    case selected(Int32)
    /// `focus chord|bayou|time|store|all` ran: the viewer shows those panels.
    case focused(FocusTarget)
    /// `highlight [NODE...]` ran: the viewer marks these nodes (none: clears the marks).
    case highlighted([Int32])
    /// A command waits for the work under way (it begins, with `began`, later); the origin
    /// lets `F` hide play mode's maintenance waiting too.
    case queued(String, origin: CommandOrigin)
    /// A command failed; the text is ready to show (with FILE:LINE:COL for scripts).
    case error(String)
    /// `step` found nothing in flight and nothing queued.
    case idle
    /// The last statement of the script has been begun.
    case scriptFinished
}

/// An event and where it falls among the world's trace events, so the event list can
/// show a command's echo before the protocol steps it caused.
public struct EngineNotice: Hashable, Sendable {
    public var event: EngineEvent
    /// `world.trace.total` when the event happened.
    public var traceMark: Int
    /// The timeline step the event belongs to: it shows while the cursor is at or after it.
    public var step: Int

    public init(_ event: EngineEvent, traceMark: Int, step: Int = 0) {
        self.event = event
        self.traceMark = traceMark
        self.step = step
    }
}

/// The engine's answer to one request: the world as it now is and what happened.
public struct EngineReport: Sendable {
    /// A snapshot: a value copy the engine no longer touches.
    public var world: World
    public var notices: [EngineNotice]
    /// True while the script waits at `pause` for a key.
    public var isWaitingAtPause: Bool
    /// A command the user gave is under way or queued (see `EngineCore.isUserWorkUnderWay`).
    public var isUserWorkUnderWay = false
    /// The script stopped before its next caption (see `EngineCore.isHeldAtCaption`).
    public var isHeldAtCaption = false
    /// Steps served at which the live replicas became identical or stopped being so.
    public var agreementChanges: [AgreementChange] = []
    /// Script statements not begun yet.
    public var scriptRemaining: Int
    /// Messages delivered (or actions started) while serving the request.
    public var stepsTaken: Int
    /// User command lines waiting for the work under way, oldest first.
    public var queued: [String]
    /// Where the time-travel cursor is, on a branch of `timeline.steps` steps.
    public var timeline: TimelinePosition
    /// The newest structured events up to the cursor, for the space-time diagram.
    public var recentEvents: EventWindow

    /// The events alone, in order.
    public var events: [EngineEvent] { notices.map(\.event) }

    public init(world: World, notices: [EngineNotice], isWaitingAtPause: Bool, scriptRemaining: Int, stepsTaken: Int,
                queued: [String] = [], timeline: TimelinePosition = TimelinePosition(),
                recentEvents: EventWindow = EventWindow()) {
        self.queued = queued
        self.world = world
        self.notices = notices
        self.isWaitingAtPause = isWaitingAtPause
        self.scriptRemaining = scriptRemaining
        self.stepsTaken = stepsTaken
        self.timeline = timeline
        self.recentEvents = recentEvents
    }
}

/// Where requests go and reports come from: a thread in the terminal, inline in tests.
public protocol EngineDriver: AnyObject {
    /// Queues a request; never blocks on the engine's work.
    func send(_ request: EngineRequest)
    /// The reports finished since the last call, oldest first.
    func takeReports() -> [EngineReport]
}
