import Chord
import RingsideKernel
import RingsideSimulation

/// The space-time diagram as data (the panel only draws it): one column per node,
/// virtual time downwards, one arrow per message from its send to its delivery, its
/// drop (✕) or, still in flight, the current time.
///
/// Rows are events, not milliseconds: empty time takes no room, and events at the same
/// time share a row when their marks do not overlap (a hop delivered and forwarded at
/// once reads as one row). The newest rows are kept, so the diagram follows the cursor.
/// Built from the report's bounded event window: the work per frame is bounded by it.
struct SpaceTimeDiagram {
    enum Ending: Equatable {
        case delivered
        case dropped
        case inFlight
    }

    struct Arrow: Equatable {
        var message: UInt64
        /// Column indices.
        var from: Int
        var to: Int
        /// nil: sent before the first row shown (the arrow comes in from the top).
        var sendRow: Int?
        var endRow: Int
        var ending: Ending
        var kind: MessageProtocol
        var type: String
    }

    enum MarkKind: Equatable {
        /// The sender gave up waiting for an answer.
        case timeout
        /// A node explained something without a message (a write accepted, a crash).
        case note
    }

    struct Mark: Equatable {
        var row: Int
        var column: Int
        var kind: MarkKind
    }

    enum RowKind: Equatable {
        case events
        /// A command began: the row separates what it caused from what came before.
        case command
        /// The current time, where messages still in flight end.
        case now
    }

    struct Row: Equatable {
        var time: VirtualTime
        var text: String
        var kind: RowKind
        var role: Role
    }

    let columns: SpaceTimeColumns
    /// Rows shown, oldest first; row i is drawn at diagram line i + 1 (line 0: the node labels).
    let rows: [Row]
    let arrows: [Arrow]
    let marks: [Mark]
    /// True when earlier events exist than the first row shows.
    let hasEarlier: Bool
    /// Cells of the time gutter (the time, right-aligned, then a space).
    let timeWidth: Int
    /// Where each row's text starts (at or past `width`: no room for text).
    let textX: Int
    let size: Size

    /// Events that make rows at most, however many the window holds.
    static let eventsMax = EventWindow.limit

    /// The diagram for `model` in `size` cells (node labels included).
    init(model: AppModel, size: Size) {
        let world = model.world
        var preferred: [NodeIndex] = []
        if let selection = model.selection { preferred.append(selection) }
        preferred += model.highlighted
        let hops = LookupHops(model: model)
        if let path = hops.record?.path { preferred += path }
        if let active = hops.active { preferred += [active.from, active.to] }
        self.init(window: model.recentEvents, inFlight: model.digest.inFlight, inFlightCount: model.digest.inFlightCount,
                  world: world, nodesByID: model.digest.nodesByID, preferred: preferred, size: size)
    }

    init(window: EventWindow, inFlight: [InFlightMessage], inFlightCount: Int, world: World,
         nodesByID: [NodeIndex], preferred: [NodeIndex], size: Size) {
        self.size = size
        let events = window.events.suffix(Self.eventsMax)
        let newest = max(world.time, events.last?.time ?? 0)
        timeWidth = String(newest).count + 1
        // The explanations say more than wide columns: the text keeps 40% of the width
        // (up to 60 cells) when it can.
        let textMin = size.width >= 40 ? min(60, size.width * 2 / 5) : 0
        let columnsWidth = max(0, size.width - timeWidth - textMin)
        columns = SpaceTimeColumns(nodesByID: nodesByID, preferred: preferred, events: Array(events), world: world,
                                   x: timeWidth, width: columnsWidth)
        textX = columns.endX + 1
        var builder = SpaceTimeBuilder(columns: columns)
        for event in events { builder.add(event) }
        builder.finish(inFlight: inFlight, inFlightCount: inFlightCount, now: world.time)
        let kept = builder.cut(toRows: max(0, size.height - 1))
        rows = kept.rows
        arrows = kept.arrows
        marks = kept.marks
        hasEarlier = window.hasEarlier || kept.cut
    }
}
