import RingsideSimulation
import Testing
@testable import RingsideUI

/// User test at 100×30: a get's replies and the coordinator's conclusion were cut from
/// the store view with no mark. A cut says how many lines it hides and keeps the newest.
@Suite struct StorePanelCutTests {
    private func command(_ frontEnd: inout FrontEnd, _ line: String) {
        frontEnd.press(.character(":"))
        frontEnd.type(line)
        frontEnd.press(.enter)
        frontEnd.press(.character("N"))
    }

    @Test func aCutGetSaysHowManyLinesAreHiddenAndKeepsItsConclusion() throws {
        var (frontEnd, _) = try Fixtures.demo()
        for line in ["store-mode dynamo", "replication 3", "quorum 2 2", "put cart milk from 10",
                     "put cart eggs from 60", "get cart from 90"] {
            command(&frontEnd, line)
        }
        command(&frontEnd, "focus store")
        let size = Size(width: 100, height: 30)
        let panel = frontEnd.screen(size).filter { $0.hasPrefix("\u{2502}") }
        #expect(panel.contains { $0.contains("\u{2026}") && $0.contains(" more") }, "\(panel.joined(separator: "\n"))")
        #expect(panel.contains { $0.contains("replies") && $0.contains("concurrent") }, "\(panel.joined(separator: "\n"))")
    }

    @Test func fittedLinesKeepTheFirstAndTheLast() {
        let lines = (1...6).map { [Span("line \($0)")] }
        let texts = StorePanel.fitted(lines, rows: 4, glyphs: .unicode).map { $0.map(\.text).joined() }
        #expect(texts == ["line 1", "line 2", "  \u{2026} 3 more", "line 6"])
        #expect(StorePanel.fitted(lines, rows: 6, glyphs: .unicode).count == 6)
        #expect(StorePanel.fitted(lines, rows: 2, glyphs: .unicode).map { $0.map(\.text).joined() } == ["line 1", "  \u{2026} 5 more"])
    }
}
