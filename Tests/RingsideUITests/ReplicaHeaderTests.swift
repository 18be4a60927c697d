import RingsideSimulation
import Testing
@testable import RingsideUI

/// The replica block's header lets a student predict the next stamp, and a cut version
/// vector counts the replicas it leaves out (user test, items 2 and 5).
@Suite struct ReplicaHeaderTests {
    /// B's clock stays 1 after a session brings P's write stamped 7; its next write is 8.
    @Test func theHeaderShowsTheNextStampWhenItIsNotClockPlusOne() throws {
        let script = "bits 7\nadd P=10 A=32 B=60\nprimary P\nwrite B put X 1\nwrite P put Y 2 at 7"
        var (frontEnd, _) = try Fixtures.scripted(script, selecting: "60")
        frontEnd.press(.character("N"))
        let before = BayouPanelFitTests.bayouRows(frontEnd, Size(width: 100, height: 30)).joined(separator: "\n")
        #expect(before.contains("B 60  clock 1") && !before.contains("next"), "\(before)")
        frontEnd.runCommand("sync P B")
        let after = BayouPanelFitTests.bayouRows(frontEnd, Size(width: 100, height: 30)).joined(separator: "\n")
        #expect(after.contains("B 60  clock 1 \u{00B7} next 8"), "\(after)")
        for size in [Size(width: 80, height: 24), Size(width: 100, height: 30)] {
            let rows = BayouPanelFitTests.bayouRows(frontEnd, size)
            #expect(rows.contains { $0.contains("next 8") }, "\(size): \(rows.joined(separator: "\n"))")
        }
        frontEnd.runCommand("write B put Z 3")
        let world = frontEnd.model.world
        let view = world.bayouView(of: try #require(world.state.index(ofName: "B")))
        #expect(view.log.last?.timestamp == 8)
    }

    @Test func aCutVectorCountsTheReplicasLeftOut() {
        let entries = ["B:5", "others:0"]
        #expect(ReplicaBlock.pack(entries, counts: [1, 5], rows: 1, width: 6) == ["B:5 +5"])
        #expect(ReplicaBlock.pack(entries, counts: [1, 5], rows: 1, width: 12) == ["B:5 others:0"])
    }

    /// The demo at 100×30: B's block read `B:5 +1` for five zero entries.
    @Test func theDemosCutVectorIsCountedInReplicas() throws {
        let (frontEnd, _) = try Fixtures.demo()
        let rows = BayouPanelFitTests.bayouRows(frontEnd, Size(width: 100, height: 30))
        #expect(!rows.contains { $0.contains(" +1 ") || $0.hasSuffix(" +1") }, "\(rows.joined(separator: "\n"))")
    }

    @Test func asciiTellsAStoredKeyFromAChordMessage() {
        #expect(String(RingMessages.glyph(.chord, .ascii)) != Glyphs.ascii.hollow)
    }
}

/// The legend's version-vector entry broke after `all:` at 80 columns (`… (all:` / `0 …`).
@Suite struct LegendWrapTests {
    @Test func noLegendLineEndsInAColonBeforeItsNumber() {
        let lines = HelpOverlay(notes: AppView.helpNotes, commands: AppView.helpCommands)
            .contentLines(width: 76).map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }
        #expect(!lines.contains { $0.hasSuffix("all:") || $0.hasSuffix("others:") }, "\(lines.filter { $0.contains("all:") })")
    }
}

/// User test at 200×60: A's block listed `P:0 A:12 B:0 N90:0 / N105:0 N120:0` beside P's
/// `P: 7 / others: 0` and N105's `all: 0`. Blocks that can fold zeros all fold them or
/// none does.
@Suite struct VectorNotationTests {
    @Test(arguments: [(200, 60), (160, 45), (120, 40), (100, 30)])
    func neighbouringBlocksWriteZerosAlike(width: Int, height: Int) throws {
        let (frontEnd, _) = try Fixtures.demo()
        let rows = BayouPanelFitTests.bayouRows(frontEnd, Size(width: width, height: height))
        let text = rows.joined(separator: "\n")
        let folds = text.contains("others") || text.contains("all:")
        let lists = text.contains("N105:0") || text.contains("N105: 0")
        #expect(!(folds && lists), "\(width)x\(height):\n\(text)")
    }
}
