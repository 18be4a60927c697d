import Foundation
import Testing
@testable import RingsideSimulation
import Chord

/// Node labels for hand-built events: index i is the i-th of `ids`, named "N<id>".
func labels(ids: [String], bits: Int) -> NodeLabels {
    NodeLabels(idsAreStrings: bits > 64,
               id: { Int($0) < ids.count && $0 >= 0 ? ids[Int($0)] : nil },
               name: { Int($0) < ids.count && $0 >= 0 ? "N" + ids[Int($0)] : nil })
}

/// Runs `script` with event recording on, taking events after every command as `run` does.
func recordedRun(_ script: String) throws -> (events: [SimulationEvent], world: World) {
    var world = World()
    world.narrates = true
    world.recordsEvents = true
    var runner = ScriptRunner(world: world)
    var events: [SimulationEvent] = []
    try runner.run(bytes: Array(script.utf8), afterEachCommand: { events += $0.takeEvents() }) { _ in }
    return (events, runner.world)
}

@Suite("The event log")
struct EventLogTests {
    /// The six example lines of state.md, in its order (node 90 = index 0, 10 = 1, 32 = 2).
    static func specExample() -> [SimulationEvent] {
        var log = EventLog(isRecording: true)
        log.append(.command(time: 0, line: 12, text: "lookup 15 from 90"))
        log.append(.send(time: 0, msg: 1, from: 0, to: 1, type: "find_successor"))
        log.append(.deliver(time: 6, msg: 1, from: 0, to: 1, type: "find_successor",
                            text: "90: 15 ∉ (90,105] → forward to closest preceding finger 10"))
        log.append(.drop(time: 9, msg: 2, from: 1, to: 2, type: "...", reason: .loss))
        log.append(.timeout(time: 39, msg: 2, node: 1, text: "..."))
        log.append(.note(time: 39, node: 1, text: "..."))
        return log.take()
    }

    @Test func jsonLinesHaveTheSpecsKeyOrderAndNumberIDsUpTo64Bits() {
        let text = EventJSONLines.render(Self.specExample(), labels: labels(ids: ["90", "10", "32"], bits: 7))
        #expect(text == """
            {"seq": 1, "time": 0, "kind": "command", "line": 12, "text": "lookup 15 from 90"}
            {"seq": 2, "time": 0, "kind": "send", "msg": 1, "from": 90, "to": 10, "type": "find_successor"}
            {"seq": 3, "time": 6, "kind": "deliver", "msg": 1, "from": 90, "to": 10, "type": "find_successor", "text": "90: 15 ∉ (90,105] → forward to closest preceding finger 10"}
            {"seq": 4, "time": 9, "kind": "drop", "msg": 2, "from": 10, "to": 32, "type": "...", "reason": "loss"}
            {"seq": 5, "time": 39, "kind": "timeout", "msg": 2, "node": 10, "text": "..."}
            {"seq": 6, "time": 39, "kind": "note", "node": 10, "text": "..."}

            """)
    }

    @Test func idsAreDecimalStringsAbove64Bits() throws {
        let wide = "1461501637330902918203684832716283019655932542975"  // 2^160 - 1
        let text = EventJSONLines.render(Self.specExample(), labels: labels(ids: [wide, "10", "32"], bits: 160))
        let lines = text.split(separator: "\n")
        #expect(lines[1] == #"{"seq": 2, "time": 0, "kind": "send", "msg": 1, "from": "\#(wide)", "to": "10", "type": "find_successor"}"#)
        #expect(lines[4] == #"{"seq": 5, "time": 39, "kind": "timeout", "msg": 2, "node": "10", "text": "..."}"#)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["from", "to", "node"] where object[key] != nil { #expect(object[key] is String, "\(key) in \(line)") }
        }
    }

    @Test func textIsEscapedAndUnknownNodesAreNullAndAbsentFieldsLeftOut() throws {
        var log = EventLog(isRecording: true)
        log.append(.note(time: 3, text: "say \"hi\"\n\\ \u{1}"))
        log.append(.deliver(time: 4, msg: 7, from: 0, to: 9, type: "notify"))
        let text = EventJSONLines.render(log.take(), labels: labels(ids: ["5"], bits: 7))
        #expect(text == #"""
            {"seq": 1, "time": 3, "kind": "note", "text": "say \"hi\"\n\\ \u0001"}
            {"seq": 2, "time": 4, "kind": "deliver", "msg": 7, "from": 5, "to": null, "type": "notify"}

            """#)
    }

    @Test func theLogNumbersOnlyRecordedEventsAndTakeDrainsIt() {
        var log = EventLog()
        log.append(.note(time: 1, text: "not recorded"))
        #expect(log.pendingCount == 0)
        log.isRecording = true
        log.append(.note(time: 2, text: "a"))
        log.append(.note(time: 3, text: "b"))
        #expect(log.take().map(\.seq) == [1, 2])
        #expect(log.take().isEmpty)
        log.append(.note(time: 4, text: "c"))
        #expect(log.take().map { "\($0.seq) \($0.text ?? "")" } == ["3 c"])
    }

    @Test func theFirstNoteOfADeliveryBecomesItsText() {
        var log = EventLog(isRecording: true)
        log.beginDelivery(.deliver(time: 5, msg: 1, from: 0, to: 1, type: "find_successor"))
        log.append(.note(time: 5, node: 1, text: "10: 15 ∈ (10,32] → successor 32 owns it"))
        log.append(.note(time: 5, node: 1, text: "a second thought"))
        log.endDelivery()
        log.beginDelivery(.deliver(time: 6, msg: 2, from: 1, to: 0, type: "reply"))
        log.endDelivery()
        log.append(.note(time: 6, text: "after"))
        let events = log.take()
        #expect(events.map(\.seq) == [1, 2, 3, 4])
        #expect(events.map(\.kind) == [.deliver, .note, .deliver, .note])
        #expect(events[0].text == "10: 15 ∈ (10,32] → successor 32 owns it")
        #expect(events[2].text == nil)
        #expect(events.compactMap(TraceLines.line(for:))
                == ["[t=5] 10: 15 ∈ (10,32] → successor 32 owns it", "[t=5] a second thought", "[t=6] after"])
    }

    @Test func anUnrecordedEventIsNeverBuilt() {
        var log = EventLog()
        var built = 0
        func event() -> SimulationEvent { built += 1; return .note(time: 0, text: "x") }
        log.append(event())
        #expect(built == 0)
        log.isRecording = true
        log.append(event())
        #expect(built == 1)
    }

    @Test func aRunRecordsEachCommandAsWrittenAndEveryTraceLineAsANote() throws {
        let script = """
            bits 7
            add 10 32 60 90 105 120   # the lecture ring
            say the route of key 15
            lookup 15 from 90
            """
        let (events, world) = try recordedRun(script)
        let commands = events.filter { $0.kind == .command }
        #expect(commands.map { "\($0.line ?? 0): \($0.text ?? "")" }
                == ["1: bits 7", "2: add 10 32 60 90 105 120", "3: say the route of key 15", "4: lookup 15 from 90"])
        #expect(events.map(\.seq) == Array(1...UInt64(events.count)))
        // The bounded trace holds everything here, so both must say the same, in order: each
        // explanation is a note or the text of the delivery it explains.
        let notes = events.compactMap(TraceLines.line(for:))
        #expect(notes == world.trace.events.map { "[t=\($0.time)] \($0.text)" })
        #expect(events.contains { $0.kind == .deliver && $0.text?.contains("15 ∈ (10,32]") == true })
        #expect(notes.contains("[t=0] the route of key 15"))
        #expect(notes.contains { $0.contains("15 ∉ (90,105]") })
        assertEverySendHasOneOutcome(events)
    }

    @Test func traceLinesPrintExplanationsOnly() {
        let lines = Self.specExample().compactMap(TraceLines.line(for:))
        #expect(lines == ["[t=6] 90: 15 ∉ (90,105] → forward to closest preceding finger 10", "[t=39] ...", "[t=39] ..."])
        var out = ""
        TraceLines.append(.deliver(time: 1, msg: 1, from: 0, to: 1, type: "ping"), to: &out)
        TraceLines.append(.note(time: 2, text: "hello"), to: &out)
        #expect(out == "[t=2] hello\n")
    }

    /// The bounded `TraceLog` keeps the newest 2,000 entries, and `run --trace` used to print
    /// only those of a command that wrote more; the event stream must lose none.
    @Test func oneCommandWithMoreThan2000TraceLinesKeepsThemAll() throws {
        let ids = stride(from: 1, to: 1000, by: 5).map(String.init).joined(separator: " ")
        let (events, world) = try recordedRun("bits 10\nadd \(ids)\nfix-fingers\n")
        let lines = events.compactMap(TraceLines.line(for:))
        #expect(world.trace.total > Limits.eventsKept)
        #expect(lines.count == world.trace.total)  // every line ever written to the trace
        // The trace kept the newest ones: they are the stream's last lines.
        #expect(Array(lines.suffix(Limits.eventsKept)) == world.trace.events.map { "[t=\($0.time)] \($0.text)" })
        #expect(lines.first?.hasPrefix("[t=0] 1: ") == true)
    }
}

@Suite("The send-outcome checker")
struct SendOutcomeCheckerTests {
    @Test func acceptsEachSendWithOneLaterOutcome() {
        let events: [SimulationEvent] = [
            .send(time: 0, msg: 1, from: 0, to: 1, type: "a"),
            .send(time: 0, msg: 2, from: 0, to: 2, type: "a"),
            .drop(time: 1, msg: 2, from: 0, to: 2, type: "a", reason: .partition),
            .deliver(time: 5, msg: 1, from: 0, to: 1, type: "a"),
        ]
        #expect(sendOutcomeProblems(events).isEmpty)
        assertEverySendHasOneOutcome(events)
    }

    @Test func inFlightAtTheEndOnlyWhenAllowed() {
        let events: [SimulationEvent] = [.send(time: 0, msg: 1, from: 0, to: 1, type: "a")]
        #expect(sendOutcomeProblems(events) == ["m1 (sent at seq 0) has no deliver or drop"])
        #expect(sendOutcomeProblems(events, allowInFlightAtEnd: true).isEmpty)
    }

    @Test func findsEveryKindOfMistake() {
        let events: [SimulationEvent] = [
            .deliver(time: 0, msg: 1, from: 0, to: 1, type: "a"),       // before its send
            .send(time: 2, msg: 1, from: 0, to: 1, type: "a"),
            .deliver(time: 1, msg: 1, from: 0, to: 1, type: "a"),       // earlier in time
            .drop(time: 3, msg: 1, from: 0, to: 1, type: "a", reason: .dead),  // second outcome
            .send(time: 3, msg: 1, from: 0, to: 1, type: "a"),          // msg reused
            .drop(time: 4, msg: 9, from: 0, to: 1, type: "a", reason: .loss),  // never sent
        ]
        let problems = sendOutcomeProblems(events)
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.contains { $0.contains("before any send") && $0.hasPrefix("deliver of m1") })
        #expect(problems.contains { $0.contains("delivered at t=1, before its send at t=2") })
        #expect(problems.contains { $0.contains("second outcome") })
        #expect(problems.contains { $0.contains("sent again") })
        #expect(problems.contains { $0.hasPrefix("drop of m9") })
    }
}
