/// Keys: the prompt gets them first, then a waiting script, then help, then the key map.
extension AppModel {
    mutating func handle(_ key: Key, size: Size) -> [AppEffect] {
        if case .resize = key { return [] }
        if status?.answersKey == true { status = nil }
        // The too-small screen hides every panel and prompt, so a key would act blindly
        // (`x` crashing a node nobody sees, `l` opening a hidden prompt): only quitting works.
        if ScreenLayout(size: size).isTooSmall {
            return keyMap.action(for: key) == .quit ? [.quit] : []
        }
        if prompt != nil { return edit(key, size: size) }
        if case let .mouse(event) = key { return click(event, size: size) }
        if let overlay, let action = keyMap.action(for: key, in: overlay.keyContext) {
            return perform(action, size: size)
        }
        // The help's scroll keys scroll it, at a pause too (↓ went on with the script).
        if isHelpVisible, scrollHelp(key, size: size) { return [] }
        if isWaitingAtPause {
            // "pause" waits for n; any other bound key does its job and the script stays.
            // A command the user gave at the pause is stepped by n and N like any other.
            let action = keyMap.action(for: key)
            if let action, !Self.goOnActions.contains(action) || (isUserWorkUnderWay && action != .playPause) {
                return perform(action, size: size)
            }
            if action == nil, keyMap.isBoundAnywhere(key) {
                // End, Home: keys with a job elsewhere; a teacher's stray End went on.
                status = StatusMessage("\(key.label()) does nothing here; the script is paused: n goes on", answersKey: true)
                return []
            }
            isWaitingAtPause = false
            status = nil
            // Space goes on playing (at a pause play mode waits, whether it was on or not).
            if action == .playPause, !isPlaying { _ = perform(.playPause, size: size) }
            return [.engine(.resume)]
        }
        guard let action = keyMap.action(for: key) else {
            status = StatusMessage("\(key.label()) is not bound to anything; ? shows the keys", answersKey: true)
            return []
        }
        return perform(action, size: size)
    }

    /// Keys that answer a script's `pause` (as does a key bound to nothing). Every other
    /// key does what it always does and the script stays: taken as "go on", `:` left the
    /// rest of a typed command to run as single keys (`s` of `select` stabilized), `?`
    /// went on without the help, and `l` went on without a prompt.
    static let goOnActions: Set<Action> = [.step, .finish, .playPause]

    /// One action of the key map.
    mutating func perform(_ action: Action, size: Size = .zero) -> [AppEffect] {
        if let effects = performTimeTravel(action) { return effects }
        if let effects = performMessageList(action, size: size) { return effects }
        if let effects = performScenarioMenu(action, size: size) { return effects }
        if let effects = performEventsLog(action, size: size) { return effects }
        if action != .help, action != .escape { isHelpVisible = false }
        if let question = keyMap.binding(for: action)?.prompt {
            return open(action, question: question)
        }
        switch action {
        case .stabilize:
            return command("stabilize")
        case .fixFingers:
            return withSelection { "fix-fingers \($0)" }
        case .fail:
            return withSelection { "fail \($0)" }
        case .leave:
            return withSelection { "leave \($0)" }
        case .commit:
            return command("commit")
        case .playPause:
            isPlaying.toggle()
            lastTick = now
            stepBudget = 0
            maintenanceDue = nil
            status = StatusMessage(isPlaying ? "Space pauses, + and - change the speed" : "paused: n steps, Space plays")
            return []
        case .step:
            return [.engine(.step(1))]
        case .finish:
            status = StatusMessage("finishing the command under way", endsWithReport: true)
            return [.engine(.finish)]
        case .faster, .slower:
            speed = Self.clampSpeed(action == .faster ? speed * 2 : speed / 2)
            status = StatusMessage("speed: \(StatusLine.format(speed: speed)) messages a second")
            return []
        case .nextNode, .previousNode:
            moveSelection(by: action == .nextNode ? 1 : -1)
            return []
        case .zoomIn:
            zoom = min(Self.zoomMax, min(world.space.bits, zoom + 1))
            return []
        case .zoomOut:
            zoom = max(0, zoom - 1)
            return []
        case .cycleView:
            // `v` takes the screen back from a script's `focus`.
            if focus != .all { focus = .all } else { mainView = mainView.next }
            status = StatusMessage(mainView.caption)
            return []
        case .projector:
            isProjector.toggle()
            status = StatusMessage(isProjector ? "projector mode: b goes back to the usual panels" : "the usual panels")
            return []
        case .help:
            isHelpVisible.toggle()
            helpScroll = 0
            return []
        case .escape:
            if isHelpVisible {
                isHelpVisible = false
            } else if lookupFocus != nil {
                lookupFocus = nil
            }
            status = nil
            return []
        case .quit:
            return [.quit]
        case .heal:
            return command("heal")
        case .join, .lookup, .write, .antiEntropy, .commandLine, .recover, .partition,
             .storePut, .storeGet, .storeSettings, .storeKey:
            return []  // prompted above
        case .undo, .redo, .timeline, .timelineBack, .timelineForward, .timelineStart, .timelineEnd,
             .timelineClose, .messages, .messageUp, .messageDown, .deliverMessage, .dropMessage, .closeMessages,
             .scenarios, .scenarioUp, .scenarioDown, .playScenario, .closeScenarios,
             .eventsPageUp, .eventsPageDown, .searchEvents, .nextMatch, .closeSearch, .filterMaintenance:
            return []  // handled above
        }
    }

    // MARK: Prompts

    private mutating func open(_ action: Action, question: String) -> [AppEffect] {
        var editor = editors[action] ?? LineEditor()
        if action == .commandLine {
            editor.prompt = ":"
            prompt = Prompt(action: action, editor: editor, node: nil)
            return []
        }
        if action == .searchEvents {
            editor.prompt = "/"
            prompt = Prompt(action: action, editor: editor, node: nil)
            return []
        }
        if action == .partition || action == .storeSettings || action == .storeKey {
            let head = action == .partition ? "partition" : (keyMap.binding(for: action)?.label ?? action.rawValue)
            editor.prompt = "\(head) \u{00B7} \(question): "
            prompt = Prompt(action: action, editor: editor, node: nil)
            return []
        }
        guard let node = selection, Int(node) < world.state.count else {
            fail("there is no node yet: add one with  :add ID")
            return []
        }
        if action == .recover, world.state.isAlive(node) {
            // Name the nodes that are down, so the user knows what to select (user test).
            let down = world.state.allNodesByID().filter { !world.state.isAlive($0) }.prefix(6).map { world.displayName($0) }
            let hint = down.isEmpty ? "none is down (x fails one)" : "select a failed one with Tab: \(down.joined(separator: ", ")) down"
            fail("\(world.displayName(node)) is not down: r recovers a failed node; \(hint)")
            return []
        }
        // The command would only fail after the user typed its argument: say so now.
        if action != .recover, !world.state.isAlive(node) {
            fail("\(world.displayName(node)) is down: r recovers it, Tab selects another node")
            return []
        }
        // Enter alone rejoins through the next live node clockwise, as `j` joins a random id:
        // the user need not look the ring up, and the prompt says which node it is.
        let defaultAnswer = action == .recover ? nextLiveNode(after: node).map(world.commandReference) : nil
        let question = defaultAnswer.map { "\(question) (Enter = \($0))" } ?? question
        let label = keyMap.binding(for: action)?.label ?? action.rawValue
        let place = action == .join ? "via" : (action == .lookup || action == .storePut || action == .storeGet ? "from" : (action == .recover ? "" : "at"))
        let head = place.isEmpty ? label : "\(label) \(place)"
        editor.prompt = "\(head) \(world.displayName(node)) \u{00B7} \(question): "
        prompt = Prompt(action: action, editor: editor, node: node, defaultAnswer: defaultAnswer)
        return []
    }

    /// The first live node clockwise from `node`'s id, other than `node`, if any.
    private func nextLiveNode(after node: NodeIndexValue) -> NodeIndexValue? {
        let ring = world.state.liveRing
        let start = ring.lowerBound(world.state.id(node))
        return (0..<ring.count).lazy.map { ring.nodes[(start + $0) % ring.count] }.first { $0 != node }
    }

    private mutating func edit(_ key: Key, size: Size) -> [AppEffect] {
        guard var open = prompt else { return [] }
        let outcome = open.editor.handle(key)
        switch outcome {
        case .editing:
            prompt = open
            return []
        case .cancelled:
            editors[open.action] = open.editor
            prompt = nil
            status = StatusMessage("cancelled", answersKey: true)
            return []
        case let .submitted(text):
            editors[open.action] = open.editor
            prompt = nil
            return submit(open, text: text.trimmingBlanks(), size: size)
        }
    }

    /// Turns a prompt's answer into a script command.
    private mutating func submit(_ prompt: Prompt, text: String, size: Size) -> [AppEffect] {
        let node = prompt.node.map { world.commandReference($0) } ?? ""
        switch prompt.action {
        case .join:
            return [.engine(.join(spec: text.isEmpty ? nil : text, via: node))]
        case .lookup:
            guard !text.isEmpty else { return refuse("a lookup needs a key, e.g. 15 or a word to hash") }
            return command("lookup \(text) from \(node)")
        case .write:
            guard !text.isEmpty else { return refuse("a write is put KEY VALUE, delete KEY or book SLOT[,SLOT] for WHO") }
            return command("write \(node) \(text)")
        case .antiEntropy:
            guard !text.isEmpty else { return refuse("anti-entropy needs a partner replica") }
            return command("sync \(node) \(text)")
        case .recover:
            guard let via = text.isEmpty ? prompt.defaultAnswer : text else {
                return refuse("recovery needs a live node to rejoin through, and none is up")
            }
            return command("recover \(node) via \(via)")
        case .partition:
            guard !text.isEmpty else { return refuse("a partition needs groups of nodes, e.g. 10,32 | 60,90") }
            return command("partition \(text)")
        case .storePut, .storeGet, .storeSettings, .storeKey:
            return submitStore(prompt.action, text: text, node: node)
        case .searchEvents:
            guard !text.isEmpty else { return [] }
            startSearch(text, size: size)
            return []
        case .commandLine:
            guard !text.isEmpty else { return [] }
            return [.engine(.command(text, origin: .commandLine))]
        default:
            return []
        }
    }

    mutating func refuse(_ text: String) -> [AppEffect] {
        fail(text)
        return []
    }

    func command(_ line: String) -> [AppEffect] {
        [.engine(.command(line, origin: .key))]
    }

    private mutating func withSelection(_ line: (String) -> String) -> [AppEffect] {
        guard let node = selection, Int(node) < world.state.count else {
            return refuse("there is no node yet: add one with  :add ID")
        }
        return command(line(world.commandReference(node)))
    }

    // MARK: Selection

    /// Scrolls the Bayou panel by rows of replicas (the wheel over it); Tab follows the
    /// selection again.
    mutating func scrollBayou(by rows: Int, in panel: Rect) {
        let layout = BayouLayout(model: self, glyphs: .unicode, area: panel.inset(by: 1))
        bayouScroll = max(0, min(layout.firstBlock + rows * layout.columns, layout.blocks.count - 1))
    }

    /// Selects `node`; the Bayou panel follows it again.
    mutating func select(_ node: NodeIndexValue) {
        selection = node
        bayouScroll = nil
        bayouFocus = []
    }

    mutating func moveSelection(by offset: Int) {
        let nodes = digest.nodesByID
        guard !nodes.isEmpty else { return }
        let current = selection.flatMap { nodes.firstIndex(of: $0) } ?? (offset > 0 ? nodes.count - 1 : 0)
        let next = ((current + offset) % nodes.count + nodes.count) % nodes.count
        select(nodes[next])
    }

    private mutating func click(_ event: MouseEvent, size: Size) -> [AppEffect] {
        let layout = AppView.layout(self, size: size)
        if event.button == .scrollUp || event.button == .scrollDown {
            if mainView == .ring, !layout.isTooSmall, layout.bayou.contains(x: event.x, y: event.y) {
                scrollBayou(by: event.button == .scrollDown ? 1 : -1, in: layout.bayou)
            }
            return []
        }
        guard event.button == .left else { return [] }
        guard mainView == .ring, !layout.isTooSmall, layout.ring.contains(x: event.x, y: event.y) else { return [] }
        let scene = RingScene(model: self, area: RingPanel.canvasArea(in: layout.ring), glyphs: .unicode)
        if let node = scene.node(atX: event.x, y: event.y) {
            select(node)
        }
        return []
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
