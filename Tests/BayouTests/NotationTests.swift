import RingsideKernel
import Testing
@testable import Bayou

/// The slides' notation and the teaching captions.
@Suite("Slide notation and explanations")
struct NotationTests {
    @Test("writes, bookings and version vectors in slide notation")
    func notation() {
        let name = Lecture.name
        let put = Write(csn: 1, timestamp: 1, origin: Lecture.p, operation: .put(key: "X", value: "4"))
        let delete = Write(csn: nil, timestamp: 13, origin: Lecture.b, operation: .delete(key: "Y"))
        let book = Write(csn: nil, timestamp: 14, origin: Lecture.a,
                         operation: .book(slots: ["r1@10", "r1@11"], who: "ann"))
        #expect(put.slideNotation(name: name) == "1:1:P w(X,4)")
        #expect(delete.slideNotation(name: name) == "∞:13:B D(Y)")
        #expect(book.slideNotation(name: name) == "∞:14:A book(r1@10,r1@11 for ann)")
        #expect(LogEntry(write: book, outcome: "r1@11").slideNotation(name: name)
                == "∞:14:A book(r1@10,r1@11 for ann)→r1@11")
        #expect(LogEntry(write: book, outcome: nil).slideNotation(name: name) == "∞:14:A book(r1@10,r1@11 for ann)→none")
        #expect(LogEntry(write: put, outcome: nil).slideNotation(name: name) == "1:1:P w(X,4)")

        let vv = VersionVector([.init(origin: Lecture.b, timestamp: 13), .init(origin: Lecture.p, timestamp: 7),
                                .init(origin: Lecture.b, timestamp: 5), .init(origin: Lecture.a, timestamp: 0)])
        #expect(vv.entries.map(\.origin) == [Lecture.p, Lecture.b])
        #expect(SlideNotation.versionVector(vv, name: name) == "P:7 B:13")
        #expect(SlideNotation.versionVector(vv, replicas: Lecture.all, name: name) == "P:7 A:0 B:13")
    }

    @Test("the request caption")
    func requestCaption() throws {
        var a = Replica(id: Lecture.a)
        #expect(a.antiEntropyRequest().explanation(name: Lecture.name)
                == "A asks for what it lacks: its VV is empty, its highest CSN 0")
        try a.accept(.put(key: "X", value: "3"), at: 7)
        #expect(a.antiEntropyRequest().explanation(name: Lecture.name)
                == "A asks for what it lacks: its VV is A:7, its highest CSN 0")
    }
}

/// Items a receiver must not apply, and items it already has.
@Suite("Receiving odd items")
struct ReceiveEdgeTests {
    @Test("duplicates are already known; gaps, strangers and unknown writes are rejected")
    func oddItems() throws {
        var p = Replica(id: Lecture.p)
        var a = Replica(id: Lecture.a)
        var b = Replica(id: Lecture.b)
        try p.accept(.put(key: "x", value: "1"))
        try p.accept(.put(key: "x", value: "2"))
        p.commitAsPrimary()
        let items = p.antiEntropyItems(for: a.antiEntropyRequest())
        #expect(b.receive(items[0]) == .rejected(.wrongReceiver(Lecture.a)))
        #expect(a.receive(items[1]) == .rejected(.csnGap(expected: 1, got: 2)))
        #expect(a.logCount == 0)
        #expect(a.receive(items[0]) == .inserted(position: 0, rollback: nil))
        #expect(a.receive(items[0]) == .alreadyKnown)
        let stranger = AntiEntropyItem(sender: Lecture.p, receiver: Lecture.a, index: 0,
                                       payload: .commitNotice(csn: 2, stamp: WriteStamp(timestamp: 9, origin: Lecture.b),
                                                              receiverTimestamp: 9))
        #expect(a.receive(stranger) == .rejected(.unknownWrite(WriteStamp(timestamp: 9, origin: Lecture.b))))
        let clash = AntiEntropyItem(sender: Lecture.p, receiver: Lecture.a, index: 0,
                                    payload: .commitNotice(csn: 1, stamp: WriteStamp(timestamp: 9, origin: Lecture.b),
                                                           receiverTimestamp: 9))
        #expect(a.receive(clash) == .rejected(.conflictingCommit(csn: 1)))
        #expect(a.receive(items[1]) == .inserted(position: 1, rollback: nil))
        #expect(a.writes == p.writes)
        // A sender asked by itself sends only the end of the session.
        #expect(p.antiEntropyItems(for: p.antiEntropyRequest()).map(\.payload)
                == [.endOfSession(writes: 0, commitNotices: 0)])
    }

    @Test("a stale request makes the sender send a committed write the receiver holds: it commits in place")
    func staleRequest() throws {
        var p = Replica(id: Lecture.p)
        var a = Replica(id: Lecture.a)
        let old = AntiEntropyRequest(receiver: Lecture.a, versionVector: VersionVector(), highestCSN: 0)
        try a.accept(.put(key: "x", value: "1"))   // after A asked, before P answers
        p.sync(from: a)
        p.commitAsPrimary()
        let items = p.antiEntropyItems(for: old)
        #expect(items[0].carriesWrite)
        #expect(a.receive(items[0]) == .committed(position: 0, rollback: nil))
        #expect(a.writes == p.writes)
    }
}
