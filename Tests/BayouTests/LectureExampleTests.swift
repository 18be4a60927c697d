import RingsideKernel
import Testing
@testable import Bayou

/// The slides' P/A/B example, end to end: every log, version vector and database as shown.
@Suite("Lecture example (P, A, B)")
struct LectureExampleTests {
    /// "Bayou Writes": P w(X,4)@1, w(Y,8)@7; B w(Z,8)@5; A w(X,3)@7, w(Y,4)@12.
    static func clientWrites() throws -> (p: Replica, a: Replica, b: Replica) {
        var p = Replica(id: Lecture.p)
        var a = Replica(id: Lecture.a)
        var b = Replica(id: Lecture.b)
        try p.accept(.put(key: "X", value: "4"), at: 1)
        try p.accept(.put(key: "Y", value: "8"), at: 7)
        try b.accept(.put(key: "Z", value: "8"), at: 5)
        try a.accept(.put(key: "X", value: "3"), at: 7)
        try a.accept(.put(key: "Y", value: "4"), at: 12)
        return (p, a, b)
    }

    @Test("client writes get the slides' stamps")
    func writes() throws {
        let (p, a, b) = try Self.clientWrites()
        #expect(p.slides() == ["∞:1:P w(X,4)", "∞:7:P w(Y,8)"])
        #expect(a.slides() == ["∞:7:A w(X,3)", "∞:12:A w(Y,4)"])
        #expect(b.slides() == ["∞:5:B w(Z,8)"])
        #expect(p.slideVV() == "P:7 A:0 B:0")
        #expect(a.slideVV() == "P:0 A:12 B:0")
        #expect(b.slideVV() == "P:0 A:0 B:5")
        #expect(p.database == ["X": "4", "Y": "8"])
        #expect(a.database == ["X": "3", "Y": "4"])
        #expect(b.database == ["Z": "8"])
        #expect(p.clock == 7 && a.clock == 12 && b.clock == 5)
    }

    @Test("the whole example, stage by stage")
    func wholeExample() throws {
        var (p, a, b) = try Self.clientWrites()

        // "Anti-entropy Session A & B": both directions, A → B then B → A.
        let toB = a.antiEntropyItems(for: b.antiEntropyRequest())
        #expect(toB.map { $0.explanation(name: Lecture.name) } == [
            "sending ∞:7:A w(X,3) (B's VV[A]=0)",
            "sending ∞:12:A w(Y,4) (B's VV[A]=7)",
            "end of session A → B: 2 writes, 0 commit notices",
        ])
        for item in toB { b.receive(item) }
        // B's own write (5) sorts first: the arriving writes go after it, nothing is redone.
        #expect(b.lastRollback == nil)
        let toA = b.antiEntropyItems(for: a.antiEntropyRequest())
        #expect(toA.map { $0.explanation(name: Lecture.name) } == [
            "sending ∞:5:B w(Z,8) (A's VV[B]=0)",
            "end of session B → A: 1 write, 0 commit notices",
        ])
        #expect(a.receive(toA[0]) == .inserted(
            position: 0,
            rollback: Rollback(cause: WriteStamp(timestamp: 5, origin: Lecture.b), undone: 2, redone: 2,
                               redonePositions: 1..<3, ordinal: 1)))
        #expect(a.receive(toA[1]) == .endOfSession)
        let afterAB = ["∞:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)"]
        #expect(a.slides() == afterAB)
        #expect(b.slides() == afterAB)
        #expect(a.slideVV() == "P:0 A:12 B:5")
        #expect(b.slideVV() == "P:0 A:12 B:5")
        #expect(a.database == ["X": "3", "Y": "4", "Z": "8"])
        #expect(b.database == ["X": "3", "Y": "4", "Z": "8"])

        // "Primary commits its entries": P knows only its own two writes.
        #expect(p.commitAsPrimary() == 2)
        #expect(p.slides() == ["1:1:P w(X,4)", "2:7:P w(Y,8)"])
        #expect(p.database == ["X": "4", "Y": "8"])

        // "Write after anti-entropy session": max(clock 5, maxTS 12 + 1) = 13.
        let delete = try b.accept(.delete(key: "Y"))
        #expect(delete.timestamp == 13)
        #expect(b.clock == 13)
        #expect(b.slides().last == "∞:13:B D(Y)")
        #expect(b.database == ["X": "3", "Z": "8"])

        // "Anti-entropy Session P & B": both directions.
        let toP = b.antiEntropyItems(for: p.antiEntropyRequest())
        #expect(toP.map { $0.explanation(name: Lecture.name) } == [
            "sending ∞:5:B w(Z,8) (P's VV[B]=0)",
            "sending ∞:7:A w(X,3) (P's VV[A]=0)",
            "sending ∞:12:A w(Y,4) (P's VV[A]=7)",
            "sending ∞:13:B D(Y) (P's VV[B]=5)",
            "end of session B → P: 4 writes, 0 commit notices",
        ])
        for item in toP { p.receive(item) }
        let toB2 = p.antiEntropyItems(for: b.antiEntropyRequest())
        #expect(toB2.map { $0.explanation(name: Lecture.name) } == [
            "sending 1:1:P w(X,4) (B's CSN=0, B's VV[P]=0)",
            "sending 2:7:P w(Y,8) (B's CSN=1, B's VV[P]=1)",
            "end of session P → B: 2 writes, 0 commit notices",
        ])
        for item in toB2 { b.receive(item) }
        let afterPB = ["1:1:P w(X,4)", "2:7:P w(Y,8)", "∞:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)", "∞:13:B D(Y)"]
        #expect(p.slides() == afterPB)
        #expect(b.slides() == afterPB)
        #expect(p.slideVV() == "P:7 A:12 B:13")
        #expect(b.slideVV() == "P:7 A:12 B:13")
        #expect(a.slides() == afterAB)
        #expect(a.slideVV() == "P:0 A:12 B:5")
        #expect(p.database == ["X": "3", "Z": "8"])
        #expect(b.database == ["X": "3", "Z": "8"])

        // "Bayou Commit": the primary commits everything in its log order.
        #expect(p.commitAsPrimary() == 4)
        #expect(p.slides() == ["1:1:P w(X,4)", "2:7:P w(Y,8)", "3:5:B w(Z,8)", "4:7:A w(X,3)",
                               "5:12:A w(Y,4)", "6:13:B D(Y)"])
        #expect(p.slideVV() == "P:7 A:12 B:13")
        #expect(b.slides() == afterPB)
        #expect(a.slides() == afterAB)

        // Convergence: P → B sends only commit notices (B holds every write), P → A a mix.
        let notices = p.antiEntropyItems(for: b.antiEntropyRequest())
        #expect(notices.map { $0.explanation(name: Lecture.name) } == [
            "commit notice 3:5:B (B holds it: B's VV[B]=13)",
            "commit notice 4:7:A (B holds it: B's VV[A]=12)",
            "commit notice 5:12:A (B holds it: B's VV[A]=12)",
            "commit notice 6:13:B (B holds it: B's VV[B]=13)",
            "end of session P → B: 0 writes, 4 commit notices",
        ])
        let reorderingsBefore = b.rollbackTotals.reorderings
        for item in notices { b.receive(item) }
        // Each notice committed the first tentative write in place: no reordering.
        #expect(b.rollbackTotals.reorderings == reorderingsBefore)

        let mixed = p.antiEntropyItems(for: a.antiEntropyRequest())
        #expect(mixed.map { $0.explanation(name: Lecture.name) } == [
            "sending 1:1:P w(X,4) (A's CSN=0, A's VV[P]=0)",
            "sending 2:7:P w(Y,8) (A's CSN=1, A's VV[P]=1)",
            "commit notice 3:5:B (A holds it: A's VV[B]=5)",
            "commit notice 4:7:A (A holds it: A's VV[A]=12)",
            "commit notice 5:12:A (A holds it: A's VV[A]=12)",
            "sending 6:13:B D(Y) (A's CSN=5, A's VV[B]=5)",
            "end of session P → A: 3 writes, 3 commit notices",
        ])
        for item in mixed { a.receive(item) }

        let final = ["1:1:P w(X,4)", "2:7:P w(Y,8)", "3:5:B w(Z,8)", "4:7:A w(X,3)", "5:12:A w(Y,4)", "6:13:B D(Y)"]
        for replica in [p, a, b] {
            #expect(replica.slides() == final)
            #expect(replica.slideVV() == "P:7 A:12 B:13")
            #expect(replica.database == ["X": "3", "Z": "8"])
            #expect(replica.highestCSN == 6)
            #expect(replica.tentativeCount == 0)
            #expect(replica.committedSortedDatabase.map { "\($0.key)=\($0.value)" } == ["X=3", "Z=8"])
        }
        // Further sessions change nothing.
        for (sender, index) in [(a, 1), (b, 2)] {
            let items = sender.antiEntropyItems(for: p.antiEntropyRequest())
            #expect(items.count == 1, "replica \(index) should have nothing to send")
        }
    }

    @Test("a session cut part way leaves the receiver with a prefix of the sender's log")
    func cutSession() throws {
        var (p, a, b) = try Self.clientWrites()
        b.sync(from: a)
        a.sync(from: b)
        p.commitAsPrimary()
        try b.accept(.delete(key: "Y"))
        p.sync(from: b)
        b.sync(from: p)
        p.commitAsPrimary()

        let items = p.antiEntropyItems(for: a.antiEntropyRequest())
        // Cut after the first two committed writes and the first commit notice.
        for item in items.prefix(3) { a.receive(item) }
        #expect(a.slides() == ["1:1:P w(X,4)", "2:7:P w(Y,8)", "3:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)"])
        #expect(a.slideVV() == "P:7 A:12 B:5")
        #expect(a.database == ["X": "3", "Y": "4", "Z": "8"])
        // The next session picks up where the cut one stopped.
        a.sync(from: p)
        #expect(a.slides() == p.slides())
    }
}
