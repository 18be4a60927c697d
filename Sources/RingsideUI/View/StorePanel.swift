import RingsideSimulation

/// The store view (`focus store`): the selected key's replica set (strict) or preference
/// list (Dynamo), each node's versions or siblings and the hints it keeps, and the quorum
/// of the put or get under way with its messages as they arrive.
struct StorePanel {
    let model: AppModel
    let glyphs: Glyphs

    func render(into grid: inout Grid, area: Rect) {
        let view = StorePanelModel(model: model)
        let inner = grid.drawBox(area, title: title(view), footer: footer(), glyphs: glyphs)
        guard !inner.isEmpty else { return }
        let lines = Self.lines(view, glyphs: glyphs, keyMap: model.keyMap)
        // Two columns when wide: the nodes on the left, as wide as they need (at most half:
        // a fixed half left the left column mostly blank and cut the replies), the quorum
        // and its replies on the right.
        if inner.width >= 100, lines.right.count > 0 {
            let needed = lines.left.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
            let leftWidth = min(inner.width / 2, max(Self.leftColumnMin, needed + 2))
            draw(lines.left, into: &grid, area: Rect(x: inner.x, y: inner.y, width: leftWidth - 1, height: inner.height))
            draw(Self.stacked([], lines.right, summaryRows: lines.summaryRows, rows: inner.height, glyphs: glyphs),
                 into: &grid, area: Rect(x: inner.x + leftWidth + 1, y: inner.y, width: inner.width - leftWidth - 1, height: inner.height))
        } else {
            draw(Self.stacked(lines.left, lines.right, summaryRows: lines.summaryRows, rows: inner.height, glyphs: glyphs),
                 into: &grid, area: inner)
        }
    }

    /// `left`, a blank row, then `right`, in `rows`. What gives way first is the message
    /// lines of `right` (after its first `summaryRows`: the command, the version, the
    /// quorum's count and the answer), then the nodes: at 80×24 the nodes had filled the
    /// rows, and the put's own line and its `W=2 … succeeded` were cut.
    static func stacked(_ left: [[Span]], _ right: [[Span]], summaryRows: Int, rows: Int, glyphs: Glyphs) -> [[Span]] {
        let gap = left.isEmpty || right.isEmpty ? 0 : 1
        guard left.count + gap + right.count > rows else { return left + (gap == 1 ? [[]] : []) + right }
        let summary = Array(right.prefix(summaryRows)), activity = Array(right.dropFirst(summaryRows))
        let more = { (count: Int) in moreLine(count, glyphs: glyphs) }
        // Whatever else gives way, hidden message lines leave their count behind.
        let markerRows = activity.isEmpty ? 0 : 1
        let fixed = left.count + gap + summary.count
        if fixed + markerRows <= rows {
            let remaining = rows - fixed
            let shown: [[Span]] = remaining == 1 ? [more(activity.count)] : fitted(activity, rows: remaining, glyphs: glyphs)
            return left + (gap == 1 ? [[]] : []) + summary + shown
        }
        if fixed - gap + markerRows <= rows {  // the blank row goes first
            return left + summary + (markerRows == 1 ? [more(activity.count)] : [])
        }
        // Not even the nodes and the summary fit: the nodes give way.
        let leftRows = max(0, rows - summary.count - markerRows)
        let nodes = fitted(left, rows: leftRows, glyphs: glyphs)
        let tail = Array(summary.prefix(max(0, rows - nodes.count)))
        let marker = markerRows == 1 && nodes.count + tail.count < rows ? [more(activity.count)] : []
        return nodes + tail + marker
    }

    /// The left column's least width, so its headings fit.
    static let leftColumnMin = 32

    /// Each line on one row; a longer one ends in `…` after its last whole word.
    private func draw(_ lines: [[Span]], into grid: inout Grid, area: Rect) {
        for (row, line) in Self.fitted(lines, rows: area.height, glyphs: glyphs).enumerated() {
            let fitted = WordWrap.lines(line, width: area.width, linesMax: 1, ellipsis: glyphs.ellipsis).first ?? []
            grid.write(fitted, x: area.x, y: area.y + row, clip: area)
        }
    }

    /// `lines` in `rows`: when they do not all fit, the first ones, `… N more` for those
    /// cut, and the last, which is the newest (a get's conclusion, what the coordinator
    /// made of the replies). At 100×30 a get's replies and its conclusion were cut unmarked.
    static func fitted(_ lines: [[Span]], rows: Int, glyphs: Glyphs) -> [[Span]] {
        guard lines.count > rows else { return lines }
        guard rows >= 2 else { return Array(lines.prefix(rows)) }
        let keepsLast = rows >= 3
        let head = rows - 1 - (keepsLast ? 1 : 0)
        let marker = moreLine(lines.count - head - (keepsLast ? 1 : 0), glyphs: glyphs)
        return Array(lines.prefix(head)) + [marker] + (keepsLast ? [lines[lines.count - 1]] : [])
    }

    /// `… N more`, for lines cut.
    static func moreLine(_ count: Int, glyphs: Glyphs) -> [Span] {
        [Span("  \(glyphs.ellipsis) \(count) more", Style(.dim))]
    }

    private func title(_ view: StorePanelModel) -> String {
        var parts = ["Store"]
        if let key = view.key {
            parts.append("key \(model.keyText(key, width: 12, glyphs: glyphs))\(view.isChosen ? "" : " (last put/get)")")
        }
        parts.append(view.settings)
        if model.timeline.isBack { parts.append("at step \(model.timeline.cursor)") }
        return parts.joined(separator: " \(glyphs.separator) ")
    }

    private func footer() -> String {
        let key = model.keyMap.binding(for: .cycleView)?.keys.first?.label(glyphs: glyphs) ?? "v"
        return "\(key) \(model.viewKeyHint)"
    }

    // MARK: Lines

    /// The left column (the key's nodes and hints) and the right one (the quorum and its messages).
    static func lines(_ view: StorePanelModel, glyphs: Glyphs, keyMap: KeyMap) -> (left: [[Span]], right: [[Span]], summaryRows: Int) {
        func keyName(_ action: Action) -> String {
            keyMap.binding(for: action)?.keys.first?.label(glyphs: glyphs) ?? "?"
        }
        guard view.key != nil else {
            let hint = "no put or get yet: \(keyName(.storePut)) puts, \(keyName(.storeGet)) gets at the selected node, "
                + "\(keyName(.storeSettings)) sets N W R, \(keyName(.storeKey)) picks a key"
            return ([[Span(hint, Style(.dim))]], [], 0)
        }
        var left: [[Span]] = []
        let heading = view.dynamo ? "Preference list (\(glyphs.pointer) the first N=\(view.replication))" : "Replica set (owner, next N-1)"
        left.append([Span(heading, Style(.title, bold: true))])
        if view.members.isEmpty { left.append([Span("  no live node holds this key's range", Style(.dim))]) }
        for member in view.members { left += memberLines(member, glyphs: glyphs) }
        if !view.others.isEmpty {
            left.append([Span("Elsewhere (outside the list)", Style(.title, bold: true))])
            for member in view.others { left += memberLines(member, glyphs: glyphs) }
        }
        var right: [[Span]] = []
        if let command = view.command {
            right.append([Span(command, Style(.title, bold: true))])
        }
        if let op = view.operation {
            if let value = op.value {
                right.append([Span("  version ", Style(.dim)), Span(value.value, Style(.bold)), Span(" \(value.version)", Style(.dim))])
            }
            let word = op.isPut ? "acks" : "replies"
            let quorum = "\(op.isPut ? "W" : "R")=\(op.needed)"
            let outcome: Style = switch op.outcome {
            case "succeeded": Style(.committed, bold: true)
            case "failed": Style(.error, bold: true)
            default: Style(.warning, bold: true)
            }
            right.append([Span("  \(quorum): asked \(op.asked), \(op.replies) \(word), \(op.silent) silent \(glyphs.arrow) ", Style(.normal)),
                          Span(op.outcome, outcome)])
        }
        if let answer = view.answer {
            right.append([Span("  answer ", Style(.dim)),
                          Span(answer.isEmpty ? "(none)" : answer.joined(separator: " | "), Style(.accent, bold: true))])
        }
        let summaryRows = right.count
        for item in view.activity {
            switch item {
            case let .message(reply):
                let style: Style = switch reply.state {
                case .inFlight: Style(.warning)
                case .delivered: Style(.normal)
                case .dropped: Style(.error)
                }
                var row = [Span("  m\(reply.message) ", Style(.dim)),
                           Span("\(reply.from) \(glyphs.arrow) \(reply.to) ", Style(.normal)),
                           Span(reply.type, Style(.accent))]
                if reply.state == .delivered, let text = reply.text {
                    row.append(Span(": " + glyphs.text(text), Style(.normal)))
                } else {
                    row.append(Span(" " + reply.state.rawValue, style))
                }
                right.append(row)
            case let .note(time, text):
                right.append([Span("  \(time) ", Style(.dim)), Span(glyphs.text(text), Style(.dim))])
            }
        }
        return (left, right, summaryRows)
    }

    private static func memberLines(_ member: StorePanelModel.Member, glyphs: Glyphs) -> [[Span]] {
        var head: [Span] = [Span(member.isReplica ? "  \(glyphs.pointer) " : "    ", Style(.accent, bold: true)),
                            Span(member.name, Style(member.isReplica ? .accent : .normal, bold: member.isReplica))]
        if !member.isAlive { head.append(Span(" down", Style(.error, bold: true))) }
        if !member.isReplica { head.append(Span(member.hints.isEmpty ? " (stand-in candidate)" : " (stand-in)", Style(.dim))) }
        if member.versions.isEmpty, member.hints.isEmpty { head.append(Span("  nothing held", Style(.dim))) }
        var lines = [head]
        for version in member.versions {
            lines.append([Span("      ", Style.normal), Span(version.value, Style(.bold)), Span(" \(version.version)", Style(.dim))])
        }
        for hint in member.hints {
            lines.append([Span("      hint for \(hint.intended): ", Style(.warning)), Span(hint.value.value, Style(.bold)),
                          Span(" \(hint.value.version)", Style(.dim))])
        }
        return lines
    }
}
