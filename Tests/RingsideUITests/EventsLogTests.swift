import RingsideSimulation
import Testing
@testable import RingsideUI

/// The events log's history (issue 8, item 7): scrolling, search, the maintenance filter.
@Suite struct EventsLogTests {
    static let size = Size(width: 120, height: 40)

    private func events(_ frontEnd: FrontEnd) -> [String] {
        let layout = ScreenLayout(size: Self.size, bits: frontEnd.model.world.space.bits)
        return frontEnd.render(size: Self.size, glyphs: .unicode).text(in: layout.events)
    }

    /// The lecture ring after three lookups: more lines than the panel shows.
    private func busy() throws -> FrontEnd {
        var (frontEnd, _) = try Fixtures.scripted("""
            bits 7
            add 10 32 60 90 105 120
            lookup 15 from 90
            lookup 100 from 10
            lookup 70 from 32
            say done
            """)
        for _ in 0..<100 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
        }
        return frontEnd
    }

    @Test func pageUpShowsOlderLinesAndPageDownComesBack() throws {
        var frontEnd = try busy()
        let newest = events(frontEnd)
        #expect(!newest.joined().contains("lookup 15 from 90"))
        for _ in 0..<6 where !events(frontEnd).joined().contains("lookup 15 from 90") { frontEnd.press(.pageUp) }
        #expect(frontEnd.model.eventsScroll > 0)
        #expect(events(frontEnd).joined().contains("lookup 15 from 90"))
        #expect(events(frontEnd).first?.contains("lines back") == true)
        for _ in 0..<10 { frontEnd.press(.pageDown) }
        #expect(frontEnd.model.eventsScroll == 0)
        #expect(events(frontEnd) == newest)
    }

    /// User test: one line back read `↑1 lines back`.
    @Test func oneLineBackIsSingular() throws {
        var model = try busy().model
        for (back, text) in [(1, "\u{2191}1 line back"), (2, "\u{2191}2 lines back")] {
            model.eventsScroll = back
            var grid = Grid(width: 120, height: 8)
            EventsPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
            let title = grid.lines()[0]
            #expect(title.contains(text) && !title.contains("1 lines"), "\(title)")
        }
    }

    /// User test: after PgUp a typed command's echo and error stayed out of view.
    @Test func aNewCommandShowsTheNewestEvents() throws {
        var frontEnd = try busy()
        for _ in 0..<3 { frontEnd.press(.pageUp) }
        #expect(frontEnd.model.eventsScroll > 0)
        frontEnd.press(.character(":"))
        frontEnd.type("lookup 15 from 33")
        frontEnd.press(.enter)
        #expect(frontEnd.model.eventsScroll == 0)
        #expect(events(frontEnd).joined().contains("node 33 does not exist"))
        frontEnd.press(.pageUp)
        frontEnd.press(.character("s"))
        #expect(frontEnd.model.eventsScroll == 0)
        #expect(events(frontEnd).joined().contains("\u{203A} stabilize"))
    }

    @Test func pageUpStopsAtTheOldestLine() throws {
        var frontEnd = try busy()
        for _ in 0..<50 { frontEnd.press(.pageUp) }
        let top = frontEnd.model.eventsScroll
        frontEnd.press(.pageUp)
        #expect(frontEnd.model.eventsScroll == top)
        #expect(events(frontEnd).joined().contains("bits 7") || events(frontEnd).joined().contains("add 10"))
    }

    @Test func searchShowsTheNewestMatchAndEnterOrNGoesOlder() throws {
        var frontEnd = try busy()
        frontEnd.press(.character("/"))
        frontEnd.type("lookup")
        frontEnd.press(.enter)
        #expect(frontEnd.model.overlay == .search)
        #expect(frontEnd.model.eventsSearch == "lookup")
        let first = frontEnd.model.eventsScroll
        #expect(frontEnd.model.status?.text.contains("match 1 of") == true)
        frontEnd.press(.enter)
        let second = frontEnd.model.eventsScroll
        #expect(second > first)
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.eventsScroll > second)
        #expect(frontEnd.model.status?.text.contains("match 3 of") == true)
        // n still steps in search mode: it is not the next match.
        #expect(KeyMap.default.action(for: .character("n"), in: .search) == nil)
        // The matching line is marked.
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        let layout = ScreenLayout(size: Self.size)
        var marked = false
        for y in layout.events.minY..<layout.events.maxY {
            for x in layout.events.minX..<layout.events.maxX where grid[x: x, y: y]?.style == Style.highlight { marked = true }
        }
        #expect(marked)
        frontEnd.press(.escape)
        #expect(frontEnd.model.overlay == nil)
        #expect(frontEnd.model.eventsSearch == nil)
        #expect(frontEnd.model.eventsScroll == 0)
    }

    @Test func searchWithoutAMatchSaysSo() throws {
        var frontEnd = try busy()
        frontEnd.press(.character("/"))
        frontEnd.type("no such text")
        frontEnd.press(.enter)
        #expect(frontEnd.model.status?.isError == true)
        #expect(frontEnd.model.eventsScroll == 0)
    }

    /// Plays an idle ring for 8 s of ticks (maintenance rounds run), then pauses and
    /// finishes what is under way.
    static func playMaintenanceRounds(_ frontEnd: inout FrontEnd) {
        frontEnd.press(.space)
        var now: Int64 = 0
        for _ in 0..<80 {
            now += 100
            frontEnd.handle(.tick, size: size, now: now)
        }
        frontEnd.press(.space)
        frontEnd.press(.character("N"))
    }

    /// F hides what play mode's maintenance did, and shows a user's own stabilize.
    @Test func filterHidesPeriodicMaintenance() throws {
        var (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32 60 90")
        frontEnd.press(.character(":"))
        frontEnd.type("stabilize 10")
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
        // Play on an idle ring: maintenance runs.
        Self.playMaintenanceRounds(&frontEnd)
        #expect(frontEnd.model.notes.contains { $0.origin == .maintenance })
        let all = EventsPanel(model: frontEnd.model, glyphs: .unicode).allLines().map(\.text)
        frontEnd.press(.character("F"))
        #expect(frontEnd.model.hidesMaintenance)
        let filtered = EventsPanel(model: frontEnd.model, glyphs: .unicode).allLines().map(\.text)
        #expect(filtered.count < all.count)
        #expect(filtered.contains("\u{203A} stabilize 10"))
        #expect(filtered.contains { $0.hasPrefix("10: stabilize") })
        #expect(!filtered.contains { $0.hasPrefix("\u{203A} check-predecessor") })
        #expect(!filtered.contains { $0.hasPrefix("32: stabilize") })
        #expect(events(frontEnd).first?.contains("maintenance hidden") == true)
        frontEnd.press(.character("F"))
        #expect(EventsPanel(model: frontEnd.model, glyphs: .unicode).allLines().map(\.text) == all)
    }

    /// User test: F hid maintenance but left its `… fix-fingers (queued: …)` and
    /// `… check-predecessor (queued: …)` lines; a user's queued command stays.
    @Test func filterHidesMaintenanceWaitingItsTurn() throws {
        var (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32 60 90")
        for line in ["stabilize 10", "lookup 15 from 32"] {
            frontEnd.press(.character(":"))
            frontEnd.type(line)
            frontEnd.press(.enter)
        }
        frontEnd.press(.character("N"))
        Self.playMaintenanceRounds(&frontEnd)
        func queued(_ lines: [String]) -> [String] { lines.filter { $0.contains("(queued:") } }
        let all = queued(EventsPanel(model: frontEnd.model, glyphs: .unicode).allLines().map(\.text))
        #expect(all.contains { $0.hasPrefix("\u{2026} fix-fingers") })
        frontEnd.press(.character("F"))
        let filtered = queued(EventsPanel(model: frontEnd.model, glyphs: .unicode).allLines().map(\.text))
        #expect(filtered.count == 1 && filtered.first?.hasPrefix("\u{2026} lookup 15 from 32") == true, "\(filtered)")
    }
}
