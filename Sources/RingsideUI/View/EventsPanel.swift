import RingsideSimulation

/// The message to be delivered next, then the newest events, one line each: the
/// protocols' own explanations mixed with the app's echoes, errors and captions.
struct EventsPanel {
    let model: AppModel
    let glyphs: Glyphs

    /// One line of the history, with its place in the combined order.
    struct Line {
        /// Trace event a → 2a + 1; a note made after m trace events → 2m, so it shows
        /// before event m and after event m - 1.
        var order: Int
        var time: String
        var text: String
        var style: Style
    }

    /// Draws the panel, border included, inside `area`.
    func render(into grid: inout Grid, area: Rect) {
        let count = model.digest.inFlightCount
        var title = count == 0 ? "Events" : "Events \(glyphs.separator) \(count) in flight"
        if model.hidesMaintenance { title += " \(glyphs.separator) maintenance hidden" }
        if let search = model.eventsSearch { title += " \(glyphs.separator) /\(search)" }
        if model.eventsScroll > 0 {
            let back = model.eventsScroll
            title += " \(glyphs.separator) \(glyphs.arrowUp)" + counted(back, "line") + " back"
        }
        let inner = grid.drawBox(area, title: glyphs.text(title), glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let body = inner.inset(top: 0, left: 1, bottom: 0, right: 1)
        // Cut between words with an ellipsis, as captions are (at 80×24 the pause's line
        // ended in "bound keys ac").
        let next = WordWrap.lines(nextLine(), width: body.width, linesMax: 1, ellipsis: glyphs.ellipsis).first ?? []
        grid.write(next, x: body.x, y: body.y, clip: body)
        let rows = body.height - 1
        guard rows > 0 else { return }
        let lines = history(rows: rows)
        let timeWidth = lines.map { TextWidth.of($0.time) }.max() ?? 0
        let textWidth = max(1, body.width - timeWidth - 1)
        // Newest at the bottom; an error goes on for up to `errorRowsMax` rows rather than
        // be cut (`lookup is missing …` lost the word it was missing), the oldest lines
        // giving way.
        var placed: [(line: Line, rows: [String])] = []
        var used = 0
        for line in lines.reversed() where used < rows {
            var wrapped = [TextWidth.truncate(glyphs.text(line.text), toWidth: textWidth, ellipsis: glyphs.ellipsis)]
            if line.style.role == .error {
                let text = glyphs.text(ErrorText.shortened(line.text))
                wrapped = WordWrap.lines([Span(text)], width: textWidth, linesMax: Self.errorRowsMax,
                                         ellipsis: glyphs.ellipsis).map { $0.map(\.text).joined() }
                if wrapped.count > rows - used {
                    wrapped = [TextWidth.truncate(text, toWidth: textWidth, ellipsis: glyphs.ellipsis)]
                }
            }
            placed.append((line, wrapped))
            used += wrapped.count
        }
        var y = body.y + 1
        for (line, wrapped) in placed.reversed() {
            let time = String(repeating: " ", count: timeWidth - TextWidth.of(line.time)) + line.time
            let x = grid.write(time + " ", x: body.x, y: y, style: Style(.dim), clip: body)
            let isMatch = model.eventsSearch.map { Self.matches(line.text, $0) } ?? false
            for row in wrapped {
                grid.write(row, x: x, y: y, style: isMatch ? Style.highlight : line.style, clip: body)
                y += 1
            }
        }
    }

    /// Rows an error line of the log takes at most.
    static let errorRowsMax = 3

    /// History rows the panel shows at this layout (its border and the next line aside).
    static func historyRows(in layout: ScreenLayout) -> Int {
        max(0, layout.events.height - 3)
    }

    /// True when `text` contains `search`, ignoring case.
    static func matches(_ text: String, _ search: String) -> Bool {
        !search.isEmpty && text.lowercased().contains(search.lowercased())
    }

    /// "next ▸ t=14  90 → 10  find_successor(15)", or why nothing is moving.
    private func nextLine() -> [Span] {
        let world = model.world
        // At a pause, and stopped before a caption, the script's own statements choose what
        // comes next, not the message first due: naming it, the line said n would deliver
        // m4 where n ran the script's `deliver m8`.
        if model.isWaitingAtPause, !model.isUserWorkUnderWay {
            return [Span("next ", Style(.dim)),
                    Span("the script is paused: n, Space or an unbound key goes on; bound keys act here", Style(.dim))]
        }
        if model.isHeldAtCaption, !model.isWaitingAtPause {
            return [Span("next ", Style(.dim)), Span("n goes on with the script: its next caption and what it describes", Style(.dim))]
        }
        guard let message = model.digest.next else {
            let text: String
            if model.isWaitingAtPause {
                text = "the script is paused: n steps your command; once it is done, n goes on"
            } else if model.timeline.isBack {
                // The script ahead of a step back in time may be many instant statements
                // that n would run in one go: U is the way to go forward one step.
                text = "back in time: U redoes the next step; n acts from here, on a new branch"
            } else if !world.isIdle, world.pendingTimerCount > 0 {
                // A dropped message leaves its sender's timer, a command just begun its first
                // action: which n runs first, this line cannot tell (it said "n fires the next
                // timeout" where n began the script's sync).
                text = "nothing in flight: n runs the next step (a command's first message, or a timeout)"
            } else if !world.isIdle {
                text = "nothing in flight yet: n runs the first step of the command begun"
            } else if model.scriptRemaining > 0 {
                text = "nothing in flight: n starts the script's next command"
            } else {
                text = "nothing in flight"
            }
            return [Span("next ", Style(.dim)), Span(text, Style(.dim))]
        }
        let isFocusedHop = message.lookup != nil && message.lookup == model.lookupFocus
        let route = "\(world.ringLabel(message.from, glyphs: glyphs)) \(glyphs.arrow) \(world.ringLabel(message.to, glyphs: glyphs))"
        return [
            Span("next \(glyphs.pointer) ", Style(.accent, bold: true)),
            Span("t=\(message.deliverAt)  ", Style(.dim)),
            Span(route, isFocusedHop ? Style(.hopActive, bold: true) : Style(.bold)),
            Span("  " + glyphs.text(message.summary), message.isBayou ? Style(.committed) : Style()),
        ]
    }

    /// The `rows` lines that end `eventsScroll` lines before the newest, oldest first.
    func history(rows: Int) -> [Line] {
        if model.eventsScroll == 0, !model.hidesMaintenance { return newest(rows: rows) }
        let lines = allLines()
        let end = max(0, lines.count - model.eventsScroll)
        return Array(lines[max(0, end - rows)..<end])
    }

    /// The newest `rows` lines, oldest first (the usual case: no more is built).
    private func newest(rows: Int) -> [Line] {
        let trace = model.world.trace
        let events = trace.last(rows)
        let firstIndex = trace.total - events.count
        var lines: [Line] = events.enumerated().map { offset, event in
            Line(order: 2 * (firstIndex + offset) + 1, time: String(event.time), text: event.text, style: Self.style(event.kind))
        }
        for note in model.visibleNotes.suffix(rows) {
            lines.append(Line(order: 2 * note.traceMark, time: "", text: note.text, style: Style(note.role)))
        }
        // Stable: notes made at the same mark keep their order.
        let sorted = lines.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
        return sorted.suffix(rows).map(\.element)
    }

    /// Every line kept (the trace's kept events and the notes), oldest first; without play
    /// mode's maintenance when `F` hides it: a maintenance command's echo and every event
    /// from it to the next command's echo (maintenance only starts on an idle ring).
    func allLines() -> [Line] {
        let trace = model.world.trace
        let events = trace.events
        let firstIndex = trace.total - events.count
        let notes = model.visibleNotes
        // Command echoes by trace mark, to tell whose work each event is.
        let echoes = notes.filter { $0.origin != nil }
        var lines: [Line] = []
        lines.reserveCapacity(events.count + notes.count)
        var echo = 0
        var inMaintenance = false
        for (offset, event) in events.enumerated() {
            let index = firstIndex + offset
            while echo < echoes.count, echoes[echo].traceMark <= index {
                inMaintenance = echoes[echo].origin == .maintenance
                echo += 1
            }
            if model.hidesMaintenance, inMaintenance { continue }
            lines.append(Line(order: 2 * index + 1, time: String(event.time), text: event.text, style: Self.style(event.kind)))
        }
        for note in notes where !(model.hidesMaintenance && (note.origin == .maintenance || note.isMaintenance)) {
            lines.append(Line(order: 2 * note.traceMark, time: "", text: note.text, style: Style(note.role)))
        }
        let sorted = lines.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
        return sorted.map(\.element)
    }

    private static func style(_ kind: TraceLog.Event.Kind) -> Style {
        switch kind {
        case .chord: return Style()
        case .bayou: return Style(.committed)
        case .store: return Style()
        case .caption: return Style(.accent, bold: true)
        case .command: return Style(.bold)
        }
    }
}
