import Testing
import RingsideKernel
@testable import Bayou

/// A lost item ends a tracked anti-entropy session: the receiver keeps a gap-free prefix.
@Suite("Anti-entropy sessions with a lost item")
struct SessionGapTests {
    /// A sender whose session to a receiver carries commit notices, committed writes and
    /// tentative writes of several origins, interleaved in log order.
    static func pair() throws -> (sender: Replica, receiver: Replica) {
        var p = Replica(id: Lecture.p)
        var a = Replica(id: Lecture.a)
        var b = Replica(id: Lecture.b)
        try a.accept(.put(key: "x", value: "a1"), at: 1)
        try a.accept(.put(key: "y", value: "a2"), at: 4)
        try b.accept(.put(key: "x", value: "b1"), at: 2)
        try b.accept(.delete(key: "y"), at: 5)
        try p.accept(.book(slots: ["s1", "s2"], who: "p"), at: 3)
        // The receiver B already holds A's writes tentatively: they come back as commit notices.
        b.sync(from: a)
        p.sync(from: a)
        p.sync(from: b)
        p.commitAsPrimary()
        try p.accept(.put(key: "z", value: "p9"), at: 9)
        try a.accept(.book(slots: ["s1"], who: "a"), at: 7)
        try a.accept(.put(key: "x", value: "a8"), at: 8)
        p.sync(from: a)
        try b.accept(.put(key: "w", value: "b6"), at: 6)
        return (p, b)
    }

    /// The prefix property and a consistent database, judged against the sender's log.
    static func checkPrefixConsistent(_ receiver: Replica, against universe: [Write], committedOrder: [WriteStamp],
                                      _ context: Comment) {
        let writes = receiver.writes
        #expect(replicaInvariantProblems(receiver).isEmpty, context)
        // Committed writes: a prefix of the one committed order.
        let committed = writes.filter(\.isCommitted).map(\.stamp)
        #expect(Array(committedOrder.prefix(committed.count)) == committed, context)
        // Version vector: exactly the highest stamp held per origin.
        var highest: [Identifier: UInt64] = [:]
        for write in writes { highest[write.origin] = max(highest[write.origin] ?? 0, write.timestamp) }
        let expected = VersionVector(highest.map { VersionVector.Entry(origin: $0.key, timestamp: $0.value) })
        #expect(receiver.versionVector == expected, context)
        // Per origin, every write up to that entry is held (no stamp skipped).
        let held = Set(writes.map(\.stamp))
        for write in universe where write.timestamp <= receiver.versionVector[write.origin] {
            #expect(held.contains(write.stamp), "\(context): \(write.timestamp):\(write.origin) skipped")
        }
    }

    @Test func losingAnyOneItemLeavesAGapFreePrefixAndALaterSessionConverges() throws {
        let (sender, original) = try Self.pair()
        var probe = original
        let count = sender.antiEntropyItems(for: probe.openSession(from: sender.id)).count
        #expect(count >= 6, "the session should mix notices, committed and tentative writes")
        let universe = sender.writes + original.writes.filter { !sender.contains($0.stamp) }
        let committedOrder = sender.writes.filter(\.isCommitted).map(\.stamp)
        for lost in 0..<count {
            var receiver = original
            let items = sender.antiEntropyItems(for: receiver.openSession(from: sender.id))
            var results: [ReceiveResult] = []
            for item in items where item.index != lost { results.append(receiver.receive(item)) }
            let context: Comment = "item \(lost) of \(count) lost"
            // Before the gap: applied. The one after it: a gap. The rest: a closed session.
            for (offset, result) in results.enumerated() {
                if offset < lost {
                    if case .rejected = result { Issue.record("\(context): item \(offset) rejected") }
                } else if offset == lost {
                    #expect(result == .rejected(.sessionGap(session: items[0].session, expected: lost, got: lost + 1)), context)
                } else {
                    #expect(result == .rejected(.sessionClosed(session: items[0].session)), context)
                }
            }
            // Only a lost end leaves the session open: the receiver cannot know nothing follows.
            #expect(receiver.openSessionNumbers == (lost == count - 1 ? [items[0].session] : []), context)
            Self.checkPrefixConsistent(receiver, against: universe, committedOrder: committedOrder, context)
            // What it kept is exactly what the first `lost` items carried.
            var cut = original
            _ = cut.openSession(from: sender.id)
            for item in items.prefix(lost) { cut.receive(item) }
            #expect(receiver.writes == cut.writes, context)
            // A later complete session each way converges them.
            var senderCopy = sender
            receiver.sync(from: senderCopy)
            senderCopy.sync(from: receiver)
            #expect(receiver.writes == senderCopy.writes, context)
            #expect(receiver.database == senderCopy.database, context)
            #expect(receiver.versionVector == senderCopy.versionVector, context)
        }
    }

    @Test func anItemThatOvertakesItsPredecessorEndsTheSession() throws {
        let (sender, original) = try Self.pair()
        var receiver = original
        let items = sender.antiEntropyItems(for: receiver.openSession(from: sender.id))
        let session = items[0].session
        #expect(receiver.receive(items[0]) != .rejected(.sessionClosed(session: session)))
        #expect(receiver.receive(items[2]) == .rejected(.sessionGap(session: session, expected: 1, got: 2)))
        // The overtaken item arrives after all: the session is over, it is discarded too.
        #expect(receiver.receive(items[1]) == .rejected(.sessionClosed(session: session)))
        var cut = original
        _ = cut.openSession(from: sender.id)
        cut.receive(items[0])
        #expect(receiver.writes == cut.writes)
    }

    @Test func eachSessionIsNumberedAndStartsFresh() throws {
        let (sender, original) = try Self.pair()
        var receiver = original
        let base = receiver.sessionsOpened  // sessions it opened while the pair was set up
        #expect(receiver.openSessionNumbers.isEmpty)
        let first = sender.antiEntropyItems(for: receiver.openSession(from: sender.id))
        let second = sender.antiEntropyItems(for: receiver.openSession(from: sender.id))
        #expect(first.allSatisfy { $0.session == base + 1 } && second.allSatisfy { $0.session == base + 2 })
        #expect(receiver.openSessionNumbers == [base + 1, base + 2])
        // Item 1 of the second session is not the next item of the first: the second breaks, the first goes on.
        #expect(receiver.receive(first[0]) != .rejected(.sessionClosed(session: base + 1)))
        #expect(receiver.receive(second[1]) == .rejected(.sessionGap(session: base + 2, expected: 0, got: 1)))
        for item in first.dropFirst() {
            if case .rejected(let why) = receiver.receive(item) { Issue.record("session 1 item \(item.index): \(why)") }
        }
        #expect(receiver.openSessionNumbers.isEmpty)
        // An ended session's items, replayed, are not applied again.
        #expect(receiver.receive(first[0]) == .rejected(.sessionClosed(session: base + 1)))
        // A third session is fresh: it has nothing left to send but its end.
        let third = sender.antiEntropyItems(for: receiver.openSession(from: sender.id))
        #expect(third.count == 1 && third[0].session == base + 3)
        #expect(receiver.receive(third[0]) == .endOfSession)
    }

    @Test func itemsFromAnotherSenderDoNotCountForTheSession() throws {
        let (sender, original) = try Self.pair()
        var receiver = original
        let request = receiver.openSession(from: Lecture.a)  // opened with A, answered by P
        let items = sender.antiEntropyItems(for: request)
        #expect(receiver.receive(items[0]) == .rejected(.sessionClosed(session: request.session)))
        #expect(receiver.writes == original.writes)
    }

    /// A rejected item (here a commit for a CSN the receiver already gave another write)
    /// ends the session: later items assumed it arrived.
    @Test func aRejectedItemEndsTheSession() throws {
        var p = Replica(id: Lecture.p)
        var a = Replica(id: Lecture.a)
        try p.accept(.put(key: "x", value: "1"), at: 1)
        try p.accept(.put(key: "y", value: "2"), at: 2)
        p.commitAsPrimary()
        try a.accept(.put(key: "q", value: "3"), at: 1)
        a.commitAsPrimary()  // a second primary: CSN 1 is taken twice
        var items = p.antiEntropyItems(for: AntiEntropyRequest(receiver: a.id, versionVector: VersionVector(),
                                                               highestCSN: 0, session: 0))
        let request = a.openSession(from: p.id)
        items = items.map { AntiEntropyItem(sender: $0.sender, receiver: $0.receiver, session: request.session,
                                            index: $0.index, payload: $0.payload) }
        #expect(a.receive(items[0]) == .rejected(.conflictingCommit(csn: 1)))
        #expect(a.receive(items[1]) == .rejected(.sessionClosed(session: request.session)))
        #expect(a.writes.map(\.stamp) == [WriteStamp(timestamp: 1, origin: Lecture.a)])
    }

    @Test func theOpenSessionListIsBounded() {
        var r = Replica(id: Lecture.a)
        for _ in 0..<(Replica.openSessionLimit + 5) { _ = r.openSession(from: Lecture.p) }
        #expect(r.openSessionNumbers.count == Replica.openSessionLimit)
        #expect(r.openSessionNumbers.first == 6)
        #expect(r.sessionsOpened == UInt64(Replica.openSessionLimit + 5))
    }
}
