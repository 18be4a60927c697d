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

    @Test func theLegendDefinesTheMarkForLists() {
        let meanings = Legend.entries(glyphs: .unicode).map(\.meaning)
        #expect(meanings.contains { $0.contains("!") == false && $0.contains("list entry") })
    }
}
