import RingsideSimulation
import Testing
@testable import RingsideUI

/// The space-time diagram's view model on real scripts played by the inline engine.
@Suite struct SpaceTimeDiagramTests {
    static let size = Size(width: 116, height: 30)
    static let lectureRing = "bits 7\nadd 10 32 60 90 105 120\n"

    /// Plays `script` and finishes every command (`N` until the script has ended).
    static func played(_ script: String, seed: UInt64 = 0) throws -> FrontEnd {
        var (frontEnd, _) = try Fixtures.scripted(script, seed: seed)
        for _ in 0..<20 where !(frontEnd.model.world.isIdle && frontEnd.model.scriptRemaining == 0) {
            frontEnd.press(.character("N"))
        }
        return frontEnd
    }

    static func diagram(_ frontEnd: FrontEnd, size: Size = size) -> SpaceTimeDiagram {
        SpaceTimeDiagram(model: frontEnd.model, size: size)
    }

    /// "90 → 10 find_successor delivered" for each arrow, by node ids.
    static func routes(_ diagram: SpaceTimeDiagram, _ world: World) -> [String] {
        diagram.arrows.map { arrow in
            let from = world.commandReference(diagram.columns.columns[arrow.from].node)
            let to = world.commandReference(diagram.columns.columns[arrow.to].node)
            return "\(from) → \(to) \(arrow.type) \(arrow.ending)"
        }
    }

    @Test func lectureLookupIsThreeArrowsHopByHop() throws {
        let frontEnd = try Self.played(Self.lectureRing + "lookup 15 from 90\n")
        let diagram = Self.diagram(frontEnd)
        let world = frontEnd.model.world
        #expect(diagram.columns.columns.map { world.commandReference($0.node) } == ["10", "32", "60", "90", "105", "120"])
        #expect(diagram.columns.hiddenCount == 0)
        #expect(Self.routes(diagram, world) == [
            "90 → 10 find_successor delivered",
            "10 → 32 find_successor delivered",
            "32 → 90 find_successor_reply delivered",
        ])
        // Each arrow goes down: its send row is above its delivery row.
        #expect(diagram.arrows.allSatisfy { ($0.sendRow ?? -1) < $0.endRow })
        #expect(diagram.arrows.allSatisfy { $0.kind == .chord })
        let texts = diagram.rows.map(\.text)
        #expect(texts.contains { $0.contains("90: 15 ∉ (90,105] → forward to closest preceding finger 10") })
        #expect(texts.contains { $0.contains("10: 15 ∈ (10,32] → successor 32 owns it") })
        #expect(texts.last?.contains("90: lookup(15) → 32 after 2 hops") == true)
        #expect(diagram.rows.contains { $0.kind == .command && $0.text == "› lookup 15 from 90" })
        // Time runs downwards and empty time takes no rows.
        #expect(diagram.rows.map(\.time) == diagram.rows.map(\.time).sorted())
        #expect(diagram.rows.count < 12)
    }

    @Test func joinAndStabilize() throws {
        let frontEnd = try Self.played("bits 7\nadd 10 32 60 90\njoin 50 via 10\nstabilize\n")
        let diagram = Self.diagram(frontEnd, size: Size(width: 116, height: 80))
        let routes = Self.routes(diagram, frontEnd.model.world)
        #expect(diagram.columns.columns.count == 5)
        #expect(routes.contains("50 → 10 find_successor delivered"))
        #expect(routes.contains("60 → 50 find_successor_reply delivered"))
        #expect(routes.contains("10 → 32 get_predecessor delivered"))
        #expect(routes.contains("32 → 10 predecessor_reply delivered"))
        #expect(routes.contains("50 → 60 notify delivered"))
        #expect(diagram.rows.contains { $0.text.contains("50: successor := 60") })
    }

    @Test func bayouSessionIsGreenAndBundled() throws {
        let frontEnd = try Self.played("bits 7\nadd P=10 A=32 B=60\nprimary P\nwrite A put x 1\nwrite A put y 2\nsync A B\n")
        let diagram = Self.diagram(frontEnd)
        let routes = Self.routes(diagram, frontEnd.model.world)
        #expect(Array(routes.prefix(4)) == [
            "60 → 32 anti_entropy_request delivered",
            "32 → 60 anti_entropy_write delivered",
            "32 → 60 anti_entropy_write delivered",
            "32 → 60 anti_entropy_end delivered",
        ])
        #expect(diagram.arrows.allSatisfy { $0.kind == .bayou })
        // The writes accepted at A are notes on A's lifeline.
        #expect(diagram.marks.filter { $0.kind == .note }.count == 2)
        #expect(diagram.rows.contains { $0.text.contains("A: accepted ∞:1:A w(x,1)") })
        // Three items sent at once, each on its own row, all in flight together.
        let items = diagram.arrows[1...3]
        #expect(Set(items.compactMap(\.sendRow)).count == 3)
        #expect(items.allSatisfy { $0.sendRow! < items.first!.endRow })
    }

    @Test func droppedMessageEndsInACrossAndTheSenderTimesOut() throws {
        // As headless, the script's `async lookup` starts at once: m1 is in flight when the
        // drop is typed (as `m` then `d` would send it).
        var (frontEnd, _) = try Fixtures.scripted(Self.lectureRing + "async lookup 15 from 90\n")
        frontEnd.press(.character(":"))
        frontEnd.type("drop m1")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        let diagram = Self.diagram(frontEnd)
        let world = frontEnd.model.world
        let routes = Self.routes(diagram, world)
        #expect(routes.first == "90 → 10 find_successor dropped")
        #expect(routes.contains("90 → 120 find_successor delivered"))
        #expect(diagram.rows.contains { $0.text.contains("m1 find_successor ✕ dropped") })
        let timeouts = diagram.marks.filter { $0.kind == .timeout }
        #expect(timeouts.count == 1)
        #expect(timeouts.first.map { world.commandReference(diagram.columns.columns[$0.column].node) } == "90")
        #expect(diagram.rows.contains { $0.text.contains("90: no delivery of m1") })
    }

    @Test func messagesInFlightEndAtTheCurrentTime() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.lectureRing + "lookup 15 from 90\n")
        // The first step starts the lookup begun by the script, the second delivers its first hop.
        frontEnd.press(.character("n"))
        frontEnd.press(.character("n"))
        let diagram = Self.diagram(frontEnd)
        #expect(Self.routes(diagram, frontEnd.model.world) == [
            "90 → 10 find_successor delivered", "10 → 32 find_successor inFlight",
        ])
        #expect(diagram.rows.last?.kind == .now)
        #expect(diagram.rows.last?.text == "now: 1 in flight")
        #expect(diagram.arrows.last?.endRow == diagram.rows.count - 1)
    }

    @Test func goingBackShowsOnlyTheEventsUpToTheCursor() throws {
        var frontEnd = try Self.played(Self.lectureRing + "lookup 15 from 90\n")
        #expect(Self.diagram(frontEnd).arrows.count == 3)
        // Back over the answer's delivery and the second hop's delivery.
        frontEnd.press(.character("u"))
        frontEnd.press(.character("u"))
        let back = Self.diagram(frontEnd)
        #expect(Self.routes(back, frontEnd.model.world) == [
            "90 → 10 find_successor delivered", "10 → 32 find_successor inFlight",
        ])
        #expect(!back.rows.contains { $0.text.contains("after 2 hops") })
        #expect(frontEnd.model.recentEvents.events.allSatisfy { $0.time <= frontEnd.model.world.time })
        // Forward again: the same events as the first time.
        frontEnd.press(.character("U"))
        frontEnd.press(.character("U"))
        #expect(Self.diagram(frontEnd).arrows.count == 3)
    }

    @Test func aNewBranchForgetsTheOldEvents() throws {
        var frontEnd = try Self.played(Self.lectureRing + "lookup 15 from 90\n")
        // Back to before the lookup was begun (bits, add, lookup begun, 4 events).
        for _ in 0..<5 { frontEnd.press(.character("u")) }
        frontEnd.press(.character(":"))
        frontEnd.type("lookup 100 from 10")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        let texts = Self.diagram(frontEnd).rows.map(\.text)
        #expect(!texts.contains { $0.contains("lookup(15) → 32") })
        #expect(texts.contains { $0.contains("lookup(100)") })
    }

    @Test func aBigRingShowsTheNodesTakingPartAndSaysHowManyAreHidden() throws {
        let ids = (0..<40).map { String($0 * 3 + 1) }
        var frontEnd = try Self.played("bits 7\nadd \(ids.joined(separator: " "))\nlookup 64 from 100\n")
        frontEnd.select("7")
        let diagram = Self.diagram(frontEnd, size: Size(width: 76, height: 16))
        let world = frontEnd.model.world
        let shown = diagram.columns.columns.map(\.node)
        #expect(diagram.columns.hiddenCount == 40 - shown.count)
        #expect(diagram.columns.hiddenCount > 0)
        #expect(shown.contains(frontEnd.model.selection!))
        // Ring order, and every hop of the lookup has both its ends shown.
        #expect(shown.map { world.state.id($0) } == shown.map { world.state.id($0) }.sorted())
        #expect(diagram.arrows.count == world.chord.lookups.last!.messages)
        var grid = Grid(width: 80, height: 20)
        SpaceTimePanel(model: frontEnd.model, glyphs: .unicode).render(into: &grid, area: grid.area)
        #expect(grid.lines()[0].contains("of 40 nodes (\(diagram.columns.hiddenCount) hidden)"))
    }

    @Test func onlyTheNewestRowsThatFitAreKept() throws {
        let frontEnd = try Self.played("bits 7\nadd 10 32 60 90\njoin 50 via 10\nstabilize\n")
        let small = Self.diagram(frontEnd, size: Size(width: 116, height: 8))
        let large = Self.diagram(frontEnd, size: Size(width: 116, height: 200))
        #expect(small.rows.count == 7)
        #expect(small.hasEarlier)
        #expect(small.rows == Array(large.rows.suffix(7)))
        // Arrows sent above the first row come in from the top.
        #expect(small.arrows.allSatisfy { $0.endRow >= 0 && $0.endRow < 7 })
        #expect(small.arrows.contains { $0.sendRow == nil })
    }
}
