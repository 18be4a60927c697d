import Chord
import RingsideKernel
import RingsideSimulation

/// The messages on the wire, placed on the ring: each one a glyph on the straight chord
/// from its sender to its receiver, as far along as virtual time has carried it, in its
/// protocol's colour (Chord, Bayou anti-entropy, the key-value store).
///
/// Pure geometry over the world and a `RingScene`, so tests can read where each message
/// is without parsing a screen.
struct RingMessages {
    /// One message placed on the ring.
    struct Placed: Equatable {
        var id: MessageID
        var kind: MessageProtocol
        /// How far it has travelled, 0 (just sent) to 1 (due now).
        var progress: Double
        /// The grid cell its glyph goes in.
        var cell: Point
    }

    /// Messages drawn at most: a stabilizing 2,000-node ring has thousands in flight, and
    /// past a few hundred glyphs the circle is a blur anyway. The soonest due win.
    static let drawnMax = 300
    /// Where along the chord a message just sent and one about to arrive sit: kept off
    /// the end points so the node marks (drawn over everything) never hide a glyph.
    static let endMargin = 0.12

    /// Placed messages, soonest due first.
    private(set) var placed: [Placed] = []
    /// Messages in flight, drawn or not.
    let total: Int
    /// Messages in flight beyond `drawnMax` (the panel says "+N more").
    var notDrawn: Int { max(0, total - min(total, Self.drawnMax)) }

    init(world: World, scene: RingScene) {
        total = world.inFlightCount
        guard total > 0, scene.isDrawable else { return }
        let now = world.time
        for packet in world.inFlightPackets(limit: Self.drawnMax) {
            // A message to itself, or one whose end is outside a zoomed arc, has no chord.
            guard packet.from != packet.to, let from = scene.dot(of: packet.from), let to = scene.dot(of: packet.to)
            else { continue }
            let progress = Self.progress(now: now, sentAt: packet.sentAt, due: packet.due)
            let along = Self.endMargin + (1 - 2 * Self.endMargin) * progress
            let x = Double(from.x) + Double(to.x - from.x) * along
            let y = Double(from.y) + Double(to.y - from.y) * along
            let cell = scene.cell(of: (Int(x.rounded()), Int(y.rounded())))
            placed.append(Placed(id: packet.id, kind: Self.kind(of: packet.payload), progress: progress, cell: cell))
        }
    }

    /// (now − sentAt) / (due − sentAt), clamped to 0...1; a zero-latency message is halfway.
    static func progress(now: VirtualTime, sentAt: VirtualTime, due: VirtualTime) -> Double {
        guard due > sentAt else { return 0.5 }
        let elapsed = now > sentAt ? Double(now - sentAt) : 0
        return min(1, max(0, elapsed / Double(due - sentAt)))
    }

    static func kind(of payload: WorldMessage) -> MessageProtocol {
        switch payload {
        case .chord: .chord
        case .bayou: .bayou
        case .store: .store
        }
    }

    /// A different shape per protocol as well as a colour: a projector may wash colours out.
    static func glyph(_ kind: MessageProtocol, _ glyphs: Glyphs) -> Character {
        switch kind {
        // Not `o`, the ASCII ring's stored key: the two looked alike.
        case .chord: glyphs.isUnicode ? "•" : "#"
        case .bayou: glyphs.isUnicode ? "◆" : "%"
        case .store: glyphs.isUnicode ? "■" : "&"
        }
    }

    /// Draws every placed message into `grid`, within `clip`.
    func render(into grid: inout Grid, clip: Rect, glyphs: Glyphs) {
        for message in placed {
            grid.put(Self.glyph(message.kind, glyphs), x: message.cell.x, y: message.cell.y,
                     style: Style(message.kind.role, bold: true), clip: clip)
        }
    }
}
