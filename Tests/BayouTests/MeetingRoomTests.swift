import RingsideKernel
import Testing
@testable import Bayou

/// Bayou's meeting-room write: a tentative booking's outcome can flip when a commit reorders the log.
@Suite("Meeting-room bookings")
struct MeetingRoomTests {
    @Test("a commit reorders two bookings and flips both tentative outcomes")
    func commitFlipsOutcome() throws {
        var p = Replica(id: Lecture.p)
        var a = Replica(id: Lecture.a)
        var b = Replica(id: Lecture.b)
        try a.accept(.book(slots: ["r1@10", "r1@11"], who: "ann"), at: 5)
        try b.accept(.book(slots: ["r1@10"], who: "bob"), at: 3)
        #expect(a.slides() == ["∞:5:A book(r1@10,r1@11 for ann)→r1@10"])
        #expect(b.slides() == ["∞:3:B book(r1@10 for bob)→r1@10"])

        // The primary hears of Ann's booking first and commits it.
        p.sync(from: a)
        p.commitAsPrimary()
        #expect(p.slides() == ["1:5:A book(r1@10,r1@11 for ann)→r1@10"])

        // At B, Bob's booking is older (3 < 5): tentatively Bob gets r1@10 and Ann falls back to r1@11.
        b.sync(from: a)
        #expect(b.slides() == ["∞:3:B book(r1@10 for bob)→r1@10", "∞:5:A book(r1@10,r1@11 for ann)→r1@11"])
        #expect(b.database == ["r1@10": "bob", "r1@11": "ann"])

        // The commit notice moves Ann's booking first: it is redone and wins r1@10; Bob's finds no slot.
        let items = p.antiEntropyItems(for: b.antiEntropyRequest())
        #expect(items.first.map { $0.explanation(name: Lecture.name) } == "commit notice 1:5:A (B holds it: B's VV[A]=5)")
        let result = b.receive(items[0])
        #expect(result == .committed(position: 0, rollback: b.lastRollback))
        #expect(b.lastRollback?.undone == 2)
        #expect(b.lastRollback?.redone == 2)
        #expect(b.lastRollback?.redonePositions == 0..<2)
        #expect(b.slides() == ["1:5:A book(r1@10,r1@11 for ann)→r1@10", "∞:3:B book(r1@10 for bob)→none"])
        #expect(b.database == ["r1@10": "ann"])

        // Once Bob's booking is committed its outcome (none) is final everywhere.
        p.sync(from: b)
        p.commitAsPrimary()
        b.sync(from: p)
        a.sync(from: p)
        for replica in [p, a, b] {
            #expect(replica.slides() == ["1:5:A book(r1@10,r1@11 for ann)→r1@10", "2:3:B book(r1@10 for bob)→none"])
            #expect(replica.database == ["r1@10": "ann"])
        }
    }

    @Test("a booking takes the first free slot and books nothing when all are taken")
    func mergeProcedure() throws {
        var r = Replica(id: 1)
        try r.accept(.put(key: "r1@10", value: "eve"))
        try r.accept(.book(slots: ["r1@10", "r1@11", "r1@12"], who: "ann"))
        try r.accept(.book(slots: ["r1@10", "r1@11"], who: "bob"))
        try r.accept(.book(slots: ["r1@10"], who: "cy"))
        #expect(r.log.map(\.outcome) == [nil, "r1@11", nil, nil])
        #expect(r.database == ["r1@10": "eve", "r1@11": "ann"])
        #expect(r.log[2].slideNotation(name: { _ in "A" }) == "∞:3:A book(r1@10,r1@11 for bob)→none")
    }
}
