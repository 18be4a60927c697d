import RingsideKernel
import RingsideSimulation

/// Turns events, oldest first, into the rows, arrows and marks of a `SpaceTimeDiagram`.
///
/// Each event claims the cells it draws on its row (an arrow's horizontal run, a mark);
/// it joins the newest row when that row has the same time and those cells are free,
/// else it opens a row. A node's own dot may be shared: a hop that arrives and is
/// forwarded at once is one row.
struct SpaceTimeBuilder {
    typealias Arrow = SpaceTimeDiagram.Arrow
    typealias Row = SpaceTimeDiagram.Row

    private struct OpenRow {
        var time: VirtualTime
        var texts: [String] = []
        var kind: SpaceTimeDiagram.RowKind
        var role: Role
        var occupied: [ClosedRange<Int>] = []
        var dots: [Int] = []
    }

    private struct Sent {
        var from: Int
        var to: Int
        var row: Int
        var type: String
    }

    private let columns: SpaceTimeColumns
    private var rows: [OpenRow] = []
    private var arrows: [Arrow] = []
    private var marks: [SpaceTimeDiagram.Mark] = []
    /// Messages sent in the window and not yet ended, by id.
    private var open: [UInt64: Sent] = [:]
    /// Every message whose send is in the window (shown or not), so none is drawn twice.
    private var sentInWindow = Set<UInt64>()
    /// A node's explanation, held to label the send it usually precedes.
    private var heldNote: SimulationEvent?
    /// The message dropped last: the world's note about it repeats the drop row.
    private var droppedLast: UInt64?

    init(columns: SpaceTimeColumns) {
        self.columns = columns
    }

    mutating func add(_ event: SimulationEvent) {
        if let note = heldNote {
            heldNote = nil
            if event.kind == .send, event.from == note.node, event.time == note.time {
                send(event, text: note.text)
                return
            }
            place(note: note)
        }
        switch event.kind {
        case .command:
            // A caption's own note, next, says it without the command word.
            if event.text?.hasPrefix("say ") == true { return }
            // A command that drew nothing (set-up, or work among hidden nodes) gives its
            // row to the next one.
            if rows.last?.kind == .command { rows.removeLast() }
            openRow(time: event.time, kind: .command, role: .bold)
            rows[rows.count - 1].texts.append("\u{203A} " + (event.text ?? ""))
        case .note:
            if event.node == nil {
                openRow(time: event.time, kind: .events, role: .normal)
                rows[rows.count - 1].texts.append(event.text ?? "")
            } else {
                heldNote = event
            }
        case .send:
            send(event, text: nil)
        case .deliver, .drop:
            end(event)
        case .timeout:
            guard let column = columns.index(of: event.node) else { return }
            let x = columns.columns[column].x
            let row = claim(time: event.time, ranges: [x...x], dots: [], role: .warning)
            marks.append(.init(row: row, column: column, kind: .timeout))
            rows[row].texts.append(event.text ?? "timeout")
        }
    }

    /// Ends the messages still in flight at a last row for the current time.
    mutating func finish(inFlight: [InFlightMessage], inFlightCount: Int, now: VirtualTime) {
        if let note = heldNote {
            heldNote = nil
            place(note: note)
        }
        var ending: [(UInt64, Sent?, Int, Int, String)] = open.map { ($0.key, $0.value, $0.value.from, $0.value.to, $0.value.type) }
        for message in inFlight where !sentInWindow.contains(message.id) {
            guard let from = columns.index(of: message.from), let to = columns.index(of: message.to) else { continue }
            ending.append((message.id, nil, from, to, message.type))
        }
        guard !ending.isEmpty else { return }
        openRow(time: max(now, rows.last?.time ?? 0), kind: .now, role: .dim)
        let row = rows.count - 1
        rows[row].texts.append("now: \(inFlightCount) in flight")
        for (id, sent, from, to, type) in ending.sorted(by: { $0.0 < $1.0 }) {
            arrows.append(Arrow(message: id, from: from, to: to, sendRow: sent?.row, endRow: row, ending: .inFlight,
                                kind: MessageProtocol(type: type), type: type))
        }
    }

    /// The newest `count` rows, with the arrows and marks renumbered; `cut` is true when
    /// older rows did not fit.
    func cut(toRows count: Int) -> (rows: [Row], arrows: [Arrow], marks: [SpaceTimeDiagram.Mark], cut: Bool) {
        let offset = max(0, rows.count - count)
        let kept = rows.suffix(count).map { Row(time: $0.time, text: $0.texts.joined(separator: " \u{00B7} "),
                                                 kind: $0.kind, role: $0.role) }
        let keptArrows: [Arrow] = arrows.compactMap { arrow in
            guard arrow.endRow >= offset else { return nil }
            var moved = arrow
            moved.endRow -= offset
            moved.sendRow = arrow.sendRow.flatMap { $0 >= offset ? $0 - offset : nil }
            return moved
        }
        let keptMarks = marks.compactMap { mark -> SpaceTimeDiagram.Mark? in
            mark.row >= offset ? .init(row: mark.row - offset, column: mark.column, kind: mark.kind) : nil
        }
        return (Array(kept), keptArrows, keptMarks, offset > 0)
    }

    // MARK: Events

    private mutating func send(_ event: SimulationEvent, text: String?) {
        guard let id = event.msg else { return }
        sentInWindow.insert(id)
        guard let from = columns.index(of: event.from), let to = columns.index(of: event.to) else { return }
        let type = event.type ?? "message"
        let (xa, xb) = (columns.columns[from].x, columns.columns[to].x)
        let corner = Self.cornerX(from: xa, to: xb)
        let run = xb > xa ? (xa + 1)...corner : (xb < xa ? corner...(xa - 1) : (xa + 1)...corner)
        let row = claim(time: event.time, ranges: [run], dots: [xa], role: MessageProtocol(type: type).role)
        rows[row].texts.append(text ?? "m\(id) \(type)")
        open[id] = Sent(from: from, to: to, row: row, type: type)
    }

    private mutating func end(_ event: SimulationEvent) {
        guard let id = event.msg else { return }
        droppedLast = event.kind == .drop ? id : nil
        let sent = open.removeValue(forKey: id)
        let from = sent?.from ?? columns.index(of: event.from)
        let to = sent?.to ?? columns.index(of: event.to)
        // A message whose send was in the window but not drawn has a hidden end.
        guard let from, let to, sent != nil || !sentInWindow.contains(id) else { return }
        let type = sent?.type ?? event.type ?? "message"
        let (xa, xb) = (columns.columns[from].x, columns.columns[to].x)
        let corner = Self.cornerX(from: xa, to: xb)
        let delivered = event.kind == .deliver
        let ranges = delivered ? [xb > xa ? (xb - 2)...(xb - 1) : (xb + 1)...(xb + 2)] : [corner...corner]
        let role = delivered ? MessageProtocol(type: type).role : .error
        let row = claim(time: event.time, ranges: ranges, dots: delivered ? [xb] : [], role: role)
        arrows.append(Arrow(message: id, from: from, to: to, sendRow: sent?.row, endRow: row,
                            ending: delivered ? .delivered : .dropped, kind: MessageProtocol(type: type), type: type))
        rows[row].texts.append(delivered ? (event.text ?? "m\(id) \(type) arrives")
                               : "m\(id) \(type) \u{2715} \(Self.words(event.reason))")
    }

    private mutating func place(note: SimulationEvent) {
        if let id = droppedLast, note.text?.hasPrefix("m\(id) (") == true { return }
        guard let column = columns.index(of: note.node) else { return }
        let x = columns.columns[column].x
        let row = claim(time: note.time, ranges: [x...x], dots: [], role: .normal)
        marks.append(.init(row: row, column: column, kind: .note))
        rows[row].texts.append(note.text ?? "")
    }

    // MARK: Rows

    /// The row the cells go on: the newest if it is at `time` and they are free there.
    private mutating func claim(time: VirtualTime, ranges: [ClosedRange<Int>], dots: [Int], role: Role) -> Int {
        if let last = rows.last, last.kind == .events, last.time == time,
           !ranges.contains(where: { range in last.occupied.contains { $0.overlaps(range) } || last.dots.contains { range.contains($0) } }),
           !dots.contains(where: { dot in last.occupied.contains { $0.contains(dot) } }) {
            rows[rows.count - 1].occupied += ranges
            rows[rows.count - 1].dots += dots
            return rows.count - 1
        }
        openRow(time: time, kind: .events, role: role)
        rows[rows.count - 1].occupied = ranges
        rows[rows.count - 1].dots = dots
        return rows.count - 1
    }

    private mutating func openRow(time: VirtualTime, kind: SpaceTimeDiagram.RowKind, role: Role) {
        rows.append(OpenRow(time: time, kind: kind, role: role))
    }

    /// Where a message's arrow turns down: two cells before the receiver's lifeline, on
    /// the side it comes from (a message to itself loops on the right).
    static func cornerX(from xa: Int, to xb: Int) -> Int {
        xb > xa ? xb - 2 : xb + 2
    }

    static func words(_ reason: SimulationEvent.DropReason?) -> String {
        switch reason {
        case .loss: "lost"
        case .partition: "cut off by the partition"
        case .dropped: "dropped"
        case .dead: "receiver down"
        case nil: "lost"
        }
    }
}
