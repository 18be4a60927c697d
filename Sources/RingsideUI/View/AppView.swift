import RingsideSimulation
/// Draws a whole frame from the model (Bubble Tea's view): a pure function, so tests
/// and the benchmark render into an in-memory grid exactly what the terminal shows.
public enum AppView {
    /// Help lines that are about the app rather than one key.
    public static let helpNotes = [
        "Commands given while messages are in flight wait their turn;",
        "fail and other instant changes act at once (crash a node mid-lookup).",
        "Playing on an idle ring runs stabilize, fix-fingers, check-predecessor.",
        "Click a node to select it. At a script's pause n goes on; other keys act.",
    ]

    /// The script commands with their arguments, listed in the help (an unknown command's
    /// error points there): the parser's own table, which its usage errors quote too.
    static let helpCommands = Parser.commandForms.map(\.form)

    /// The frame for `size`: the panels, help if open, the prompt line and the status line,
    /// or the too-small notice.
    public static func render(_ model: AppModel, size: Size, glyphs: Glyphs) -> Grid {
        var grid = Grid(size: size)
        let layout = layout(model, size: size, glyphs: glyphs)
        guard !layout.isTooSmall else {
            TooSmallScreen(required: ScreenLayout.minimumSize, actual: grid.size, glyphs: glyphs)
                .render(into: &grid, area: grid.area)
            return grid
        }
        renderMain(model, layout: layout, into: &grid, glyphs: glyphs)
        EventsPanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.events)
        switch model.overlay {
        case .messages:
            MessageListPanel(model: model, glyphs: glyphs).render(into: &grid, area: MessageListPanel.area(in: layout))
        case .search:
            break  // the events panel shows the search
        case .scenarios:
            grid.fill(ScenarioMenuPanel.covered(in: layout))
            ScenarioMenuPanel(model: model, glyphs: glyphs).render(into: &grid, area: ScenarioMenuPanel.area(in: layout))
        case .timeline:
            TimelineBar(model: model, glyphs: glyphs).render(into: &grid, area: TimelineBar.area(in: layout))
        case nil:
            break
        }
        if model.isHelpVisible {
            HelpOverlay(keyMap: model.keyMap, glyphs: glyphs, scroll: model.helpScroll, notes: helpNotes,
                        commands: helpCommands)
                .render(into: &grid, area: layout.body)
        }
        renderPromptLine(model, into: &grid, area: layout.promptLine, glyphs: glyphs)
        statusLine(model, glyphs: glyphs).render(into: &grid, area: layout.status)
        if model.isProjector { grid.restyle(highContrast) }
        return grid
    }

    /// Where the panels are in this frame: a click must find the ring where it was drawn
    /// (projector mode and a two-line caption move it).
    static func layout(_ model: AppModel, size: Size, glyphs: Glyphs = .unicode) -> ScreenLayout {
        ScreenLayout(size: size, bits: model.world.space.bits, projector: model.isProjector,
                     projectorBayou: model.projectorShowsBayou,
                     promptRows: promptLines(model, width: size.width, glyphs: glyphs).count)
    }

    /// The projector's high contrast: nothing dim, every glyph bold (a washed-out beam
    /// still shows it).
    static func highContrast(_ style: Style) -> Style {
        var style = style
        if style.role == .dim { style.role = .normal }
        if style.role != .border { style.bold = true }
        return style
    }

    /// The upper panels: those a script's `focus` asks for across the whole upper part,
    /// else the view `v` chose.
    static func renderMain(_ model: AppModel, layout: ScreenLayout, into grid: inout Grid, glyphs: Glyphs) {
        switch model.focus {
        case .chord:
            // The ring and the selected node's fingers, side by side.
            let fingerWidth = min(46, max(30, layout.main.width * 38 / 100))
            let (ring, fingers) = layout.main.splitLeft(max(0, layout.main.width - fingerWidth))
            RingPanel(model: model, glyphs: glyphs).render(into: &grid, area: ring)
            FingerTablePanel(model: model, glyphs: glyphs).render(into: &grid, area: fingers)
            return
        case .bayou:
            BayouPanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.main)
            return
        case .time:
            SpaceTimePanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.main)
            return
        case .store:
            StorePanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.main)
            return
        case .all:
            break
        }
        switch model.mainView {
        case .ring:
            RingPanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.ring)
            FingerTablePanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.fingers)
            BayouPanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.bayou)
        case .spaceTime:
            SpaceTimePanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.main)
        case .convergence:
            ConvergencePanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.main)
        case .store:
            StorePanel(model: model, glyphs: glyphs).render(into: &grid, area: layout.main)
        }
    }

    /// The prompt being typed, else the script's caption (it stays until the next one; at a
    /// pause it keeps its place and the pause notice follows it), else a hint.
    static func renderPromptLine(_ model: AppModel, into grid: inout Grid, area: Rect, glyphs: Glyphs) {
        if let prompt = model.prompt {
            var editor = prompt.editor
            editor.prompt = glyphs.text(editor.prompt)
            editor.render(into: &grid, area: area, glyphs: glyphs)
            return
        }
        for (row, line) in promptLines(model, width: area.width, glyphs: glyphs).prefix(area.height).enumerated() {
            grid.write(line, x: area.x, y: area.y + row, clip: area)
        }
    }

    /// Lines a caption may take: a longer one ends in `…` at a word boundary.
    static let captionLinesMax = 3

    /// The caption (with the pause notice) or the hint, filled into lines of `width` at
    /// word boundaries (a caption cut mid-word read as another sentence); one line while
    /// a prompt is open or for the hint.
    static func promptLines(_ model: AppModel, width: Int, glyphs: Glyphs) -> [[Span]] {
        guard model.prompt == nil else { return [[]] }
        var line: [Span]
        var indent = model.isWaitingAtPause ? "   " : " "
        if model.isWaitingAtPause, let caption = model.caption {
            let pausedCaption = [Span(" \(glyphs.pause) ", Style(.warning, bold: true)),
                                 Span(glyphs.text(caption), Style(.accent, bold: true))]
            let hinted = pausedCaption + [Span("  \(glyphs.separator) predict, then press n to go on", Style(.warning))]
            // The caption's own words before the hint's: when both do not fit, the hint goes
            // (‖ and the events' next line still say the script waits); it cut "… until
            // check_predecessor…" short.
            let wrapped = WordWrap.lines(hinted, width: width, linesMax: captionLinesMax, indent: "   ", ellipsis: glyphs.ellipsis)
            let isCut = wrapped.last?.last?.text.hasSuffix(glyphs.ellipsis) == true
            line = isCut ? pausedCaption : hinted
            // Still cut: the caption as it shows while running (the status line and the
            // events' next line say the script waits), whose narrower margin kept the last
            // word that `‖` and its indent pushed out ("… stands in" lost "for" at 80×24).
            if isCut, cut(pausedCaption, width: width, indent: indent, glyphs: glyphs) {
                line = [Span(" " + glyphs.text(caption), Style(.accent, bold: true))]
                indent = " "
            }
        } else if model.isWaitingAtPause {
            line = [Span(" \(glyphs.pause) paused by the script: ", Style(.warning, bold: true)),
                    Span("predict what happens next, then press n to go on", Style(.warning))]
        } else if let caption = model.caption {
            line = [Span(" " + glyphs.text(caption), Style(.accent, bold: true))]
        } else {
            let space = isPlaying(model) ? "Space pause" : "Space play"
            line = [Span(" l lookup  j join  x fail  w write  n step  \(space)  ? help", Style(.dim))]
        }
        let linesMax = model.caption == nil && !model.isWaitingAtPause ? 1 : captionLinesMax
        let lines = WordWrap.lines(line, width: width, linesMax: linesMax, indent: indent, ellipsis: glyphs.ellipsis)
        return lines.isEmpty ? [[]] : lines
    }

    /// Whether `line` needs more than the caption's lines at `width`.
    private static func cut(_ line: [Span], width: Int, indent: String, glyphs: Glyphs) -> Bool {
        let wrapped = WordWrap.lines(line, width: width, linesMax: captionLinesMax, indent: indent, ellipsis: glyphs.ellipsis)
        return wrapped.last?.last?.text.hasSuffix(glyphs.ellipsis) == true
    }

    /// The status line's fields, copied out of the model.
    static func statusLine(_ model: AppModel, glyphs: Glyphs) -> StatusLine {
        let selection = model.selection.flatMap {
            Int($0) < model.world.state.count ? model.world.displayName($0, glyphs: glyphs) : nil
        }
        return StatusLine(
            isPlaying: isPlaying(model), speed: model.speed,
            time: Int(clamping: model.world.time), seed: model.world.seed,
            selection: selection,
            position: model.timeline.isBack || model.overlay == .timeline
                ? "time: step \(model.timeline.cursor) of \(model.timeline.steps)" : nil,
            message: model.status.map { glyphs.text($0.isError ? ErrorText.shortened($0.text) : $0.text) },
            isErrorMessage: model.status?.isError ?? false,
            isWarningMessage: model.status?.isWarning ?? false,
            speedLabel: "\(StatusLine.format(speed: model.speed, infinity: glyphs.infinity)) msg/s",
            hints: hints(model, glyphs: glyphs), glyphs: glyphs)
    }

    /// The key map's hints, Space's saying what it does now: `pause` while playing.
    static func hints(_ model: AppModel, glyphs: Glyphs) -> [KeyHint] {
        let playing = isPlaying(model)
        return StatusLine.defaultHintActions.flatMap { action in
            model.keyMap.hints([action], glyphs: glyphs).map {
                action == .playPause && playing ? KeyHint(key: $0.key, label: "pause") : $0
            }
        }
    }

    /// Playing as the user sees it: a script's pause stops play until a key.
    static func isPlaying(_ model: AppModel) -> Bool {
        model.isPlaying && !model.isWaitingAtPause
    }
}
