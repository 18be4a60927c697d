import RingsideKernel
import Testing
@testable import Bayou

/// Timestamps of client writes: max(clock, maxTS + 1), and clocks that never go back.
@Suite("Client writes and clocks")
struct ClientWriteTests {
    @Test("a write is stamped max(clock, largest timestamp seen + 1)")
    func stamping() throws {
        var r = Replica(id: 7)
        #expect(try r.accept(.put(key: "a", value: "1")).timestamp == 1)
        #expect(try r.accept(.put(key: "a", value: "2")).timestamp == 2)
        #expect(try r.accept(.put(key: "a", value: "3"), at: 10).timestamp == 10)
        #expect(try r.accept(.put(key: "a", value: "4"), at: 10).timestamp == 11)
        #expect(r.clock == 11)

        var other = Replica(id: 3)
        try other.accept(.put(key: "b", value: "1"), at: 40)
        r.sync(from: other)
        #expect(r.maxTimestamp == 40 && r.clock == 11)
        #expect(try r.accept(.delete(key: "a")).timestamp == 41)
        #expect(r.clock == 41)
        #expect(r.versionVector[7] == 41 && r.versionVector[3] == 40 && r.versionVector[99] == 0)
    }

    @Test("the clock may not go back, and a refused write changes nothing")
    func clockGoesBack() throws {
        var r = Replica(id: 7)
        try r.accept(.put(key: "a", value: "1"), at: 12)
        let before = r.writes
        #expect(throws: BayouError.clockWouldGoBack(clock: 12, requested: 7)) {
            try r.accept(.put(key: "a", value: "2"), at: 7)
        }
        #expect(r.writes == before && r.clock == 12)
        #expect(BayouError.clockWouldGoBack(clock: 12, requested: 7).description
                == "the clock cannot go back: it is already at 12, so it cannot be set to 7")
    }

    /// Timestamps stop at 2^53 (audit: `at 2^53` then a plain write gave 2^53 + 1, which
    /// a JSON reader's double cannot hold).
    @Test("timestamps stop at 2^53")
    func overflow() throws {
        var r = Replica(id: 7)
        try r.accept(.put(key: "a", value: "1"), at: Replica.timestampMax)
        #expect(throws: BayouError.timestampOverflow) { try r.accept(.put(key: "a", value: "2")) }
        #expect(r.logCount == 1)
        var s = Replica(id: 8)
        #expect(throws: BayouError.timestampOverflow) { try s.accept(.put(key: "a", value: "1"), at: .max) }
        #expect(s.logCount == 0)
    }

    @Test("ids wider than 64 bits order tentative writes by their full value")
    func wideIdentifiers() throws {
        let low = Identifier(w2: 0, w1: 1, w0: 0)
        let high = Identifier(w2: 1, w1: 0, w0: 0)
        var x = Replica(id: high)
        var y = Replica(id: low)
        try x.accept(.put(key: "k", value: "x"), at: 5)
        try y.accept(.put(key: "k", value: "y"), at: 5)
        x.sync(from: y)
        y.sync(from: x)
        #expect(x.writes.map(\.origin) == [low, high])
        #expect(x.writes == y.writes)
        #expect(x.database == ["k": "x"] && y.database == ["k": "x"])
    }
}
