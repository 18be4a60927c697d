import Bayou
import RingsideKernel
import Testing
@testable import RingsideInvariants

/// A log entry: `csn` nil for tentative.
func entry(_ csn: UInt64?, _ ts: UInt64, _ origin: UInt64, _ operation: Operation, outcome: String? = nil) -> LogEntry {
    LogEntry(write: Write(csn: csn, timestamp: ts, origin: Identifier(origin), operation: operation), outcome: outcome)
}

/// A replica whose version vector is right for its log; the database is given.
func replica(_ id: UInt64, _ log: [LogEntry], _ database: [String: String]) -> ReplicaSnapshot {
    let vv = VersionVector(log.map { VersionVector.Entry(origin: $0.origin, timestamp: $0.timestamp) })
    return ReplicaSnapshot(id: Identifier(id), log: log, versionVector: vv, database: database)
}

@Suite("Bayou invariants on hand-built replicas")
struct BayouInvariantTests {
    // The lecture's P = 10, A = 32, B = 60 after P committed 1:1:P and 2:7:P.
    static let p = replica(10, [entry(1, 1, 10, .put(key: "X", value: "4")), entry(2, 7, 10, .put(key: "Y", value: "8")),
                                entry(nil, 5, 60, .put(key: "Z", value: "8"))],
                           ["X": "4", "Y": "8", "Z": "8"])
    static let a = replica(32, [entry(1, 1, 10, .put(key: "X", value: "4")),
                                entry(nil, 5, 60, .put(key: "Z", value: "8")), entry(nil, 7, 32, .put(key: "X", value: "3"))],
                           ["X": "3", "Z": "8"])
    static let b = replica(60, [entry(nil, 5, 60, .put(key: "Z", value: "8"))], ["Z": "8"])

    @Test func consistentReplicasHoldEverything() {
        #expect(BayouInvariants.violations([Self.p, Self.a, Self.b]) == [])
        #expect(BayouInvariants.violations([]) == [])
    }

    @Test func aGapInOneOriginsWritesBreaksThePrefixProperty() {
        // 60 holds 10's write at ts 7 but not the one at ts 1, which 10 holds.
        let gap = replica(60, [entry(nil, 7, 10, .put(key: "Y", value: "8"))], ["Y": "8"])
        let p = replica(10, [entry(nil, 1, 10, .put(key: "X", value: "4")), entry(nil, 7, 10, .put(key: "Y", value: "8"))],
                        ["X": "4", "Y": "8"])
        #expect(lines(BayouInvariants.violations([gap, p])) == [
            "invariant violated: PrefixProperty: replica 60 holds (ts 7, origin 10) but not the older (ts 1, origin 10), which replica 10 holds",
        ])
    }

    @Test func committedSequencesThatDisagreeBreakCommittedPrefix() {
        let other = replica(32, [entry(1, 1, 10, .put(key: "X", value: "4")), entry(2, 7, 32, .put(key: "X", value: "3"))],
                            ["X": "3"])
        let p = replica(10, [entry(1, 1, 10, .put(key: "X", value: "4")), entry(2, 7, 10, .put(key: "Y", value: "8")),
                             entry(3, 9, 10, .delete(key: "Q"))],
                        ["X": "4", "Y": "8"])
        #expect(lines(BayouInvariants.violations([other, p])).filter { $0.contains("CommittedPrefix") } == [
            "invariant violated: CommittedPrefix: replica 32's committed write 2 is (ts 7, origin 32) but replica 10's is (ts 7, origin 10)",
        ])
    }

    @Test func aCommittedPrefixThatChangesBetweenChecksIsReportedByTheMonitor() {
        let chord = chordState([10], lists: [10: [10]])  // a one-node ring: Chord's invariants hold
        var monitor = InvariantMonitor()
        #expect(monitor.check(chord: chord, replicas: [Self.p, Self.a, Self.b]) == [])
        #expect(monitor.check(chord: chord, replicas: [Self.p, Self.a, Self.b]) == [])
        // P's committed write 2 is replaced (and its own view stays self-consistent).
        let rewritten = replica(10, [entry(1, 1, 10, .put(key: "X", value: "4")), entry(2, 5, 60, .put(key: "Z", value: "8")),
                                     entry(nil, 7, 10, .put(key: "Y", value: "8"))],
                                ["X": "4", "Y": "8", "Z": "8"])
        #expect(lines(monitor.check(chord: chord, replicas: [rewritten, Self.a, Self.b])) == [
            "invariant violated: CommittedPrefix: replica 10's committed write 2 was (ts 7, origin 10) and is now (ts 5, origin 60)",
        ])
        let shrunk = replica(32, [entry(nil, 5, 60, .put(key: "Z", value: "8")), entry(nil, 7, 32, .put(key: "X", value: "3"))],
                             ["X": "3", "Z": "8"])
        #expect(lines(monitor.check(chord: chord, replicas: [rewritten, shrunk, Self.b])) == [
            "invariant violated: CommittedPrefix: replica 32 had 1 committed write and now has 0",
        ])
        // Without memory the same states hold.
        #expect(invariantViolations(chord: chord, replicas: [rewritten, shrunk, Self.b]) == [])
    }

    @Test func logsOutOfOrderBreakLogOrder() {
        let swapped = replica(32, [entry(nil, 7, 32, .put(key: "X", value: "3")), entry(nil, 5, 60, .put(key: "Z", value: "8"))],
                              ["X": "3", "Z": "8"])
        let late = replica(60, [entry(nil, 5, 60, .put(key: "Z", value: "8")), entry(1, 1, 10, .put(key: "X", value: "4"))],
                           ["X": "4", "Z": "8"])
        let gap = replica(10, [entry(2, 1, 10, .put(key: "X", value: "4"))], ["X": "4"])
        #expect(lines(BayouInvariants.violations([swapped, late, gap])).filter { $0.contains("LogOrder") } == [
            "invariant violated: LogOrder: replica 10's log entry 1 has CSN 2, expected 1",
            "invariant violated: LogOrder: replica 32's log entry 2, the tentative (ts 5, origin 60), comes after (ts 7, origin 32)",
            "invariant violated: LogOrder: replica 60's log entry 2, committed with CSN 1, comes after the tentative (ts 5, origin 60)",
        ])
    }

    @Test func equalStampsTwiceBreakLogOrder() {
        let twice = replica(60, [entry(nil, 5, 60, .put(key: "Z", value: "8")), entry(nil, 5, 60, .put(key: "Z", value: "8"))],
                            ["Z": "8"])
        #expect(BayouInvariants.violations([twice]).map(\.name) == ["LogOrder"])
    }

    @Test func aWrongVersionVectorBreaksVersionVector() {
        var b = Self.b
        b.versionVector = VersionVector([.init(origin: 60, timestamp: 13)])
        #expect(lines(BayouInvariants.violations([Self.p, Self.a, b])) == [
            "invariant violated: VersionVector: replica 60's version vector has 60:13 but the newest write it holds from 60 has timestamp 5",
        ])
        b.versionVector = VersionVector([.init(origin: 10, timestamp: 1), .init(origin: 60, timestamp: 5)])
        #expect(lines(BayouInvariants.violations([b])) == [
            "invariant violated: VersionVector: replica 60's version vector has 10:1 but it holds no write from 10",
        ])
    }

    @Test func aDatabaseThatIsNotTheReplayBreaksDatabaseReplay() {
        var a = Self.a
        a.database["X"] = "4"
        a.database["W"] = "1"
        #expect(lines(BayouInvariants.violations([Self.p, a, Self.b])) == [
            "invariant violated: DatabaseReplay: replica 32's database has W = 1 but replaying its log gives W = (none)",
        ])
    }

    @Test func deletesAndBookingsReplayLikeTheLecture() {
        // ann books r1@10; bob asks r1@10 then r1@11 and gets r1@11; cy finds both taken.
        let log = [entry(nil, 1, 10, .book(slots: ["r1@10"], who: "ann"), outcome: "r1@10"),
                   entry(nil, 2, 10, .book(slots: ["r1@10", "r1@11"], who: "bob"), outcome: "r1@11"),
                   entry(nil, 3, 10, .book(slots: ["r1@10", "r1@11"], who: "cy"), outcome: nil),
                   entry(nil, 4, 10, .put(key: "X", value: "1")), entry(nil, 5, 10, .delete(key: "X"))]
        let right = replica(10, log, ["r1@10": "ann", "r1@11": "bob"])
        #expect(BayouInvariants.violations([right]) == [])
        var wrongOutcome = log
        wrongOutcome[1] = entry(nil, 2, 10, .book(slots: ["r1@10", "r1@11"], who: "bob"), outcome: "r1@10")
        #expect(lines(BayouInvariants.violations([replica(10, wrongOutcome, ["r1@10": "ann", "r1@11": "bob"])])) == [
            "invariant violated: DatabaseReplay: replica 10's booking at log entry 2 got r1@10 but replaying its log gives r1@11",
        ])
        #expect(lines(BayouInvariants.violations([replica(10, log, ["r1@10": "ann", "r1@11": "bob", "X": "1"])])) == [
            "invariant violated: DatabaseReplay: replica 10's database has X = 1 but replaying its log gives X = (none)",
        ])
    }

    @Test func replicasAreReportedInIDOrderWhateverTheOrderGiven() {
        var a = Self.a
        a.database = [:]
        var b = Self.b
        b.database = [:]
        let forward = BayouInvariants.violations([Self.p, a, b])
        #expect(forward == BayouInvariants.violations([b, Self.p, a]))
        #expect(forward.map(\.name) == ["DatabaseReplay", "DatabaseReplay"])
        #expect(forward[0].detail.hasPrefix("replica 32") && forward[1].detail.hasPrefix("replica 60"))
    }
}
