import RingsideKernel
import Testing
@testable import Bayou

/// Rollback counts worked out by hand: what an eager Bayou replica undoes and redoes.
@Suite("Rollback counts")
struct RollbackTests {
    static let r: Identifier = 50
    static let s: Identifier = 20
    static func name(_ id: Identifier) -> String { id == r ? "R" : id == s ? "S" : "P" }

    @Test("writes arriving in the middle of the log undo and redo exactly the tail")
    func insertions() throws {
        var receiver = Replica(id: Self.r)
        var sender = Replica(id: Self.s)
        for t: UInt64 in [2, 4, 6] { try receiver.accept(.put(key: "k", value: "r\(t)"), at: t) }
        for t: UInt64 in [1, 4, 7] { try sender.accept(.put(key: "k", value: "s\(t)"), at: t) }

        let items = sender.antiEntropyItems(for: receiver.antiEntropyRequest())
        // 1:S goes before all three: undo 3, redo them at positions 1..<4.
        #expect(receiver.receive(items[0]) == .inserted(
            position: 0, rollback: Rollback(cause: WriteStamp(timestamp: 1, origin: Self.s), undone: 3, redone: 3,
                                            redonePositions: 1..<4, ordinal: 1)))
        // 4:S ties with 4:R on timestamp; origin 20 < 50 puts it first: undo 4:R and 6:R.
        #expect(receiver.receive(items[1]) == .inserted(
            position: 2, rollback: Rollback(cause: WriteStamp(timestamp: 4, origin: Self.s), undone: 2, redone: 2,
                                            redonePositions: 3..<5, ordinal: 2)))
        // 7:S is last: nothing to undo.
        #expect(receiver.receive(items[2]) == .inserted(position: 5, rollback: nil))
        #expect(receiver.rollbackTotals == {
            var totals = RollbackTotals()
            totals.reorderings = 2
            totals.undone = 5
            totals.redone = 5
            return totals
        }())
        #expect(receiver.lastRollback?.ordinal == 2)
        #expect(receiver.slides(Self.name) == ["∞:1:S w(k,s1)", "∞:2:R w(k,r2)", "∞:4:S w(k,s4)", "∞:4:R w(k,r4)",
                                                "∞:6:R w(k,r6)", "∞:7:S w(k,s7)"])
        #expect(receiver.database == ["k": "s7"])
    }

    @Test("a whole session reports the sum of its items' rollbacks")
    func sessionSummary() throws {
        var receiver = Replica(id: Self.r)
        var sender = Replica(id: Self.s)
        for t: UInt64 in [2, 4, 6] { try receiver.accept(.put(key: "k", value: "r\(t)"), at: t) }
        for t: UInt64 in [1, 4, 7] { try sender.accept(.put(key: "k", value: "s\(t)"), at: t) }
        let summary = receiver.sync(from: sender)
        #expect(summary.writes == 3 && summary.commitNotices == 0 && summary.items == 4)
        #expect(summary.undone == 5 && summary.redone == 5)
    }

    @Test("a commit notice for a write deep in the tentative log redoes every tentative write")
    func commitReorder() throws {
        let primaryID: Identifier = 90
        var primary = Replica(id: primaryID)
        var receiver = Replica(id: Self.r)
        try primary.accept(.put(key: "x", value: "p"), at: 5)
        for t: UInt64 in [1, 2, 3, 8] { try receiver.accept(.put(key: "y", value: "\(t)"), at: t) }
        receiver.sync(from: primary)   // tentative: 1:R 2:R 3:R 5:P 8:R (8:R undone and redone)
        #expect(receiver.lastRollback?.undone == 1)
        primary.commitAsPrimary()      // 1:5:P

        let notice = primary.antiEntropyItems(for: receiver.antiEntropyRequest())[0]
        // 5:P moves from position 3 to 0: roll back to the committed end (all 5 undone), redo all 5.
        #expect(receiver.receive(notice) == .committed(
            position: 0, rollback: Rollback(cause: WriteStamp(timestamp: 5, origin: primaryID), undone: 5, redone: 5,
                                            redonePositions: 0..<5, ordinal: 2)))
        #expect(receiver.slides(Self.name) == ["1:5:P w(x,p)", "∞:1:R w(y,1)", "∞:2:R w(y,2)", "∞:3:R w(y,3)",
                                                "∞:8:R w(y,8)"])
        #expect(receiver.database == ["x": "p", "y": "8"])
    }

    @Test("commits and appends that keep the order redo nothing")
    func noReorder() throws {
        var primary = Replica(id: 90)
        var other = Replica(id: Self.r)
        try primary.accept(.put(key: "a", value: "1"))
        try other.accept(.put(key: "b", value: "2"), at: 4)
        other.sync(from: primary)            // 1:P goes before 4:R: one write undone
        #expect(other.rollbackTotals.undone == 1)
        primary.sync(from: other)            // 4:R is after 1:P at the primary: appended
        #expect(primary.lastRollback == nil)
        primary.commitAsPrimary()            // commit in log order: nothing moves
        #expect(primary.lastRollback == nil)
        other.sync(from: primary)            // two notices, each for the first tentative write
        #expect(other.rollbackTotals.reorderings == 1)
        #expect(other.slides() == primary.slides())
    }

    @Test("the lazy database agrees with an eager replay after every change")
    func lazyMaterialisation() throws {
        var receiver = Replica(id: Self.r)
        var sender = Replica(id: Self.s)
        for t: UInt64 in [2, 4, 6] { try receiver.accept(.put(key: "k\(t % 4)", value: "r\(t)"), at: t) }
        for t: UInt64 in [1, 3, 5, 7] { try sender.accept(.put(key: "k\(t % 4)", value: "s\(t)"), at: t) }
        receiver.materialize()
        #expect(receiver.isMaterialized)
        for item in sender.antiEntropyItems(for: receiver.antiEntropyRequest()) {
            receiver.receive(item)
            #expect(replicaInvariantProblems(receiver) == [])
        }
        #expect(!receiver.isMaterialized)
        receiver.materialize()
        #expect(receiver.isMaterialized)
        #expect(receiver.database == ["k0": "r4", "k1": "s5", "k2": "r6", "k3": "s7"])
    }
}
