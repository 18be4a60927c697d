import RingsideSimulation
import Testing
@testable import RingsideUI

/// A node that left gracefully is not drawn as crashed: `✕` is "crashed; its keys are
/// lost", while `leave` hands its keys to its successor.
@Suite struct DepartedNodeTests {
    @Test func aNodeThatLeftHasItsOwnMarkAndWords() throws {
        var (frontEnd, _) = try Fixtures.scripted(Fixtures.lectureRing.joined(separator: "\n") + "\nprimary 10\n", selecting: "32")
        frontEnd.press(.character("L"))
        frontEnd.press(.character("N"))
        let node = try #require(frontEnd.model.world.state.index(ofName: "N32"))
        #expect(!frontEnd.model.world.state.isAlive(node))
        #expect(frontEnd.model.world.hasLeft(node))
        let screen = frontEnd.screen()
        #expect(screen[0].contains("5 live \u{00B7} 1 left"), "\(screen[0])")
        #expect(!screen[0].contains("down"))
        #expect(screen.contains { $0.contains("\u{2296} 32") || $0.contains("32 \u{2296}") })
        #expect(!screen.contains { $0.contains("\u{2715} 32") || $0.contains("32 \u{2715}") })
        #expect(screen.contains { $0.contains("N32 left") })
        let legend = Legend.entries(glyphs: .unicode)
        #expect(legend.contains { $0.sample.map(\.text).joined() == "\u{2296}" && $0.meaning.contains("left gracefully") })
    }

    @Test func aCrashedNodeIsStillDown() throws {
        var (frontEnd, _) = try Fixtures.scripted(Fixtures.lectureRing.joined(separator: "\n") + "\n", selecting: "32")
        frontEnd.press(.character("x"))
        let screen = frontEnd.screen()
        #expect(screen[0].contains("5 live \u{00B7} 1 down"), "\(screen[0])")
        #expect(screen.contains { $0.contains("\u{2715} 32") || $0.contains("32 \u{2715}") })
    }
}
