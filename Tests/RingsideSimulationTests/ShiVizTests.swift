import Foundation
import Testing
@testable import RingsideSimulation
import Chord

@Suite("The ShiViz log")
struct ShiVizTests {
    /// Hosts A, B, C are nodes 0, 1, 2 (labels name them "NA", "NB", "NC").
    static let hosts = labels(ids: ["A", "B", "C"], bits: 7)

    /// Interleaved sends, deliveries and drops across three hosts, plus events ShiViz skips.
    static func sequence() -> [SimulationEvent] {
        var log = EventLog(isRecording: true)
        log.append(.command(time: 0, line: 1, text: "lookup 15 from A"))
        log.append(.send(time: 0, msg: 1, from: 0, to: 1, type: "find_successor"))
        log.append(.send(time: 0, msg: 2, from: 0, to: 2, type: "notify"))
        log.append(.deliver(time: 3, msg: 1, from: 0, to: 1, type: "find_successor", text: "B: forward\nto C"))
        log.append(.send(time: 3, msg: 3, from: 1, to: 2, type: "find_successor"))
        log.append(.drop(time: 4, msg: 2, from: 0, to: 2, type: "notify", reason: .loss))
        log.append(.send(time: 4, msg: 4, from: 2, to: 1, type: "ping"))
        log.append(.deliver(time: 6, msg: 3, from: 1, to: 2, type: "find_successor"))
        log.append(.note(time: 6, node: 2, text: "C owns 15"))
        log.append(.send(time: 6, msg: 5, from: 2, to: 0, type: "reply"))
        log.append(.deliver(time: 7, msg: 4, from: 2, to: 1, type: "ping"))
        log.append(.timeout(time: 8, msg: 2, node: 0, text: "A: C did not answer"))
        log.append(.deliver(time: 9, msg: 5, from: 2, to: 0, type: "reply"))
        log.append(.send(time: 9, msg: 6, from: 0, to: 1, type: "ping"))  // still in flight at the end
        return log.take()
    }

    struct Parsed {
        var description: String
        var host: String
        var clock: [String: Int]
    }

    /// Parses `text` as ShiViz does: two header lines, then its default regex.
    static func parse(_ text: String) throws -> [Parsed] {
        #expect(text.hasPrefix("\n\n"))
        let body = String(text.dropFirst(2))
        // ShiViz's default, verbatim except that ICU wants the braces escaped.
        let regex = try NSRegularExpression(pattern: #"(?<event>.*)\n(?<host>\S*) (?<clock>\{.*\})"#)
        let whole = NSRange(body.startIndex..., in: body)
        var covered = 0
        var parsed: [Parsed] = []
        for match in regex.matches(in: body, range: whole) {
            #expect(match.range.location == covered, "text between events at \(covered)")
            covered = match.range.location + match.range.length + 1  // the newline after the clock
            func group(_ name: String) -> String { String(body[Range(match.range(withName: name), in: body)!]) }
            let clock = try #require(try JSONSerialization.jsonObject(with: Data(group("clock").utf8)) as? [String: Int])
            parsed.append(Parsed(description: group("event"), host: group("host"), clock: clock))
        }
        #expect(covered == (body as NSString).length, "the log does not end with an event")
        return parsed
    }

    @Test func exactOutputForAHandBuiltRun() {
        #expect(ShiVizLog.render(Self.sequence(), labels: Self.hosts) == """


            NA sends find_successor m1 to NB
            NA {"NA": 1}
            NA sends notify m2 to NC
            NA {"NA": 2}
            NB receives find_successor m1 from NA: B: forward to C
            NB {"NA": 1, "NB": 1}
            NB sends find_successor m3 to NC
            NB {"NA": 1, "NB": 2}
            NC sends ping m4 to NB
            NC {"NC": 1}
            NC receives find_successor m3 from NB
            NC {"NA": 1, "NB": 2, "NC": 2}
            NC sends reply m5 to NA
            NC {"NA": 1, "NB": 2, "NC": 3}
            NB receives ping m4 from NC
            NB {"NA": 1, "NB": 3, "NC": 1}
            NA receives reply m5 from NC
            NA {"NA": 3, "NB": 2, "NC": 3}
            NA sends ping m6 to NB
            NA {"NA": 4, "NB": 2, "NC": 3}

            """)
    }

    /// Every rule of state.md, checked on the parsed file against the events it came from.
    @Test func followsEveryRuleOfTheSpec() throws {
        let events = Self.sequence()
        let parsed = try Self.parse(ShiVizLog.render(events, labels: Self.hosts))
        // Every send and every delivery is an event, in order; nothing else is.
        let shown = events.filter { $0.kind == .send || $0.kind == .deliver }
        #expect(parsed.count == shown.count)
        var previous: [String: [String: Int]] = [:]
        var sendClock: [UInt64: [String: Int]] = [:]
        for (event, entry) in zip(shown, parsed) {
            let host = event.kind == .send ? "N" + ["A", "B", "C"][Int(event.from!)] : "N" + ["A", "B", "C"][Int(event.to!)]
            #expect(entry.host == host)
            #expect(!entry.description.contains("\n"))
            // A host's own entry starts at 1 and grows by exactly 1 per event of that host.
            #expect(entry.clock[host] == (previous[host]?[host] ?? 0) + 1, "\(entry)")
            var expected = previous[host] ?? [:]
            if event.kind == .send {
                sendClock[event.msg!] = entry.clock
            } else {
                // A delivery: element-wise max of the receiver's previous clock and the send's.
                expected.merge(sendClock[event.msg!] ?? [:]) { max($0, $1) }
            }
            expected[host] = (expected[host] ?? 0) + 1
            #expect(entry.clock == expected, "\(entry)")
            previous[host] = entry.clock
        }
    }

    @Test func emptyRunIsJustTheHeaderAndDropsForgetTheirSendClock() throws {
        #expect(ShiVizLog.render([], labels: Self.hosts) == "\n\n")
        var log = ShiVizLog()
        var out = ""
        log.append(.send(time: 0, msg: 1, from: 0, to: 1, type: "a"), labels: Self.hosts, to: &out)
        log.append(.send(time: 0, msg: 2, from: 0, to: 1, type: "a"), labels: Self.hosts, to: &out)
        #expect(log.inFlightCount == 2)
        log.append(.drop(time: 1, msg: 1, from: 0, to: 1, type: "a", reason: .dead), labels: Self.hosts, to: &out)
        log.append(.deliver(time: 1, msg: 2, from: 0, to: 1, type: "a"), labels: Self.hosts, to: &out)
        #expect(log.inFlightCount == 0)
        // A delivery whose send was never seen still ticks the receiver, and only it.
        log.append(.deliver(time: 2, msg: 1, from: 0, to: 2, type: "a"), labels: Self.hosts, to: &out)
        #expect(out.hasSuffix("NC {\"NC\": 1}\n"))
    }

    /// Audit: a name with a no-break space became "a_b", the same host as a node named
    /// a_b: one clock with the key twice, and the host's count went back to 1. Names are
    /// now escaped one to one (white space as \u00a0, a backslash as \\).
    @Test func hostNamesWithWhiteSpaceStayDistinct() throws {
        let names = ["a\u{00A0}b", "a_b", "a\\u00a0b", "c\u{3000}"]
        let hosts = NodeLabels(idsAreStrings: false, id: { "\($0)" }, name: { Int($0) < names.count ? names[Int($0)] : nil })
        var log = EventLog(isRecording: true)
        var msg: UInt64 = 0
        for from in 0..<4 {
            for to in 0..<4 where to != from {
                msg += 1
                log.append(.send(time: 0, msg: msg, from: NodeIndex(from), to: NodeIndex(to), type: "ping"))
                log.append(.deliver(time: 1, msg: msg, from: NodeIndex(from), to: NodeIndex(to), type: "ping"))
            }
        }
        let parsed = try Self.parse(ShiVizLog.render(log.take(), labels: hosts))
        #expect(Set(parsed.map(\.host)) == ["a\\u00a0b", "a_b", "a\\\\u00a0b", "c\\u3000"])
        var count: [String: Int] = [:]
        for entry in parsed {
            count[entry.host, default: 0] += 1
            #expect(entry.clock[entry.host] == count[entry.host], "\(entry)")
            #expect(entry.clock.count <= 4)
        }
    }
}
