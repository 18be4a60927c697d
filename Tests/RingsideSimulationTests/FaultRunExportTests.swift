import Foundation
import Testing
@testable import RingsideSimulation
import Chord

/// The exports on real runs with faults: every message sent has exactly one outcome, and
/// the ShiViz log of the run keeps every clock rule of state.md.
@Suite("Exports of runs with faults")
struct FaultRunExportTests {
    static let script = """
        bits 7
        seed 11
        add P=10 A=32 B=60 N90=90 N105=105 N120=120
        store 15 70
        write P put X 1
        write A put Y 2
        loss 0.3
        lookup 15 from N90
        sync P A
        partition P,A | B
        lookup 100 from P
        sync A B
        heal
        loss 0
        async lookup 70 from N105
        step
        fail N120
        wait
        recover N120 via P
        settle
        commit
        sync P B
        sync A B
        async lookup 15 from B
        step 1
        """

    @Test func everySendHasOneDeliverOrDropNeverEarlier() throws {
        let (events, world) = try recordedRun(Self.script)
        #expect(events.contains { $0.kind == .drop && $0.reason == .loss })
        #expect(events.contains { $0.kind == .drop && $0.reason == .partition })
        #expect(events.contains { $0.kind == .timeout })
        assertEverySendHasOneOutcome(events, allowInFlightAtEnd: true)
        // What is still in flight at the end is exactly what the dump lists.
        let sent = Set(events.filter { $0.kind == .send }.compactMap(\.msg))
        let ended = Set(events.filter { $0.kind == .deliver || $0.kind == .drop }.compactMap(\.msg))
        #expect(sent.subtracting(ended) == Set(world.inFlightPackets(limit: .max).map(\.id)))
        #expect(!world.inFlightPackets().isEmpty)
    }

    @Test func theShiVizLogOfARunKeepsEveryClockRule() throws {
        let (events, world) = try recordedRun(Self.script)
        let labels = NodeLabels(world.state)
        let parsed = try ShiVizTests.parse(ShiVizLog.render(events, labels: labels))
        let shown = events.filter { $0.kind == .send || $0.kind == .deliver }
        #expect(parsed.count == shown.count)
        var previous: [String: [String: Int]] = [:]
        var sendClock: [UInt64: [String: Int]] = [:]
        for (event, entry) in zip(shown, parsed) {
            let host = try #require(labels.name(event.kind == .send ? event.from! : event.to!))
            #expect(entry.host == host)
            #expect(entry.clock[host] == (previous[host]?[host] ?? 0) + 1)
            var expected = previous[host] ?? [:]
            if event.kind == .send {
                sendClock[event.msg!] = entry.clock
            } else {
                expected.merge(try #require(sendClock[event.msg!])) { max($0, $1) }
            }
            expected[host] = (expected[host] ?? 0) + 1
            #expect(entry.clock == expected)
            previous[host] = entry.clock
        }
    }

    @Test func messageIDsCountFromOneInSendOrder() throws {
        let (events, _) = try recordedRun(Self.script)
        let ids = events.filter { $0.kind == .send }.compactMap(\.msg)
        #expect(ids == Array(1...UInt64(ids.count)))
    }
}
