import Foundation
import Testing
@testable import RingsideUI

/// A successor list marks each stale entry, not the list as a whole: after `fail 32`, one
/// `!` after `list 32 60 90` flagged the live 90 and left the dead 32 bare.
@Suite struct SuccessorListMarksTests {
    private func info(_ selecting: String, _ extra: [String]) throws -> String {
        let model = try Fixtures.model(Fixtures.lectureRing + extra, selecting: selecting)
        var grid = Grid(width: 70, height: 14)
        FingerTablePanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
        return grid.trimmed.first { $0.contains("succ ") } ?? ""
    }

    @Test func theDeadEntryIsMarkedAndTheLiveOnesAreNot() throws {
        let at10 = try info("10", ["fail 32"])
        #expect(at10.contains("succ 32! · pred 120 · list 32! 60 90 · keys"), "\(at10)")
        let at120 = try info("120", ["fail 32"])
        #expect(at120.contains("list 10 32! 60 ·"), "\(at120)")
    }

    @Test func aShortListSaysHowShort() throws {
        // Stabilize drops the dead successor; the list refills on later rounds.
        let line = try info("10", ["fail 32", "stabilize 10"])
        #expect(!line.contains("32!"), "\(line)")
        #expect(line.contains("list 60 90 (1 short)"), "\(line)")
        #expect(FingerTablePanel.staleEntries([2, 3], ideal: [2, 3, 4]) == [false, false])
        #expect(FingerTablePanel.staleEntries([3, 2], ideal: [2, 3]) == [true, true])
        #expect(FingerTablePanel.staleEntries([1, 2], ideal: [2, 3]) == [true, false])
    }

    /// User test (timeouts-disorder-ring): node 17 showed `succ 233! · list 233 409! (1 short)`,
    /// the same 233 stale as successor and not in the list. An entry is judged by its value:
    /// stale unless it is the live node the ideal ring has right after the entry before it
    /// (the first: right after the node itself, the successor's own rule).
    @Test func theSuccessorAndTheListsFirstEntryAgree() throws {
        // 20 joins (stabilize mode) before 10's pointers learn of it, then 60 crashes:
        // 10's list is 32 60 90 where the ideal ring has 20 32 90.
        let line = try info("10", ["join-mode stabilize", "join 20 via 60", "fail 60"])
        #expect(line.contains("succ 32! · pred 120 · list 32! 60! 90 · keys"), "\(line)")
        // The scenario's own case: 233 skips 81, 409 is not next after 233.
        #expect(FingerTablePanel.staleEntries([233, 409], ideal: [81, 233, 301]) == [true, true])
        // One entry out of place marks only it: 301 is right after 233, as on the ideal ring.
        #expect(FingerTablePanel.staleEntries([233, 301], ideal: [81, 233, 301]) == [true, false])
        // A crashed entry is passed over: those after it are judged by the entry before it.
        #expect(FingerTablePanel.staleEntries([81, 900, 233], ideal: [81, 233, 301]) == [false, true, false])
        #expect(FingerTablePanel.staleEntries([81, 900, 301], ideal: [81, 233, 301]) == [false, true, true])
    }

    /// Stepping the scenario the user played, node 17's `succ` and its list's first entry
    /// (the same node) carry the same mark at every step, and the state the user saw reads
    /// `list 233! 409!`.
    @Test func everyStepOfTheDisorderScenarioMarksSuccAndListAlike() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Assets/scenarios/timeouts-disorder-ring.ringside"), encoding: .utf8)
        var (frontEnd, _) = try Fixtures.scripted(text, name: "timeouts-disorder-ring.ringside")
        var seen = Set<String>()
        var presses = 0
        while presses < 5_000, frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
            presses += 1
            var grid = Grid(width: 70, height: 16)
            FingerTablePanel(model: frontEnd.model, glyphs: .unicode).render(into: &grid, area: grid.area)
            guard let line = grid.trimmed.first(where: { $0.contains("succ ") }),
                  let succ = line.range(of: #"succ [0-9]+!?"#, options: .regularExpression),
                  let first = line.range(of: #"list [0-9]+!?"#, options: .regularExpression) else { continue }
            let succText = line[succ].dropFirst(5)
            let firstText = line[first].dropFirst(5)
            seen.insert(String(line.split(separator: "│").first ?? ""))
            #expect(succText == firstText, "step \(presses): \(line)")
        }
        #expect(seen.contains { $0.contains("succ 233! · pred 1005 · list 233! 409! (1 short)") }, "\(seen.sorted())")
    }

    @Test func theLegendDefinesTheMarkForLists() {
        let meanings = Legend.entries(glyphs: .unicode).map(\.meaning)
        #expect(meanings.contains { $0.contains("!") == false && $0.contains("list entry") })
    }
}
