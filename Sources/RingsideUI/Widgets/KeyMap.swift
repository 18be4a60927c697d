/// One row of the key map: which keys trigger an action, and how to describe it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: Action
    /// A word or two for the status line's hints ("play", "step").
    public var label: String
    /// One line for the help overlay.
    public var help: String
    public var group: ActionGroup
    /// If the action needs an argument, what the prompt line asks for.
    public var prompt: String?
    /// Where the keys act: everywhere, or only while an overlay is open.
    public var context: KeyContext

    public init(_ keys: [Key], _ action: Action, label: String, help: String,
                group: ActionGroup, prompt: String? = nil, context: KeyContext = .main) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.group = group
        self.prompt = prompt
        self.context = context
    }

    /// The keys as shown to people: "Tab → ↓".
    public func keysLabel(glyphs: Glyphs = .unicode) -> String {
        keys.map { $0.label(glyphs: glyphs) }.joined(separator: " ")
    }
}

/// A key and its short label, as shown in the status line.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// The key map as data (Bubble Tea's bubbles/key): one table drives key dispatch,
/// the status-line hints and the help overlay, so they cannot disagree.
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]
    private let actionsByKey: [KeyContext: [Key: Action]]

    /// Builds the lookup table; if a key appears twice in one context the first binding
    /// wins (`duplicateKeys` reports it, and a test keeps the default map clean).
    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [KeyContext: [Key: Action]] = [:]
        for binding in bindings {
            for key in binding.keys where table[binding.context]?[key] == nil {
                table[binding.context, default: [:]][key] = binding.action
            }
        }
        self.actionsByKey = table
    }

    /// The action bound to `key` in `context`, if any (only that context's own rows:
    /// the caller falls back to `.main` for keys an overlay does not take).
    public func action(for key: Key, in context: KeyContext = .main) -> Action? {
        actionsByKey[context]?[key]
    }

    /// True when `key` does something in some context (End moves the timeline bar and
    /// scrolls the help): at a pause such a key is not taken as "go on".
    public func isBoundAnywhere(_ key: Key) -> Bool {
        actionsByKey.values.contains { $0[key] != nil }
    }

    /// The binding row for `action`, if the map has one.
    public func binding(for action: Action) -> KeyBinding? {
        bindings.first { $0.action == action }
    }

    /// Status-line hints for `actions`, in the given order, skipping unbound ones.
    /// Only the first key of each binding is shown, to keep hints short.
    public func hints(_ actions: [Action], glyphs: Glyphs = .unicode) -> [KeyHint] {
        actions.compactMap { action in
            guard let binding = binding(for: action), let key = binding.keys.first else { return nil }
            return KeyHint(key: key.label(glyphs: glyphs), label: binding.label)
        }
    }

    /// Bindings of one help section, in table order.
    public func bindings(in group: ActionGroup) -> [KeyBinding] {
        bindings.filter { $0.group == group }
    }

    /// Keys bound more than once in one context (in the same or different rows), in
    /// table order.
    public func duplicateKeys() -> [Key] {
        struct Place: Hashable { var context: KeyContext; var key: Key }
        var seen = Set<Place>()
        var duplicates: [Key] = []
        for binding in bindings {
            for key in binding.keys where !seen.insert(Place(context: binding.context, key: key)).inserted {
                if !duplicates.contains(key) { duplicates.append(key) }
            }
        }
        return duplicates
    }

    /// Actions with no key at all, in declaration order.
    public func unboundActions() -> [Action] {
        Action.allCases.filter { action in
            !bindings.contains { $0.action == action && !$0.keys.isEmpty }
        }
    }
}

extension KeyMap {
    /// Ringside's keys. Arguments are asked for on the prompt line, so every action
    /// is one key press away; the `:` line accepts any script command.
    public static let `default` = KeyMap([
        // Chord
        KeyBinding([.character("j")], .join, label: "join",
                   help: "a new node joins through the selected one",
                   group: .chord, prompt: "id or name (Enter = random)"),
        KeyBinding([.character("l")], .lookup, label: "lookup",
                   help: "look up a key, starting at the selected node",
                   group: .chord, prompt: "key"),
        KeyBinding([.character("s")], .stabilize, label: "stabilize",
                   help: "a stabilize round: every live node stabilizes, notifies", group: .chord),
        KeyBinding([.character("f")], .fixFingers, label: "fix fingers",
                   help: "fix fingers: refresh the selected node's finger table", group: .chord),
        KeyBinding([.character("x")], .fail, label: "fail",
                   help: "crash the selected node (its keys are lost)", group: .chord),
        KeyBinding([.character("L")], .leave, label: "leave",
                   help: "the selected node leaves gracefully", group: .chord),
        KeyBinding([.character("r")], .recover, label: "recover",
                   help: "a failed node restarts and rejoins through another",
                   group: .chord, prompt: "rejoin through node"),
        // Bayou
        KeyBinding([.character("w")], .write, label: "write",
                   help: "a client write at the selected replica",
                   group: .bayou, prompt: "put KEY VALUE | delete KEY | book SLOT[,SLOT] for WHO"),
        KeyBinding([.character("a")], .antiEntropy, label: "sync",
                   help: "anti-entropy between the selected replica and a partner",
                   group: .bayou, prompt: "partner"),
        KeyBinding([.character("c")], .commit, label: "commit",
                   help: "the primary commits its tentative writes", group: .bayou),
        // View
        KeyBinding([.space], .playPause, label: "play",
                   help: "play: deliver messages at the set speed; again: pause", group: .view),
        KeyBinding([.character("n"), .character(".")], .step, label: "step",
                   help: "deliver the next message (or start the next command)", group: .view),
        KeyBinding([.character("N")], .finish, label: "finish",
                   help: "finish the command under way at once, as ringside run would", group: .view),
        KeyBinding([.character("+"), .character("=")], .faster, label: "faster",
                   help: "play faster (messages a second, doubled)", group: .view),
        KeyBinding([.character("-")], .slower, label: "slower",
                   help: "play slower (halved)", group: .view),
        KeyBinding([.tab, .right, .down], .nextNode, label: "next",
                   help: "select the next node clockwise", group: .view),
        KeyBinding([.backTab, .left, .up], .previousNode, label: "prev",
                   help: "select the previous node", group: .view),
        KeyBinding([.character("z")], .zoomIn, label: "zoom in",
                   help: "zoom the ring in around the selection", group: .view),
        KeyBinding([.character("Z")], .zoomOut, label: "zoom out",
                   help: "zoom the ring out", group: .view),
        KeyBinding([.character("v")], .cycleView, label: "view",
                   help: "next view: ring, space-time diagram, convergence, store", group: .view),
        KeyBinding([.character("b")], .projector, label: "big",
                   help: "projector mode (--big): larger panels, high contrast", group: .view),
        // Time travel
        KeyBinding([.character("u")], .undo, label: "back",
                   help: "back one step (a command begun or a message delivered)", group: .time),
        KeyBinding([.character("U")], .redo, label: "redo",
                   help: "forward one step again (acting after u starts a new branch)", group: .time),
        KeyBinding([.character("t")], .timeline, label: "timeline",
                   help: "the timeline bar: jump to any step", group: .time),
        KeyBinding([.left], .timelineBack, label: "back",
                   help: "bar: one step back", group: .time, context: .timeline),
        KeyBinding([.right], .timelineForward, label: "forward",
                   help: "bar: one step forward", group: .time, context: .timeline),
        KeyBinding([.home], .timelineStart, label: "start",
                   help: "bar: to the start", group: .time, context: .timeline),
        KeyBinding([.end], .timelineEnd, label: "newest",
                   help: "bar: to the newest step", group: .time, context: .timeline),
        KeyBinding([.enter, .escape], .timelineClose, label: "close",
                   help: "bar: close it, staying at the step shown", group: .time, context: .timeline),
        // Messages and faults
        KeyBinding([.character("m")], .messages, label: "messages",
                   help: "the list of messages in flight: pick one", group: .messages),
        KeyBinding([.up], .messageUp, label: "up",
                   help: "list: the previous message", group: .messages, context: .messages),
        KeyBinding([.down], .messageDown, label: "down",
                   help: "list: the next message", group: .messages, context: .messages),
        KeyBinding([.enter], .deliverMessage, label: "deliver",
                   help: "list: deliver the selected message now (deliver mID)",
                   group: .messages, context: .messages),
        KeyBinding([.character("d")], .dropMessage, label: "drop",
                   help: "list: lose the selected message (drop mID)",
                   group: .messages, context: .messages),
        KeyBinding([.escape, .character("m")], .closeMessages, label: "close",
                   help: "list: close it", group: .messages, context: .messages),
        KeyBinding([.character("p")], .partition, label: "partition",
                   help: "partition the network into groups of nodes",
                   group: .messages, prompt: "groups, e.g. 10,32 | 60,90"),
        KeyBinding([.character("h")], .heal, label: "heal",
                   help: "heal the partition: every node reaches every other", group: .messages),
        // Key-value store
        KeyBinding([.character("P")], .storePut, label: "put",
                   help: "put KEY VALUE in the store, through the selected node",
                   group: .store, prompt: "KEY VALUE"),
        KeyBinding([.character("g")], .storeGet, label: "get",
                   help: "get KEY from the store, through the selected node",
                   group: .store, prompt: "KEY"),
        KeyBinding([.character("Q")], .storeSettings, label: "quorum",
                   help: "replication and quorum: N W R, or W R",
                   group: .store, prompt: "N W R (replication, write and read quorum) or W R"),
        KeyBinding([.character("K")], .storeKey, label: "store key",
                   help: "the key the store view shows (Enter: the last put or get's)",
                   group: .store, prompt: "KEY (Enter = the last put or get's)"),
        // Events log
        KeyBinding([.pageUp], .eventsPageUp, label: "older",
                   help: "scroll the events log back a page", group: .events),
        KeyBinding([.pageDown], .eventsPageDown, label: "newer",
                   help: "scroll the events log forward a page (to the newest)", group: .events),
        KeyBinding([.character("/")], .searchEvents, label: "search",
                   help: "search the events log for a text", group: .events, prompt: "search the events for"),
        KeyBinding([.enter, .character("N")], .nextMatch, label: "next match",
                   help: "search: the next older match (round to the newest)", group: .events, context: .search),
        KeyBinding([.escape], .closeSearch, label: "end search",
                   help: "search: end it, back to the newest events", group: .events, context: .search),
        KeyBinding([.character("F")], .filterMaintenance, label: "filter",
                   help: "hide or show play mode's periodic maintenance in the events", group: .events),
        // Guided scenarios
        KeyBinding([.character("o")], .scenarios, label: "scenarios",
                   help: "the scenario menu: Assets/scenarios with each first caption", group: .scenarios),
        KeyBinding([.up], .scenarioUp, label: "up",
                   help: "menu: the previous scenario", group: .scenarios, context: .scenarios),
        KeyBinding([.down], .scenarioDown, label: "down",
                   help: "menu: the next scenario", group: .scenarios, context: .scenarios),
        KeyBinding([.enter], .playScenario, label: "play",
                   help: "menu: play the selected scenario from its start", group: .scenarios, context: .scenarios),
        KeyBinding([.escape, .character("o")], .closeScenarios, label: "close",
                   help: "menu: close it", group: .scenarios, context: .scenarios),
        // General
        KeyBinding([.character(":")], .commandLine, label: "command",
                   help: "type a script command (e.g. lookup K from N)",
                   group: .general, prompt: ":"),
        KeyBinding([.character("?")], .help, label: "help",
                   help: "show or hide this help", group: .general),
        KeyBinding([.escape], .escape, label: "cancel",
                   help: "cancel the prompt, close help", group: .general),
        KeyBinding([.character("q"), .ctrlC], .quit, label: "quit",
                   help: "quit Ringside", group: .general),
    ])
}
