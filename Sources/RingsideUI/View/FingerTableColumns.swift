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
        let nodeWidth: Int

        init(model: AppModel, node: NodeIndex, width: Int, kWidth: Int) {
            self.model = model
            self.node = node
            let bits = model.world.space.bits
            self.kWidth = max(1, kWidth)
            let digits = model.world.space.maxIdentifier.description.count
            // k, start, interval and a node of at least 6 cells, two spaces apart.
            let numericWidth = kWidth + 2 + digits + 2 + (2 * digits + 3) + 2 + 7
            symbolic = numericWidth > width
            idWidth = symbolic ? String("n+2^\(bits - 1)").count : max(5, digits)
            let used = self.kWidth + 2 + idWidth + 2 + Self.intervalWidth(idWidth, symbolic: symbolic) + 2
            nodeWidth = max(4, width - used)
        }

        /// "k  start  interval  node", aligned with the rows.
        func header() -> String {
            pad("k", kWidth, right: true) + "  " + pad("start", idWidth) + "  "
                + pad("interval", Self.intervalWidth(idWidth, symbolic: symbolic)) + "  node"
        }

        /// One row's cells; the node is marked `!` when stale.
        func spans(for row: Row, glyphs: Glyphs) -> [Span] {
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
            let nodeText = row.node.map { world.ringLabel($0, width: nodeWidth - 1, glyphs: glyphs) } ?? "?"
            let nodeStyle = row.node.map { world.state.isAlive($0) ? Style() : Style(.failed) } ?? Style(.warning)
            return [
                Span(pad(kText, kWidth, right: true) + "  ", Style(.dim)),
                Span(pad(start, idWidth) + "  "),
                Span(pad(interval, Self.intervalWidth(idWidth, symbolic: symbolic)) + "  "),
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
