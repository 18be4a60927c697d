import Chord
import RingsideKernel
import RingsideSimulation

extension FingerTablePanel {
    /// Column widths and the text of each cell, numeric or symbolic.
    struct Columns {
        let model: AppModel
        let node: NodeIndex
        let kWidth: Int
        let idWidth: Int
        let symbolic: Bool
        /// False when the panel is too narrow for it: a finger's start is also where its
        /// interval begins, so the table still reads without it.
        let showsStart: Bool
        let intervalWidth: Int
        /// Spaces between columns: two, one on the narrowest panels.
        let gap: String
        let nodeWidth: Int

        /// Cells the node column needs at least: its header, `node`.
        static let nodeWidthMin = 4

        init(model: AppModel, node: NodeIndex, width: Int, kWidth: Int) {
            self.model = model
            self.node = node
            let bits = model.world.space.bits
            let k = max(1, kWidth)
            self.kWidth = k
            let digits = model.world.space.maxIdentifier.description.count
            // k, start, interval and a node of at least 6 cells, two spaces apart.
            let numericWidth = kWidth + 2 + digits + 2 + (2 * digits + 3) + 2 + 7
            let usualSymbolic = numericWidth > width
            let symbolicID = String("n+2^\(bits - 1)").count
            // The usual columns first; on a panel too narrow for them (the node column cut
            // to `no`), tighter numeric intervals, then without the start column, then one
            // space between columns.
            typealias Layout = (symbolic: Bool, idWidth: Int, interval: Int, start: Bool, gap: Int)
            let tight = max(8, 2 * digits + 3)
            let usualID = usualSymbolic ? symbolicID : max(5, digits)
            let layouts: [Layout] = [
                (usualSymbolic, usualID, Self.intervalWidth(usualID, symbolic: usualSymbolic), true, 2),
                (false, max(5, digits), tight, true, 2),
                (false, max(5, digits), tight, false, 2),
                (true, symbolicID, Self.intervalWidth(symbolicID, symbolic: true), false, 2),
                (false, max(5, digits), tight, false, 1),
                (true, symbolicID, Self.intervalWidth(symbolicID, symbolic: true), false, 1),
            ]
            func nodeRoom(_ layout: Layout) -> Int {
                width - (k + layout.gap + (layout.start ? layout.idWidth + layout.gap : 0) + layout.interval + layout.gap)
            }
            let chosen = layouts.first { nodeRoom($0) >= Self.nodeWidthMin } ?? layouts.max { nodeRoom($0) < nodeRoom($1) }!
            symbolic = chosen.symbolic
            idWidth = chosen.idWidth
            intervalWidth = chosen.interval
            showsStart = chosen.start
            gap = String(repeating: " ", count: chosen.gap)
            nodeWidth = max(Self.nodeWidthMin, nodeRoom(chosen))
        }

        /// Cells a node's label has in the node column (one is kept before ` !`).
        var nodeLabelWidth: Int { nodeWidth - 1 }

        /// "k  start  interval  node", aligned with the rows.
        func header() -> String {
            pad("k", kWidth, right: true) + gap + (showsStart ? pad("start", idWidth) + gap : "")
                + pad("interval", intervalWidth) + gap + "node"
        }

        /// One row's cells; the node is marked `!` when stale.
        func spans(for row: Row, form: World.LabelForm, glyphs: Glyphs) -> [Span] {
            let world = model.world
            let space = world.space
            let n = world.state.id(node)
            let kText = Self.kText(row)
            let start: String, end: String
            if symbolic {
                start = "n+2^\(row.first - 1)"
                end = row.last == space.bits ? "n" : "n+2^\(row.last)"
            } else {
                start = space.fingerStart(of: n, k: row.first).description
                end = (row.last == space.bits ? n : space.fingerStart(of: n, k: row.last + 1)).description
            }
            let interval = "[\(start),\(end))"
            let nodeText = row.node.map { world.label($0, form: form, width: nodeLabelWidth, glyphs: glyphs) } ?? "?"
            let nodeStyle = row.node.map { world.state.isAlive($0) ? Style() : Style(.failed) } ?? Style(.warning)
            return [
                Span(pad(kText, kWidth, right: true) + gap, Style(.dim)),
                Span(showsStart ? pad(start, idWidth) + gap : ""),
                Span(pad(interval, intervalWidth) + gap),
                Span(nodeText, nodeStyle),
                row.isStale ? Span(" !", Style(.warning, bold: true)) : Span(""),
            ]
        }

        /// "3", or "1-5" for a folded run.
        static func kText(_ row: Row) -> String {
            row.first == row.last ? "\(row.first)" : "\(row.first)-\(row.last)"
        }

        private static func intervalWidth(_ idWidth: Int, symbolic: Bool) -> Int {
            symbolic ? 2 * idWidth + 3 : max(8, 2 * idWidth + 3)
        }

        private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fitted = TextWidth.truncate(text, toWidth: width, ellipsis: "")
            let fill = String(repeating: " ", count: max(0, width - TextWidth.of(fitted)))
            return right ? fill + fitted : fitted + fill
        }
    }
}
