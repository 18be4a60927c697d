import RingsideKernel
import RingsideSimulation

/// The whole state of the terminal view, as a value (Bubble Tea's model).
///
/// `update` turns an event into a new model and effects; `AppView.render` draws it.
/// Nothing here touches a terminal, a clock or a thread: time comes in with each
/// event, and the engine is reached only through the effects.
public struct AppModel: Sendable {
    // MARK: The world, as last reported by the engine

    /// The latest snapshot.
    public internal(set) var world: World
    /// Facts about the snapshot that cost more than a frame should spend, computed once per report.
    public internal(set) var digest: WorldDigest
    /// The newest structured events up to the time-travel cursor (the space-time diagram's input).
    public internal(set) var recentEvents = EventWindow()
    /// Statements of the script not begun yet.
    public internal(set) var scriptRemaining = 0
    /// True while the script waits at `pause` for a key.
    public internal(set) var isWaitingAtPause = false
    /// A command the user gave is under way: at a pause `n` and `N` step it.
    public internal(set) var isUserWorkUnderWay = false
    /// The script stopped before its next caption: `n` goes on with it.
    public internal(set) var isHeldAtCaption = false
    /// User command lines waiting for the work under way, oldest first.
    public internal(set) var queued: [String] = []
    /// Requests sent to the engine and not yet answered.
    public internal(set) var requestsOutstanding = 0

    // MARK: What the user is looking at

    public internal(set) var selection: NodeIndexValue?
    /// What fills the upper part of the screen: the ring and its tables, or the space-time diagram.
    public internal(set) var mainView = MainView.ring
    /// Projector mode (`--big`, `b`): fewer, larger panels, a taller events log, high contrast.
    public internal(set) var isProjector = false
    /// Projector mode has room for one panel beside the ring: the Bayou logs while Bayou
    /// is the newest protocol work up to the time-travel cursor (a Bayou scenario showed
    /// no Bayou panel at all in projector mode), else the finger table.
    public var projectorShowsBayou: Bool { isProjector && digest.newestWorkIsBayou }
    /// Which panels fill the screen (a script's `focus`; `.all` is the default layout).
    public internal(set) var focus = FocusTarget.all
    /// The nodes a script's `highlight` marked on every panel, until the next `highlight`.
    public internal(set) var highlighted: [NodeIndexValue] = []
    /// 0 shows the whole ring; each level halves the arc shown around the selection.
    public internal(set) var zoom = 0
    /// The Bayou panel's top row of replicas when scrolled by hand; nil follows the selection.
    public internal(set) var bayouScroll: Int?
    /// The replicas the last report changed: the Bayou panel keeps them in view (a write
    /// the script just made must not be "not shown"); empty follows the selection.
    public internal(set) var bayouFocus: [NodeIndexValue] = []
    public internal(set) var isHelpVisible = false
    public internal(set) var helpScroll = 0
    /// The glyphs the view draws with (the terminal's), for what a key's effect depends
    /// on the drawing of: the help overlay's scroll limit.
    public internal(set) var glyphs: Glyphs = .unicode
    public internal(set) var prompt: Prompt?
    /// The lookup drawn on the ring (an index into `world.chord.lookups`).
    public internal(set) var lookupFocus: Int?
    /// Every `say` caption of the branch with its step, oldest first (bounded).
    var captions: [(step: Int, text: String)] = []
    /// The `select` commands by step (the script's and typed ones), so time travel shows
    /// the node the script selected at the step shown (a jump kept the newest selection
    /// beside an older caption about another replica).
    var selections: [(step: Int, node: NodeIndexValue)] = []
    public internal(set) var status: StatusMessage?
    /// Echoes, errors and hints, oldest first (bounded), including those after the cursor.
    public internal(set) var notes: [AppNote] = []
    /// Where the time-travel cursor is (as last reported by the engine).
    public internal(set) var timeline = TimelinePosition()
    /// The timeline bar or the in-flight list, when one is open (it gets its keys first).
    public internal(set) var overlay: Overlay?
    /// The in-flight list: the messages described, and which one is selected.
    public internal(set) var messageList = MessageList()
    /// Events-log lines scrolled back from the newest (0: the newest at the bottom).
    public internal(set) var eventsScroll = 0
    /// True while `F` hides play mode's periodic maintenance in the events log.
    public internal(set) var hidesMaintenance = false
    /// The text `/` searches the events log for (search mode while the overlay is `.search`).
    public internal(set) var eventsSearch: String?
    /// The scenario menu's listing and choice, while it is open.
    public internal(set) var scenarioMenu: ScenarioMenu?
    /// Convergence samples, one per report, for the convergence view's plots.
    public internal(set) var convergence = ConvergenceHistory()
    /// The key the store view shows, chosen with `K`; nil follows the newest put or get.
    public internal(set) var storeKey: Identifier?
    /// The words keys were hashed from (`lookup carol` → 131: carol), for titles that show
    /// a key; learned from the commands echoed, so it holds only names this session used.
    public internal(set) var keyNames: [Identifier: String] = [:]

    // MARK: Playback

    public internal(set) var isPlaying = false
    /// Messages delivered per second while playing.
    public internal(set) var speed: Double
    /// Wall-clock milliseconds of the latest event (the model's only notion of "now").
    public internal(set) var now: Int64 = 0
    var lastTick: Int64?
    /// Fractional messages owed to play mode.
    var stepBudget = 0.0
    /// When play mode next runs maintenance on an idle ring.
    var maintenanceDue: Int64?
    /// Until when each replica's redone writes flash.
    public internal(set) var flashUntil: [NodeIndexValue: Int64] = [:]
    /// The replica views last seen, to notice a reordering.
    var bayouSeen: [NodeIndexValue: BayouReplicaView] = [:]

    // MARK: Configuration

    public let keyMap: KeyMap
    /// "demo" or the script's file name, for the title.
    public let title: String
    /// Each prompt keeps its own history (keys typed at `l` are not commands for `:`).
    var editors: [Action: LineEditor] = [:]

    /// Notes kept at most.
    public static let notesMax = 200
    /// Captions kept at most.
    public static let captionsMax = 200
    public static let speedRange = 0.25...1024.0
    public static let defaultSpeed = 2.0
    /// Wall-clock pause between maintenance rounds when playing on an idle ring.
    public static let maintenanceIntervalMillis: Int64 = 3_000
    /// How long redone Bayou writes flash.
    public static let flashMillis: Int64 = 1_800
    /// The deepest zoom (beyond it the arc is narrower than Double can place nodes in).
    public static let zoomMax = 48

    /// A model showing `world` until the engine's first report; `speed` in messages a second.
    public init(world: World = World(), title: String = "demo", speed: Double? = nil, keyMap: KeyMap = .default,
                projector: Bool = false) {
        self.isProjector = projector
        self.world = world
        self.digest = WorldDigest(world)
        self.title = title
        self.keyMap = keyMap
        self.speed = Self.clampSpeed(speed ?? Self.defaultSpeed)
        fixSelection()
    }

    /// Applies one event at wall-clock time `now` (milliseconds on any monotonic clock).
    /// `size` is the screen's, for mouse hit-testing and help paging.
    public mutating func update(_ event: AppEvent, size: Size, now: Int64) -> [AppEffect] {
        self.now = max(self.now, now)
        var effects: [AppEffect]
        switch event {
        case let .key(key):
            effects = handle(key, size: size)
            // A command the user gives is news: its echo and any error are at the newest
            // end of the events log, which a scrolled-back log would hide.
            if effects.contains(where: Self.isUserCommand) { eventsScroll = 0 }
        case .tick: effects = tick()
        case let .engine(report):
            apply(report)
            effects = []
        }
        // Every request gets exactly one report, which `apply` counts back down.
        for case .engine in effects { requestsOutstanding += 1 }
        return effects
    }

    private static func isUserCommand(_ effect: AppEffect) -> Bool {
        switch effect {
        case .engine(.command(_, origin: .key)), .engine(.command(_, origin: .commandLine)), .engine(.join): true
        default: false
        }
    }

    /// The first effect: the engine runs the script's opening statements.
    public mutating func start() -> [AppEffect] {
        requestsOutstanding += 1
        return [.engine(.start)]
    }

    /// How soon the model wants a `.tick` (nil: only keys matter now, so the UI may sleep).
    public var tickMilliseconds: Int? {
        if requestsOutstanding > 0 { return 10 }
        if isPlaying, !isWaitingAtPause { return Int(min(100, max(15, 1000 / speed))) }
        if flashUntil.values.contains(where: { $0 > now }) { return 100 }
        return nil
    }

    // MARK: Helpers shared by the update files

    mutating func note(_ text: String, role: Role = .normal, traceMark: Int? = nil, step: Int? = nil,
                       origin: CommandOrigin? = nil) {
        notes.append(AppNote(text, role: role, traceMark: traceMark ?? world.trace.total, step: step ?? timeline.cursor,
                             origin: origin))
        if notes.count > Self.notesMax { notes.removeFirst(notes.count - Self.notesMax) }
    }

    /// The notes made up to the cursor: after a jump back the later ones are not shown.
    public var visibleNotes: [AppNote] {
        guard timeline.isBack else { return notes }
        return notes.filter { $0.step <= timeline.cursor }
    }

    /// The last `say` caption up to the cursor.
    public var caption: String? {
        captions.last { $0.step <= timeline.cursor }?.text
    }

    /// What `v` does next, for the footers: back to every panel while a script's `focus`
    /// holds the screen (the store view under `focus store` offered "space-time view" and
    /// `v` showed the ring), else the next view.
    var viewKeyHint: String {
        focus != .all ? "all panels" : "\(mainView.next.name) view"
    }

    /// True when a script's `highlight` marked `node`.
    public func isHighlighted(_ node: NodeIndexValue) -> Bool { highlighted.contains(node) }

    mutating func fail(_ text: String) {
        status = StatusMessage(text, isError: true)
        note(text, role: .error)
    }

    /// Keeps the selection on an existing node; picks the first by id when there is none.
    mutating func fixSelection() {
        if let selection, Int(selection) < world.state.count { return }
        selection = digest.nodesByID.first
    }

    /// A speed within `speedRange` (NaN and infinities become the default).
    static func clampSpeed(_ value: Double) -> Double {
        guard value.isFinite else { return defaultSpeed }
        return min(speedRange.upperBound, max(speedRange.lowerBound, value))
    }
}
