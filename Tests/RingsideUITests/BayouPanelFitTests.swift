import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// The Bayou panel never shows a log that contradicts its database, never cuts a
/// version vector's number, and never hides a replica there is room for.
@Suite struct BayouPanelFitTests {
    static func bayouRows(_ frontEnd: FrontEnd, _ size: Size) -> [String] {
        let grid = frontEnd.render(size: size, glyphs: .unicode)
        return grid.text(in: AppView.layout(frontEnd.model, size: size).bayou)
    }

    /// 80×24, the demo: P's log gets one row; its newest write follows `↑1` (one write
    /// above it), and its vector follows whole (the demo's five zeros as `others:0`).
    @Test func aOneRowLogSaysEarlierWritesAreAbove() throws {
        let (frontEnd, _) = try Fixtures.demo()
        let rows = Self.bayouRows(frontEnd, Size(width: 80, height: 24))
        #expect(rows.contains { $0.contains("\u{2191}1 \u{221E}:7:P w(Y,8)  P:7 others:0") }, "\(rows)")
        #expect(rows.contains { $0.contains("db X=4 Y=8") })
    }

    /// 160×50, meeting-room-commit: the third column is narrower than A's log and vector
    /// side by side, so the vector goes under the log, whole (an entry per replica); B
    /// shows before it writes.
    @Test func aNarrowColumnStacksTheVectorAndShowsEveryReplica() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Assets/scenarios/meeting-room-commit.ringside"), encoding: .utf8)
        let (frontEnd, _) = try Fixtures.scripted(text, name: "meeting-room-commit.ringside")
        let rows = Self.bayouRows(frontEnd, Size(width: 160, height: 50))
        #expect(rows.contains { $0.contains("vv  P: 0  A: 5  B: 0") }, "\(rows)")
        #expect(!rows.contains { $0.hasSuffix("A:") || $0.contains("A: │") })
        #expect(rows.contains { $0.contains("B 60") }, "\(rows)")
        #expect(!rows.contains { $0.contains("not shown") })
    }

    /// 100×30, the demo: the second row of blocks fits when the blank row above it goes.
    @Test func theGapBetweenRowsGivesWayToARow() throws {
        let (frontEnd, _) = try Fixtures.demo()
        let rows = Self.bayouRows(frontEnd, Size(width: 100, height: 30))
        #expect(rows.contains { $0.contains("B 60") }, "\(rows)")
        #expect(rows.contains { $0.contains("db Z=8") }, "\(rows)")
        #expect(rows.last?.contains("+2 not shown") == true, "\(rows)")
    }

    /// User test, 100×30, meeting-room-commit at its first pause: A's log has one row and
    /// its vector beside the newest write read `A:5 +2`, hiding the B:3 the caption is
    /// about, while the header row had room: the vector goes after the header, whole.
    @Test func aOneRowLogsVectorGoesAfterTheHeaderWhenItIsCutBeside() throws {
        var frontEnd = try BayouPanelSmallScreenTests.scenario("meeting-room-commit.ringside")
        let size = Size(width: 100, height: 30)
        var steps = 0
        while !frontEnd.model.isWaitingAtPause, steps < 100 {
            frontEnd.press(.character("n"), size: size)
            steps += 1
        }
        let rows = Self.bayouRows(frontEnd, size)
        // The scenario now selects A there, whose block comes first with room for its log;
        // P's block below has the one-row log, its vector after the header.
        #expect(rows.contains { $0.contains("P 10 primary  clock 0  vv  P: 0  A: 5  B: 0") }, "\(rows.joined(separator: "\n"))")
        #expect(!rows.contains { $0.range(of: #"[A-Z]:\d+ \+\d"#, options: .regularExpression) != nil },
                "\(rows.joined(separator: "\n"))")
    }
}
