import RingsideSimulation
import Testing
@testable import RingsideUI

/// User test at 100×30: a get's replies and the coordinator's conclusion were cut from
/// the store view with no mark. A cut says how many lines it hides and keeps the newest.
@Suite struct StorePanelCutTests {
    @Test func aCutGetSaysHowManyLinesAreHiddenAndKeepsItsConclusion() throws {
        var (frontEnd, _) = try Fixtures.demo()
        for line in ["store-mode dynamo", "replication 3", "quorum 2 2", "put cart milk from 10",
                     "put cart eggs from 60", "get cart from 90"] {
            frontEnd.runCommand(line)
        }
        frontEnd.runCommand("focus store")
        let size = Size(width: 100, height: 30)
        let panel = frontEnd.screen(size).filter { $0.hasPrefix("\u{2502}") }
        #expect(panel.contains { $0.contains("\u{2026}") && $0.contains(" more") }, "\(panel.joined(separator: "\n"))")
        #expect(panel.contains { $0.contains("replies") && $0.contains("concurrent") }, "\(panel.joined(separator: "\n"))")
    }

    /// At 80×24 the nodes filled the rows and the put's own line and its quorum count were
    /// cut (user test); the message lines give way first.
    @Test func at80x24ThePutAndItsQuorumStay() throws {
        var frontEnd = try StorePanelTests.scenario("sloppy-quorum-dynamo.ringside", until: "B writes v2")
        let size = Size(width: 80, height: 24)
        var seen: [String] = []
        for _ in 0..<60 {
            frontEnd.press(.character("n"), size: size)
            let panel = frontEnd.screen(size).filter { $0.hasPrefix("\u{2502}") }
            guard panel.contains(where: { $0.contains("put 25 v2 from B") }) else { continue }
            seen = panel
            if panel.contains(where: { $0.contains("W=2: asked") && $0.contains("succeeded") }) { break }
        }
        #expect(seen.contains { $0.contains("W=2: asked") && $0.contains("succeeded") }, "\(seen.joined(separator: "\n"))")
        #expect(seen.contains { $0.contains("Preference list") }, "\(seen.joined(separator: "\n"))")
    }

    @Test func stackedCutsMessagesFirstThenNodes() {
        let left = (1...4).map { [Span("node \($0)")] }
        let right = [[Span("put k v")], [Span("W=2 succeeded")]] + (1...5).map { [Span("m\($0)")] }
        let text = { (rows: Int) in
            StorePanel.stacked(left, right, summaryRows: 2, rows: rows, glyphs: .unicode).map { $0.map(\.text).joined() }
        }
        #expect(text(10) == ["node 1", "node 2", "node 3", "node 4", "", "put k v", "W=2 succeeded", "m1", "  \u{2026} 3 more", "m5"])
        #expect(text(5) == ["node 1", "  \u{2026} 3 more", "put k v", "W=2 succeeded", "  \u{2026} 5 more"])
        #expect(text(20).count == 12)
    }

    @Test func fittedLinesKeepTheFirstAndTheLast() {
        let lines = (1...6).map { [Span("line \($0)")] }
        let texts = StorePanel.fitted(lines, rows: 4, glyphs: .unicode).map { $0.map(\.text).joined() }
        #expect(texts == ["line 1", "line 2", "  \u{2026} 3 more", "line 6"])
        #expect(StorePanel.fitted(lines, rows: 6, glyphs: .unicode).count == 6)
        #expect(StorePanel.fitted(lines, rows: 2, glyphs: .unicode).map { $0.map(\.text).joined() } == ["line 1", "  \u{2026} 5 more"])
    }
}
