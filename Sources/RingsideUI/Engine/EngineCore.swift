import RingsideSimulation

/// The authoritative world and the script being played: serves one request at a time.
///
/// Pure and synchronous; `EngineHost` runs it on its own thread, `SynchronousEngine`
/// inline for tests. Commands are *begun*, never run to completion here: their
/// messages are delivered by `step` requests, one at a time if the user wants.
///
/// The world lives in a `Timeline`: every command begun and every event is a step, and
/// `travel` moves the cursor to any earlier step (and forward again). Acting while the
/// cursor is back starts a new branch there; the script position and the transcript
/// follow the cursor.
public struct EngineCore: Sendable {
    public private(set) var timeline: Timeline
    /// The world at the cursor.
    public var world: World { timeline.world }
    public let script: ScenarioScript?
    /// Index of the next script statement to begin.
    public private(set) var nextStatement = 0
    public private(set) var isWaitingAtPause = false
    /// Where the command now running came from, to format its errors.
    private var runningOrigin: CommandOrigin = .script
    /// Where the last command that may leave work under way came from: a crash (`x`), a
    /// partition or a selection given meanwhile acts at once and leaves play mode's
    /// maintenance round the work under way (`makeWayForUser`).
    private var workOrigin: CommandOrigin = .script
    /// Every command begun on the current branch, including those after the cursor.
    private var transcriptLines: [String] = []
    /// The engine state after the steps that changed it, ascending by step.
    private var marks: [EngineMark]
    /// Set while serving a request that acted with the cursor back.
    private var branchedAt: Int?
    /// The branch's newest structured events by step, for the space-time diagram.
    public private(set) var recentEvents = RecentEvents()
    /// User commands waiting for the work under way, oldest first (see `QueuedCommand`).
    private var queued: [QueuedCommand] = []
    /// A `wait` (the script's or typed) is under way: `World.begin` only opened it, its
    /// messages are stepped like a command's, and the script goes on once the world is
    /// idle. Run at once, a round of 32 anti-entropy sessions was one step.
    private var waitsForIdle = false
    /// The script stopped before its next caption, after a press showed one and ran what it
    /// describes (see `advanceScript`): each press shows one caption with its actions. Run
    /// in one go, explore-at-most-one-ring's `deliver m1`, `deliver m2` and `fail 16` and
    /// their captions went by unseen.
    public private(set) var isHeldAtCaption = false
    /// This request has shown a caption, and run an action since: the script stops before
    /// its next caption. Kept across the request's advances (N's, then the one after it),
    /// so a finish that ran on past a caption could not show the next one unstopped.
    private var pressSaid = false
    private var pressActed = false
    /// The live replicas' databases, followed step by step (see `ReplicaAgreement`).
    private var agreement: ReplicaAgreement
    /// Steps of this request at which the replicas became identical or stopped being so.
    private var agreementChanges: [AgreementChange] = []

    /// The command lines waiting for their turn, oldest first.
    public var queuedLines: [String] { queued.map(\.line) }

    /// Every command begun up to the cursor, in order: the session as a script.
    public var transcript: [String] { Array(transcriptLines.prefix(currentMark.transcriptCount)) }

    /// The current branch up to the cursor as a script that reproduces it headless (its
    /// seed, the scenario's statements that ran, every key and typed command, the
    /// messages stepped): see `SessionRecording`.
    public func recording(title: String) -> SessionRecording {
        timeline.recording(seed: seed, title: title)
    }

    /// The seed the session's world was made with.
    private let seed: UInt64

    /// The most steps one request may take, so the engine answers within milliseconds
    /// even at high speed on a large ring.
    public static let stepBatchMax = 4_096

    /// `world` before the script's first statement; nil script: commands come only from keys.
    public init(world: World = World(), script: ScenarioScript? = nil) {
        // The space-time diagram draws the event log; the timeline drops what replays
        // record, so each event is taken once, right after the step that made it.
        seed = world.seed
        var recording = world
        recording.recordsEvents = true
        timeline = Timeline(world: recording)
        agreement = ReplicaAgreement(recording)
        self.script = script
        marks = [EngineMark(step: 0, nextStatement: 0, isWaitingAtPause: false, transcriptCount: 0,
                            runningOrigin: .script, label: nil)]
    }

    /// Statements of the script not begun yet.
    public var scriptRemaining: Int { max(0, (script?.lines.count ?? 0) - nextStatement) }

    /// A command the user typed or keyed is under way (or waits its turn): at a script's
    /// `pause`, `n` and `N` step it and the script stays; a teacher who typed a lookup
    /// at a pause pressed `n` to see its first hop and the script went on instead.
    public var isUserWorkUnderWay: Bool {
        (workOrigin.isUser && (world.hasCommandUnderWay || waitsForIdle)) || queued.contains { $0.origin.isUser }
    }

    /// The work `N` completes is done: no command it must wait for is under way, none is
    /// queued and no `wait` is open. Messages of earlier `async` commands may remain in
    /// flight: like `ringside run`, finishing a command delivers them only as they come
    /// due before it ends.
    private var isCommandFinished: Bool {
        !world.hasCommandUnderWay && queued.isEmpty && !waitsForIdle
    }

    /// Serves one request and reports the new state.
    public mutating func serve(_ request: EngineRequest) -> EngineReport {
        var notices: [EngineNotice] = []
        var steps = 0
        branchedAt = nil
        agreementChanges = []
        (pressSaid, pressActed) = (false, false)
        switch request {
        case .start:
            break
        case .resume:
            isWaitingAtPause = false
            // Going back to the pause waits there again; the steps after it do not.
            let index = marks.index(inForceAt: timeline.cursor)
            if marks[index].step == timeline.cursor { marks[index].resumed = true } else { setMark() }
        case let .command(line, origin):
            enqueue(line, origin: origin, notices: &notices)
        case let .join(spec, via):
            // The id is drawn on a copy: only the recorded command may change the world,
            // so that replaying the timeline gives the same worlds.
            var probe = world
            if let text = spec ?? probe.randomFreeIdentifier()?.description {
                enqueue("join \(text) via \(via)", origin: .key, notices: &notices)
            } else {
                notify(.error("no free identifier is left for a new node"), into: &notices)
            }
        case let .step(count):
            steps = step(max(1, min(count, Self.stepBatchMax)), notices: &notices)
        case .finish:
            steps = finish(notices: &notices)
        case let .load(name, bytes):
            do {
                let script = try ScenarioScript(name: name, bytes: bytes)
                self = EngineCore(world: World(), script: script)
            } catch {
                notify(.error(error.formatted(file: name)), into: &notices)
            }
        case let .travel(move):
            travel(move)
            return report(notices: notices, steps: 0, traveled: true)
        }
        beginQueued(notices: &notices)
        endWaitIfIdle(notices: &notices)
        advanceScript(notices: &notices)
        return report(notices: notices, steps: steps, traveled: false)
    }

    private func report(notices: [EngineNotice], steps: Int, traveled: Bool) -> EngineReport {
        let mark = currentMark
        let position = TimelinePosition(cursor: timeline.cursor, steps: timeline.stepCount,
                                        label: mark.step == timeline.cursor ? mark.label : nil,
                                        traveled: traveled, branchedAt: branchedAt)
        var report = EngineReport(world: world, notices: notices, isWaitingAtPause: isWaitingAtPause,
                                  scriptRemaining: scriptRemaining, stepsTaken: steps, queued: queuedLines, timeline: position,
                                  recentEvents: recentEvents.window(upTo: timeline.cursor, limit: EventWindow.limit))
        report.isUserWorkUnderWay = isUserWorkUnderWay
        report.isHeldAtCaption = isHeldAtCaption
        report.agreementChanges = agreementChanges
        return report
    }

    // MARK: Time travel

    private var currentMark: EngineMark { marks[marks.index(inForceAt: timeline.cursor)] }

    /// Moves the cursor and restores the engine state of that step; runs nothing.
    private mutating func travel(_ move: TimeMove) {
        switch move {
        case .back: timeline.stepBack()
        case .forward: timeline.goTo(step: timeline.cursor + 1)
        case let .to(step): timeline.goTo(step: step)
        }
        let mark = currentMark
        nextStatement = mark.nextStatement
        isWaitingAtPause = mark.isWaiting(at: timeline.cursor)
        runningOrigin = mark.runningOrigin
        workOrigin = mark.workOrigin
        queued = mark.queued
        waitsForIdle = mark.waitsForIdle
        isHeldAtCaption = false
        agreement.recount(world)
    }

    /// Before a step: with the cursor back, the steps after it are forgotten.
    private mutating func prepareToAct() {
        let cursor = timeline.cursor
        guard cursor < timeline.stepCount else { return }
        marks.removeAll { $0.step > cursor }
        recentEvents.forget(after: cursor)
        transcriptLines.removeSubrange(currentMark.transcriptCount...)
        branchedAt = min(branchedAt ?? cursor, cursor)
    }

    /// Records the engine state at the cursor (after a step that changed it).
    private mutating func setMark(label: String? = nil) {
        let cursor = timeline.cursor
        let mark = EngineMark(step: cursor, nextStatement: nextStatement, isWaitingAtPause: isWaitingAtPause,
                              transcriptCount: transcriptLines.count, runningOrigin: runningOrigin,
                              workOrigin: workOrigin, label: label, queued: queued, waitsForIdle: waitsForIdle)
        let index = marks.index(inForceAt: cursor)
        if marks[index].step == cursor { marks[index] = mark } else { marks.insert(mark, at: index + 1) }
    }

    private mutating func timelineStep() throws(ScriptError) -> Bool {
        prepareToAct()
        defer { takeEvents() }
        return try timeline.step()
    }

    private mutating func timelineBegin(_ statement: Statement) throws(ScriptError) -> [ScriptOutput] {
        prepareToAct()
        do {
            let outputs = try timeline.begin(statement)
            takeEvents()
            return outputs
        } catch {
            takeEvents(rejected: true)
            throw error
        }
    }

    /// After each step: its events go to the space-time diagram's window and to the
    /// replicas' agreement, which notes the step at which they became identical. A
    /// rejected command began nothing, so its command event is left out: the diagram gave
    /// it the rule of the command under way (`› fail 999` over a lookup's hops).
    private mutating func takeEvents(rejected: Bool = false) {
        var events = timeline.takeEvents()
        if rejected { events.removeAll { $0.kind == .command } }
        recentEvents.append(events, step: timeline.cursor)
        let wasIdentical = agreement.isIdentical
        agreement.follow(world, events: events)
        if agreement.isIdentical != wasIdentical {
            agreementChanges.append(AgreementChange(step: timeline.cursor, time: world.time, isIdentical: !wasIdentical))
        }
    }

    private func notify(_ event: EngineEvent, traceMark: Int? = nil, into notices: inout [EngineNotice]) {
        notices.append(EngineNotice(event, traceMark: traceMark ?? world.trace.total, step: timeline.cursor))
    }

    // MARK: Commands

    /// Parses a user command and begins it, or queues it behind the work under way.
    private mutating func enqueue(_ line: String, origin: CommandOrigin, notices: inout [EngineNotice]) {
        let statement: Statement
        do {
            guard let parsed = try Parser.parse(line: Substring(line), number: 1) else { return }
            statement = parsed
        } catch {
            notify(.error("\(line): error: \(error.message)"), into: &notices)
            return
        }
        let command = QueuedCommand(line: line, statement: statement, origin: origin)
        if command.runsAtOnce || (queued.isEmpty && !world.hasCommandUnderWay) {
            begin(command, notices: &notices)
            return
        }
        if origin.isUser, makeWayForUser(notices: &notices) {
            begin(command, notices: &notices)
            return
        }
        if let error = QueuedCommand.rejection(of: statement, after: queued, in: world) {
            notify(.error("\(line): error: \(error.message)"), into: &notices)
            return
        }
        // Queuing is acting: with the cursor back it starts a new branch there.
        prepareToAct()
        queued.append(command)
        setMark()
        notify(.queued(line, origin: origin), into: &notices)
    }

    /// Play mode's maintenance gives way to a command the user gives: the round's commands
    /// not begun yet are dropped (the next idle moment brings a new round) and the one
    /// under way is finished at once, as N finishes it, so the user's command begins now and
    /// `n` steps its first message. Queued behind the whole round, a lookup typed after
    /// pausing play waited some 100 presses of `n`. Returns false (and changes nothing) when
    /// other work is under way or queued: that keeps its turn.
    private mutating func makeWayForUser(notices: inout [EngineNotice]) -> Bool {
        guard workOrigin == .maintenance, world.hasCommandUnderWay,
              queued.allSatisfy({ $0.origin == .maintenance }) else { return false }
        prepareToAct()
        queued.removeAll()
        setMark()
        _ = finish(notices: &notices)
        return !world.hasCommandUnderWay && queued.isEmpty
    }

    /// Begins the queued commands whose turn has come (each when nothing it must wait for
    /// is under way: an instant one lets the next begin at once).
    private mutating func beginQueued(notices: inout [EngineNotice]) {
        while let next = queued.first, !world.hasCommandUnderWay {
            queued.removeFirst()
            begin(next, notices: &notices)
        }
    }

    private mutating func begin(_ command: QueuedCommand, notices: inout [EngineNotice]) {
        let (line, statement, origin) = (command.line, command.statement, command.origin)
        // Typed view control naming an unknown node is refused like any other error: it
        // was echoed as begun (`› select 999`) with a bare note after it. A script's runs
        // as headless, where it is ignored (noteSelection says why).
        if origin.isUser, let problem = world.viewCommandProblem(statement) {
            notify(.error("\(line): error: \(problem)"), into: &notices)
            return
        }
        do {
            let mark = world.trace.total
            let outputs = try timelineBegin(statement)
            runningOrigin = origin
            // A `wait` runs at once but leaves work under way, stepped like a command's.
            if !command.runsAtOnce || statement.command == .wait { workOrigin = origin }
            transcriptLines.append(line)
            notify(.began(line, origin: origin), traceMark: mark, into: &notices)
            noteSelection(statement, notices: &notices)
            record(outputs, notices: &notices)
            noteWait(statement)
            setMark(label: line)
            endWaitIfIdle(notices: &notices)
        } catch {
            setMark(label: line)
            notify(.error("\(line): error: \(error.message)"), into: &notices)
        }
    }

    private mutating func record(_ outputs: [ScriptOutput], continuesCaption: Bool = false,
                                 notices: inout [EngineNotice]) {
        for output in outputs {
            switch output {
            case let .say(text): notify(.caption(text, continues: continuesCaption), into: &notices)
            case let .report(text): notify(.report(text), into: &notices)
            case let .dump(json): notify(.dump(json), into: &notices)
            case .pause:
                isWaitingAtPause = true
                notify(.paused, into: &notices)
            }
        }
    }

    // MARK: Stepping

    /// Delivers up to `count` messages; the script moves on whenever the world goes idle.
    private mutating func step(_ count: Int, notices: inout [EngineNotice]) -> Int {
        var taken = 0
        var advanced = false
        var silent = 0
        // This press goes on past a caption the script stopped before.
        isHeldAtCaption = false
        while taken < count {
            beginQueued(notices: &notices)
            endWaitIfIdle(notices: &notices)
            // As headless: the script goes on as soon as no command it must wait for is
            // under way (an `async` command's messages may still be in flight; the
            // script's own `step`/`deliver`/`drop` then act on them), and no `wait` is.
            if !world.hasCommandUnderWay, !waitsForIdle {
                let before = nextStatement
                advanceScript(notices: &notices)
                // Beginning the script's next statements is this press's step, as after a
                // pause: delivering too ran quorum-k14's `wait` past m19 unseen.
                advanced = advanced || nextStatement != before
                if world.isIdle || isWaitingAtPause || isHeldAtCaption || nextStatement != before { break }
            }
            let wasIdle = world.isIdle
            let traceBefore = world.trace.total
            do {
                guard try timelineStep() else { break }
                // A step that says nothing (settle opening a round) is not a press of its
                // own: the screen stayed the same and the key seemed lost.
                if world.trace.total == traceBefore, silent < Self.silentStepsMax, !world.isIdle {
                    silent += 1
                    endWaitIfIdle(notices: &notices)
                    continue
                }
                taken += 1
                endWaitIfIdle(notices: &notices)
                noteScriptEnd(wasIdle: wasIdle, notices: &notices)
            } catch {
                notify(.error(describe(error)), into: &notices)
                if runningOrigin == .script { nextStatement = script?.lines.count ?? 0 }
                setMark()
                break
            }
        }
        if taken == 0, !advanced, !isWaitingAtPause, !isHeldAtCaption, !notices.contains(where: { Self.isError($0.event) }) {
            notify(.idle, into: &notices)
        }
        return taken
    }

    /// Steps without a trace line one press may run before the one it shows.
    static let silentStepsMax = 64

    /// Most messages one `finish` delivers, so a runaway command cannot hang the engine.
    static let finishStepsMax = 2_000_000

    /// Completes the command under way (and work queued behind it) at once, as `ringside
    /// run` would: `async` work's messages that come due before it ends are delivered too,
    /// later ones stay in flight for the script's own `deliver` (delivering every message,
    /// N took a scenario's `m8` and its `deliver m8` then failed). With only `async` work
    /// left, it delivers everything, as `wait` does. The script does not advance past it.
    private mutating func finish(notices: inout [EngineNotice]) -> Int {
        var taken = 0
        beginQueued(notices: &notices)
        // With no command under way the script goes on first (it stopped before a caption):
        // N then finishes the command it begins, and leaves the script's `async` messages
        // for its own `deliver`s.
        let before = nextStatement
        isHeldAtCaption = false
        if isCommandFinished, !isWaitingAtPause, scriptRemaining > 0 { advanceScript(notices: &notices) }
        let advanced = nextStatement != before
        let deliversAll = isCommandFinished && scriptRemaining == 0
        func isDone() -> Bool { deliversAll ? world.isIdle : isCommandFinished }
        while taken < Self.finishStepsMax {
            // Commands queued behind the work under way are part of it.
            beginQueued(notices: &notices)
            if isDone() { break }
            do {
                guard try timelineStep() else { break }
                taken += 1
                endWaitIfIdle(notices: &notices)
                noteScriptEnd(wasIdle: false, notices: &notices)
            } catch {
                notify(.error(describe(error)), into: &notices)
                if runningOrigin == .script { nextStatement = script?.lines.count ?? 0 }
                setMark()
                return taken
            }
        }
        if !isDone() {
            notify(.error("stopped after \(taken) messages; press N again to go on"), into: &notices)
        } else if taken == 0, !advanced {
            notify(.idle, into: &notices)
        }
        return taken
    }

    /// Begins script statements while no command they must wait for is under way: instant
    /// ones (add, store, say) and `async` ones run straight through; the first other
    /// protocol command or `pause` stops the advance.
    private mutating func advanceScript(notices: inout [EngineNotice]) {
        // Held before a caption, the script waits for the next `n` or `N` (`step`, `finish`).
        guard let script, !isWaitingAtPause, !isHeldAtCaption else { return }
        var saying = false
        while !world.hasCommandUnderWay, !waitsForIdle, nextStatement < script.lines.count, !isWaitingAtPause {
            let line = script.lines[nextStatement]
            let command = line.statement.command
            // Only a caption this press has shown, then acted on, is one to stop after:
            // actions before any caption (a scenario's setup, what follows a pause) are what
            // the next caption is about, and stopping there showed them under the old one.
            if pressSaid, pressActed, Self.captionStarts(script, at: nextStatement) {
                isHeldAtCaption = true
                return
            }
            // A `say` right after another (view commands aside) goes on the same caption.
            let continues: Bool
            if case .say = command { continues = saying } else { continues = false }
            nextStatement += 1
            do {
                let mark = world.trace.total
                let outputs = try timelineBegin(line.statement)
                runningOrigin = .script
                workOrigin = .script
                transcriptLines.append(line.text)
                if !Self.isNarration(line.statement.command) {
                    notify(.began(line.text, origin: .script), traceMark: mark, into: &notices)
                }
                noteSelection(line.statement, notices: &notices)
                record(outputs, continuesCaption: continues, notices: &notices)
                noteWait(line.statement)
                if case .say = command {
                    // Actions before this caption are what it is about, not the last one's.
                    (saying, pressSaid, pressActed) = (true, true, false)
                } else if !Self.keepsCaptionTogether(command) {
                    saying = false
                }
                if Self.acts(command) { pressActed = true }
            } catch {
                notify(.error(error.formatted(file: script.name)), into: &notices)
                nextStatement = script.lines.count
                setMark(label: line.text)
                return
            }
            setMark(label: line.text)
            endWaitIfIdle(notices: &notices)
            noteScriptEnd(wasIdle: false, notices: &notices)
        }
    }

    /// A `wait` begun waits for the world to go idle (see `waitsForIdle`).
    private mutating func noteWait(_ statement: Statement) {
        if case .wait = statement.command { waitsForIdle = true }
    }

    /// Ends the `wait` under way once nothing is left to run: one more step, which finds
    /// the world idle and closes the lookups no answer can reach any more, as headless
    /// `wait` ends.
    private mutating func endWaitIfIdle(notices: inout [EngineNotice]) {
        guard waitsForIdle, world.isIdle else { return }
        do {
            _ = try timelineStep()
        } catch {
            notify(.error(describe(error)), into: &notices)
            if runningOrigin == .script { nextStatement = script?.lines.count ?? 0 }
        }
        waitsForIdle = false
        setMark()
    }

    /// `select`, `focus` and `highlight` are view commands: the engine only passes them
    /// on to the front end.
    private func noteSelection(_ statement: Statement, notices: inout [EngineNotice]) {
        // Headless, view control naming an unknown node is ignored; here the user is told.
        if let problem = world.viewCommandProblem(statement) { notify(.error(problem), into: &notices) }
        if let node = world.nodeSelected(by: statement) { notify(.selected(node), into: &notices) }
        if let target = world.focusRequested(by: statement) { notify(.focused(target), into: &notices) }
        if let nodes = world.nodesHighlighted(by: statement) { notify(.highlighted(nodes), into: &notices) }
    }

    /// "End of the script" once its last statement has run, not when it began: a
    /// protocol command's messages are still to come then.
    private func noteScriptEnd(wasIdle: Bool, notices: inout [EngineNotice]) {
        guard let script, !wasIdle, world.isIdle, nextStatement == script.lines.count,
              runningOrigin == .script else { return }
        notify(.scriptFinished, into: &notices)
    }

    private func describe(_ error: ScriptError) -> String {
        if runningOrigin == .script, let script { return error.formatted(file: script.name) }
        return "error: \(error.message)"
    }

    /// `say` and `pause` show as a caption and a notice, not as an echoed command; a
    /// script's `dump` is for `ringside run` and shows nothing.
    private static func isNarration(_ command: Command) -> Bool {
        switch command {
        case .say, .pause, .dump: return true
        default: return false
        }
    }

    private static func isError(_ event: EngineEvent) -> Bool {
        if case .error = event { return true }
        return false
    }
}
