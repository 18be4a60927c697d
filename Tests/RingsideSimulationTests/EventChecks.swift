import Testing
import RingsideSimulation

/// What is wrong with a run's sends and their outcomes (state.md "Event log"): every send
/// has a new msg and exactly one later `deliver` or `drop` with that msg, never one
/// before it, and a delivery is not earlier in virtual time than its send. Messages still
/// in flight at the end are a problem unless `allowInFlightAtEnd`.
/// Empty when all is well; each problem names the msg and the seqs involved.
func sendOutcomeProblems(_ events: [SimulationEvent], allowInFlightAtEnd: Bool = false) -> [String] {
    var problems: [String] = []
    /// Sends without an outcome yet, by msg: the send's seq and time.
    var open: [UInt64: (seq: UInt64, time: UInt64)] = [:]
    /// Every msg ever sent, and the seq of its outcome once it has one.
    var sent: Set<UInt64> = []
    var outcome: [UInt64: UInt64] = [:]
    for event in events {
        switch event.kind {
        case .send:
            guard let msg = event.msg else { problems.append("send seq \(event.seq) has no msg"); continue }
            if sent.contains(msg) {
                problems.append("m\(msg) sent again at seq \(event.seq)")
                continue
            }
            sent.insert(msg)
            open[msg] = (event.seq, event.time)
        case .deliver, .drop:
            guard let msg = event.msg else { problems.append("\(event.kind) seq \(event.seq) has no msg"); continue }
            if let earlier = outcome[msg] {
                problems.append("m\(msg) has a second outcome at seq \(event.seq) (first at seq \(earlier))")
                continue
            }
            guard let send = open.removeValue(forKey: msg) else {
                problems.append("\(event.kind) of m\(msg) at seq \(event.seq) comes before any send of it")
                continue
            }
            outcome[msg] = event.seq
            if event.kind == .deliver, event.time < send.time {
                problems.append("m\(msg) delivered at t=\(event.time), before its send at t=\(send.time)")
            }
        case .command, .timeout, .note:
            break
        }
    }
    if !allowInFlightAtEnd {
        // Sorted so the message is the same every run (no Dictionary order in output).
        for msg in open.keys.sorted() {
            problems.append("m\(msg) (sent at seq \(open[msg]!.seq)) has no deliver or drop")
        }
    }
    return problems
}

/// Records a test issue for each problem `sendOutcomeProblems` finds.
func assertEverySendHasOneOutcome(_ events: [SimulationEvent], allowInFlightAtEnd: Bool = false,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
    for problem in sendOutcomeProblems(events, allowInFlightAtEnd: allowInFlightAtEnd) {
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
}
