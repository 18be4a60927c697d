import RingsideSimulation

/// Taking in the engine's reports: the new snapshot and what happened on the way.
extension AppModel {
    mutating func apply(_ report: EngineReport) {
        requestsOutstanding = max(0, requestsOutstanding - 1)
        if status?.endsWithReport == true, requestsOutstanding == 0 { status = nil }
        let lookupsBefore = world.chord.lookups.count
        world = report.world
        digest = WorldDigest(world)
        recentEvents = report.recentEvents
        let stepsBefore = timeline.steps
        timeline = report.timeline
        if let branch = report.timeline.branchedAt { forgetAfter(step: branch) }
        convergence.record(world, step: timeline.cursor, traveled: timeline.traveled, branchedAt: timeline.branchedAt)
        convergence.note(report.agreementChanges)
        fixSelection()
        if report.timeline.traveled {
            // What the panels show is derived from the world at the cursor, as a fresh
            // engine stopped at this step would show it.
            if let chosen = selections.last(where: { $0.step <= timeline.cursor }), Int(chosen.node) < world.state.count {
                select(chosen.node)
            }
            lookupFocus = world.chord.lookups.isEmpty ? nil : world.chord.lookups.count - 1
        } else if world.chord.lookups.count > lookupsBefore {
            lookupFocus = world.chord.lookups.count - 1
        } else if let focus = lookupFocus, focus >= world.chord.lookups.count {
            lookupFocus = nil
        }
        isWaitingAtPause = report.isWaitingAtPause
        isUserWorkUnderWay = report.isUserWorkUnderWay
        isHeldAtCaption = report.isHeldAtCaption
        scriptRemaining = report.scriptRemaining
        queued = report.queued
        for notice in report.notices {
            record(notice)
        }
        if status?.lastsWhileBusy == true, world.isIdle, queued.isEmpty { status = nil }
        if let branch = report.timeline.branchedAt, stepsBefore > branch { noteBranch(at: branch, forgetting: stepsBefore) }
        if overlay == .messages { messageList.refresh(from: world) }
        if report.timeline.traveled {
            flashUntil = [:]
            bayouSeen = [:]
            noticeReorderings()
            status = StatusMessage(positionText(), answersKey: true, isWarning: timeline.isBack)
        } else {
            noticeReorderings()
        }
    }

    /// What the step at the cursor was and what can be done there (the status line's
    /// fixed part says `time: step 12 of 40`): "› lookup 15 from 90 · U redo, …".
    func positionText() -> String {
        var parts: [String] = []
        if let label = timeline.label { parts.append("\u{203A} " + label) }
        // Acting here forgets the later steps: the hint says which, before it happens. It
        // goes first, so a long step label is what a narrow status line cuts.
        let later = timeline.cursor + 1 == timeline.steps ? "step \(timeline.steps)" : "steps \(timeline.cursor + 1)\u{2013}\(timeline.steps)"
        if timeline.isBack {
            parts.insert("U redo, acting here forgets \(later)", at: 0)
        } else {
            parts.append("the newest step (\(timeline.steps))")
        }
        return parts.joined(separator: " \u{00B7} ")
    }

    /// Acting with the cursor back forgot the old branch's later steps: say so, where the
    /// status line still offered `U redo` for steps no longer there.
    private mutating func noteBranch(at step: Int, forgetting oldSteps: Int) {
        let forgotten = step + 1 == oldSteps ? "step \(oldSteps) is" : "steps \(step + 1)\u{2013}\(oldSteps) are"
        let text = "a new branch from step \(step): the old branch's \(forgotten) forgotten"
        note(text, role: .dim)
        status = StatusMessage(text)
    }

    /// A new branch began at `step`: the notes and captions of the old one after it go.
    private mutating func forgetAfter(step: Int) {
        notes.removeAll { $0.step > step }
        captions.removeAll { $0.step > step }
        selections.removeAll { $0.step > step }
    }

    private mutating func record(_ notice: EngineNotice) {
        let mark = notice.traceMark
        switch notice.event {
        case let .began(line, origin):
            let role: Role = origin == .maintenance ? .dim : .key
            note("\u{203A} " + line + hashedNamesGloss(line), role: role, traceMark: mark, step: notice.step,
                 origin: origin)
            let byUser = origin.isUser
            // A command that began is news the user's last error is not.
            if byUser, status?.isError == true { status = nil }
            if byUser, !isPlaying, !world.isIdle, isWaitingAtPause, !isUserWorkUnderWay {
                // An `async` command or `step` typed at a pause leaves nothing of the user's
                // to step: n goes on with the script (it said "n delivers the next message").
                status = StatusMessage("\(line): the script is paused: n goes on, Space plays", lastsWhileBusy: true)
            } else if byUser, !isPlaying, !world.isIdle {
                // After `drop` of the last message only a timer is left: n fires it. (A
                // command just begun has sent nothing yet: n sends its first message.)
                let actsOnMessages = line.hasPrefix("drop ") || line.hasPrefix("deliver ")
                let next = actsOnMessages && world.inFlightCount == 0
                    ? "nothing in flight: n waits for the next timeout" : "n delivers the next message"
                status = StatusMessage("\(line): \(next), Space plays", lastsWhileBusy: true)
            }
        case let .caption(text, continues):
            // A sentence split over two `say`s reads whole: the second half alone was left
            // on the caption line at the pause that followed.
            let shown = continues ? (captions.last.map { $0.text + " " } ?? "") + text : text
            captions.append((notice.step, shown))
            if captions.count > Self.captionsMax { captions.removeFirst(captions.count - Self.captionsMax) }
        case let .report(text):
            note(text, role: .key, traceMark: mark, step: notice.step)
        case .paused:
            status = nil
        case let .selected(node):
            if Int(node) < world.state.count { select(node) }
            selections.append((notice.step, node))
            if selections.count > Self.captionsMax { selections.removeFirst(selections.count - Self.captionsMax) }
        case let .focused(target):
            focus = target
            if target == .all { mainView = .ring }
        case let .highlighted(nodes):
            highlighted = nodes.filter { Int($0) < world.state.count }
        case let .queued(line, origin):
            note("\u{2026} " + line + "  (queued: begins when the work under way finishes)", role: .dim,
                 traceMark: mark, step: notice.step)
            notes[notes.count - 1].isMaintenance = origin == .maintenance
            // Play mode's own rounds are no news for the status line (a command the user
            // gives makes them give way, and the line then spoke of a round dropped).
            if origin != .maintenance {
                status = StatusMessage("\(line): queued behind the work under way; n or Space runs it, N finishes all",
                                       lastsWhileBusy: true)
            }
        case .dump:
            // The state JSON is for `ringside run`; on screen the panels show the state. Said,
            // since a scenario's "the state, for a closer look:" was followed by nothing.
            note("dump: the panels show this state (ringside run prints it as JSON); v and Tab look closer",
                 role: .dim, traceMark: mark, step: notice.step)
        case let .error(text):
            let shown = Self.pointingAtHelp(text)
            status = StatusMessage(shown, isError: true)
            note(shown, role: .error, traceMark: mark, step: notice.step)
        case .idle:
            status = StatusMessage("nothing in flight: l looks a key up, s stabilizes, j joins, : runs any command")
        case .scriptFinished:
            note("end of the script", role: .dim, traceMark: mark, step: notice.step)
            // Playing on would bury the result under maintenance traffic: stop here.
            if isPlaying {
                isPlaying = false
                status = StatusMessage("end of the script: Space plays on (stabilize rounds), ? shows the keys")
            }
        }
    }

    /// An unknown command's error ends in the list of every command, some 80 words the
    /// status line and the events log cut short: `?` lists them, so the error says so.
    static func pointingAtHelp(_ text: String) -> String {
        guard let range = text.firstRange(of: "; commands are ") else { return text }
        return text[..<range.lowerBound] + "; ? lists every command"
    }

    /// "  (carol → 131, alice → 232)" after an echoed command that hashed names (the trace
    /// then speaks of 131 and 232); the keys' names are kept for the panels' titles.
    private mutating func hashedNamesGloss(_ line: String) -> String {
        guard let statement = try? Parser.parse(line: Substring(line), number: 1) else { return "" }
        let names = world.hashedNames(in: statement.command)
        for name in names where name.isKey { keyNames[name.id] = name.name }
        guard let text = world.hashedNamesText(names) else { return "" }
        return "  (" + text + ")"
    }

    /// Starts a flash for each replica (of those the panel may show) whose log was just
    /// rolled back and redone; the panel then follows the replicas that changed.
    mutating func noticeReorderings() {
        var seen: [NodeIndexValue: BayouReplicaView] = [:]
        var changed: [NodeIndexValue] = []
        for node in BayouPanel.candidates(in: self) {
            let view = world.bayouView(of: node)
            if let old = bayouSeen[node], Self.wasReordered(from: old, to: view) {
                flashUntil[node] = now + Self.flashMillis
            }
            // A replica seen for the first time changed only if others were seen before
            // (not on the first report, nor right after time travel).
            if bayouSeen[node].map({ $0 != view }) ?? (!bayouSeen.isEmpty && !view.log.isEmpty) { changed.append(node) }
            seen[node] = view
        }
        if !changed.isEmpty {
            bayouFocus = Self.newestFirst(changed, in: world)
            bayouScroll = nil
        }
        bayouSeen = seen
        flashUntil = flashUntil.filter { $0.value > now }
    }

    /// `nodes` with the one the newest Bayou trace event is about first (a report can
    /// cover a whole sync and commit; the panel keeps the last actor in view).
    static func newestFirst(_ nodes: [NodeIndexValue], in world: World) -> [NodeIndexValue] {
        guard nodes.count > 1 else { return nodes }
        let newest = world.trace.last(256).reversed().first { event in
            event.kind == .bayou && event.node.map(nodes.contains) == true
        }?.node
        guard let newest else { return nodes }
        return [newest] + nodes.filter { $0 != newest }
    }

    /// True when a replica's newest view shows a rollback the previous one did not: the
    /// redone writes or the counts changed. (The flags last until the next reordering,
    /// so a mere new write must not flash them again.)
    static func wasReordered(from old: BayouReplicaView, to new: BayouReplicaView) -> Bool {
        // A write is known by its timestamp and origin: its notation changes when it commits.
        func redone(_ view: BayouReplicaView) -> [String] {
            view.log.filter(\.redone).map { "\($0.timestamp):\($0.origin)" }
        }
        let now = redone(new)
        guard !now.isEmpty else { return false }
        return now != redone(old) || new.redoneCount != old.redoneCount || new.undone != old.undone
    }
}
