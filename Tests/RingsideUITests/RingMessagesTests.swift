import RingsideSimulation
import Testing
@testable import RingsideUI

/// In-flight messages on the ring: each on its chord, as far along as virtual time has
/// carried it, in its protocol's colour; bounded on a big ring.
@Suite struct RingMessagesTests {
    /// The lecture ring with replicas and the store: a lookup, an anti-entropy session and
    /// a put all on the wire at once, a few messages delivered (run on a world directly:
    /// the front end's script runner finishes async commands before the next statement).
    static let lines = [
        "bits 7", "seed 1", "add P=10 A=32 B=60 90 105 120", "primary P", "write A put x 1",
        "async put color red from 105", "step 3",
        "async lookup 100 from 32", "async sync A B", "step 1",
    ]

    static func scenario(extra: [String] = []) throws -> AppModel {
        try Fixtures.model(lines + extra, selecting: "32")
    }

    static func placed(_ model: AppModel, size: Size = Size(width: 46, height: 22)) -> (RingScene, RingMessages) {
        let scene = RingScene(model: model, area: RingPanel.canvasArea(in: Rect(x: 0, y: 0, width: size.width, height: size.height)), glyphs: .unicode)
        return (scene, RingMessages(world: model.world, scene: scene))
    }

    @Test func everyProtocolIsOnItsChord() throws {
        let model = try Self.scenario()
        let (scene, messages) = Self.placed(model)
        #expect(messages.total == model.world.inFlightCount)
        #expect(messages.total > 2)
        #expect(Set(messages.placed.map(\.kind)) == [.chord, .bayou, .store])
        let packets = Dictionary(uniqueKeysWithValues: model.world.inFlightPackets(limit: 100).map { ($0.id, $0) })
        for message in messages.placed {
            let packet = try #require(packets[message.id])
            #expect((0...1).contains(message.progress))
            // Inside the box spanned by the sender's and the receiver's cells.
            let fromDot = try #require(scene.dot(of: packet.from)), toDot = try #require(scene.dot(of: packet.to))
            let a = scene.cell(of: fromDot), b = scene.cell(of: toDot)
            #expect((min(a.x, b.x)...max(a.x, b.x)).contains(message.cell.x))
            #expect((min(a.y, b.y)...max(a.y, b.y)).contains(message.cell.y))
        }
    }

    @Test func progressIsTheFractionOfTheLatencyElapsed() {
        #expect(RingMessages.progress(now: 10, sentAt: 10, due: 20) == 0)
        #expect(RingMessages.progress(now: 15, sentAt: 10, due: 20) == 0.5)
        #expect(RingMessages.progress(now: 20, sentAt: 10, due: 20) == 1)
        #expect(RingMessages.progress(now: 5, sentAt: 10, due: 20) == 0)
        #expect(RingMessages.progress(now: 30, sentAt: 10, due: 20) == 1)
        #expect(RingMessages.progress(now: 7, sentAt: 7, due: 7) == 0.5)
    }

    /// A message still on the wire after the next delivery has moved on along its chord.
    @Test func messagesMoveAsVirtualTimeAdvances() throws {
        let model = try Self.scenario()
        let before = Dictionary(uniqueKeysWithValues: Self.placed(model).1.placed.map { ($0.id, $0.progress) })
        let later = try Self.scenario(extra: ["step 2"])
        #expect(later.world.time > model.world.time)
        let after = Self.placed(later).1.placed.filter { before[$0.id] != nil }
        #expect(!after.isEmpty)
        for message in after { #expect(message.progress >= before[message.id]!) }
        #expect(after.contains { $0.progress > before[$0.id]! })
    }

    @Test func coloursAndShapesByProtocol() throws {
        let model = try Self.scenario()
        var grid = Grid(width: 46, height: 22)
        RingPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
        var roles: [Character: Set<Role>] = [:]
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                guard let cell = grid[x: x, y: y], "•◆■".contains(cell.character) else { continue }
                roles[cell.character, default: []].insert(cell.style.role)
            }
        }
        #expect(roles["•"] == [.accent])
        #expect(roles["◆"] == [.committed])
        #expect(roles["■"] == [.tentative])
    }

    /// Stabilizing a 2,000-node ring puts thousands on the wire: a few hundred are drawn
    /// and the title counts the rest.
    @Test func aBigRingDrawsABoundedNumber() throws {
        var world = UIBenchmark.randomRing(nodes: 2000)
        // Lookups from 400 nodes at once, each with its first hop on the wire.
        let live = world.state.liveRing.nodes
        for i in 0..<400 {
            _ = try world.execute(line: "async lookup key\(i) from \(world.commandReference(live[i * 5]))")
        }
        _ = try world.execute(line: "step 50")
        #expect(world.inFlightCount > RingMessages.drawnMax)
        let model = AppModel(world: world)
        let (_, messages) = Self.placed(model, size: Size(width: 120, height: 40))
        #expect(messages.placed.count <= RingMessages.drawnMax)
        #expect(messages.placed.count > RingMessages.drawnMax / 2)
        #expect(messages.notDrawn == world.inFlightCount - RingMessages.drawnMax)
        let lines = AppView.render(model, size: Size(width: 200, height: 60), glyphs: .unicode).trimmed
        #expect(lines[0].contains("+\(messages.notDrawn) more msgs"))
    }

    static func screen(_ size: Size) throws -> [String] {
        AppView.render(try scenario(), size: size, glyphs: .unicode).trimmed
    }

    @Test func ringWithMessages80x24() throws {
        let lines = try Self.screen(Size(width: 80, height: 24))
        Snapshot.assert(lines, matches: Snapshots.ringMessages80x24, named: "ringMessages80x24")
    }

    @Test func ringWithMessages120x40() throws {
        let lines = try Self.screen(Size(width: 120, height: 40))
        Snapshot.assert(lines, matches: Snapshots.ringMessages120x40, named: "ringMessages120x40")
    }

    @Test func ringWithMessages200x60() throws {
        let lines = try Self.screen(Size(width: 200, height: 60))
        Snapshot.assert(lines, matches: Snapshots.ringMessages200x60, named: "ringMessages200x60")
    }

    @Test func noTrapAtAnySize() throws {
        let model = try Self.scenario()
        for (width, height) in [(0, 0), (1, 1), (2, 2), (3, 3), (5, 4), (9, 7), (20, 10), (300, 8), (40, 100)] {
            for glyphs in [Glyphs.unicode, .ascii] {
                var grid = Grid(width: width, height: height)
                RingPanel(model: model, glyphs: glyphs).render(into: &grid, area: grid.area)
                #expect(grid.lines().allSatisfy { TextWidth.of($0) == width })
                if !glyphs.isUnicode { #expect(grid.lines().joined().allSatisfy { $0.isASCII }) }
            }
        }
    }
}
