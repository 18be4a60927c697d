import RingsideSimulation
import Testing
@testable import RingsideUI

/// The space-time view on whole screens: golden screens at a projector's 80×24, a
/// laptop's 120×40 and a large 200×60, the `v` key, and tiny sizes.
@Suite struct SpaceTimeScreenTests {
    /// The demo's lecture ring with Bayou replicas: a write and a session, the lookup of
    /// 15, then a lookup of 100 whose first hop is dropped by hand and re-routed after
    /// the timeout, its next hop in flight.
    static func scenario() throws -> FrontEnd {
        let script = """
            bits 7
            seed 1
            add P=10 A=32 B=60 90 105 120
            primary P
            write A put x 1
            sync A B
            lookup 15 from 90
            """
        var (frontEnd, _) = try Fixtures.scripted(script, selecting: nil)
        for _ in 0..<6 where !(frontEnd.model.world.isIdle && frontEnd.model.scriptRemaining == 0) {
            frontEnd.press(.character("N"))
        }
        frontEnd.press(.character(":"))
        frontEnd.type("lookup 100 from 32")
        frontEnd.press(.enter)
        frontEnd.press(.character("n"))
        let first = try #require(frontEnd.model.digest.next)
        frontEnd.press(.character(":"))
        frontEnd.type("drop m\(first.id)")
        frontEnd.press(.enter)
        // The timeout, then the re-routed hop is sent.
        frontEnd.press(.character("n"))
        frontEnd.select("32")
        frontEnd.press(.character("v"))
        return frontEnd
    }

    @Test func spaceTime80x24() throws {
        let lines = try Self.scenario().screen(Size(width: 80, height: 24))
        #expect(lines.first?.contains("Space-time") == true)
        Snapshot.assert(lines, matches: Snapshots.spaceTime80x24, named: "spaceTime80x24")
    }

    @Test func spaceTime120x40() throws {
        let lines = try Self.scenario().screen(Size(width: 120, height: 40))
        Snapshot.assert(lines, matches: Snapshots.spaceTime120x40, named: "spaceTime120x40")
    }

    @Test func spaceTime200x60() throws {
        let lines = try Self.scenario().screen(Size(width: 200, height: 60))
        Snapshot.assert(lines, matches: Snapshots.spaceTime200x60, named: "spaceTime200x60")
    }

    @Test func vCyclesBetweenTheRingAndTheDiagram() throws {
        var frontEnd = try Self.scenario()
        #expect(frontEnd.model.mainView == .spaceTime)
        frontEnd.press(.character("v"))
        #expect(frontEnd.model.mainView == .convergence)
        #expect(frontEnd.screen().first?.contains("Convergence") == true)
        frontEnd.press(.character("v"))
        #expect(frontEnd.model.mainView == .store)
        #expect(frontEnd.screen().first?.contains("Store") == true)
        frontEnd.press(.character("v"))
        #expect(frontEnd.model.mainView == .ring)
        #expect(frontEnd.screen().first?.contains("Ring") == true)
        frontEnd.press(.character("v"))
        #expect(frontEnd.screen().first?.contains("Space-time") == true)
    }

    @Test func helpListsTheKey() {
        let binding = KeyMap.default.binding(for: .cycleView)
        #expect(binding?.keys == [.character("v")])
        var grid = Grid(width: 120, height: 40)
        HelpOverlay(keyMap: .default, scroll: 0, notes: []).render(into: &grid, area: grid.area)
        #expect(grid.lines().contains { $0.contains("space-time diagram") })
    }

    @Test func protocolsHaveTheirColours() throws {
        let frontEnd = try Self.scenario()
        let grid = frontEnd.render(size: Size(width: 200, height: 60), glyphs: .unicode)
        let roles = grid.roles(in: ScreenLayout(size: grid.size).main)
        #expect(roles.isSuperset(of: [.accent, .committed, .error, .warning, .selected]))
    }

    @Test func noTrapAtAnySizeAndAsciiStaysAscii() throws {
        OddSizes.check(try Self.scenario()) { model, glyphs, grid in
            SpaceTimePanel(model: model, glyphs: glyphs).render(into: &grid, area: grid.area)
        }
    }

    /// The benchmark's 2,000-node ring: the columns that fit, in ring order, the rest counted.
    @Test func aRingOfTwoThousandNodes() {
        let model = UIBenchmark.model(nodes: 2000, view: .spaceTime)
        let grid = AppView.render(model, size: Size(width: 200, height: 60), glyphs: .unicode)
        let diagram = SpaceTimeDiagram(model: model, size: Size(width: 196, height: 44))
        let shown = diagram.columns.columns.map(\.node)
        #expect(shown.count > 10)
        #expect(grid.lines()[0].contains("\(shown.count) of 2000 nodes (\(2000 - shown.count) hidden)"))
        #expect(shown.contains(model.selection!))
        #expect(shown.map { model.world.state.id($0) } == shown.map { model.world.state.id($0) }.sorted())
        #expect((20...43).contains(diagram.rows.count))
        #expect(diagram.arrows.count > 10)
    }

    @Test func anEmptyWorldSaysWhatToDo() {
        var model = AppModel()
        model.mainView = .spaceTime
        let lines = AppView.render(model, size: Size(width: 80, height: 24), glyphs: .unicode).trimmed
        #expect(lines.first?.contains("Space-time · 0 nodes") == true)
    }
}
