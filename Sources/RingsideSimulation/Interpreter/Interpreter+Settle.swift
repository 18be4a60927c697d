import Chord

/// `settle`: rounds of stabilize, fix-fingers and check-predecessor on every live node
/// until a round changes nothing. The loop is the interpreter's; the simulation only
/// runs the actions and counts changes (`ChordState.changeCount`).
extension Interpreter {
    mutating func queueSettleRound(_ round: Int, bound: Int, for command: Int, _ sim: Simulation) {
        let before = sim.state.changeCount
        let live = sim.state.liveRing.nodes
        var roundWork: [Work] = []
        roundWork.reserveCapacity(live.count * 3 + 1)
        for node in live { roundWork.append(.action(.stabilize(node))) }
        for node in live { roundWork.append(.action(.fixFingers(node))) }
        for node in live { roundWork.append(.action(.checkPredecessor(node))) }
        roundWork.append(.settleCheck(round: round, bound: bound, changeCount: before))
        commands.insertNext(roundWork, for: command)
    }

    mutating func checkSettleRound(_ round: Int, bound: Int, changeCount: UInt64, for command: Int,
                                   _ sim: inout Simulation) throws(ScriptError) {
        if sim.state.changeCount == changeCount {
            sim.note(.command, "settle: round \(round) changed nothing → stable")
            return
        }
        guard round < bound else {
            let origin = origin(of: command)
            throw ScriptError(line: origin.line, column: origin.column, Settle.unstableMessage(bound: bound))
        }
        commands.insertNext([.settleRound(round: round + 1, bound: bound)], for: command)
    }
}

/// How long `settle` may go on.
enum Settle {
    /// Stabilization after n joins needs O(n) rounds in the worst case, fix-fingers O(log n)
    /// more; the bound is generous so that only a protocol that never converges hits it.
    static func roundBound(liveNodes: Int, bits: Int) -> Int {
        2 * liveNodes + 2 * bits + 10
    }

    /// The error when the bound is reached (script.md: "an error if that never happens
    /// within a bound the error names").
    static func unstableMessage(bound: Int) -> String {
        "settle did not reach a round that changes nothing within \(bound) rounds"
    }

    /// Whether a script error is that one: `check` tolerates it where the ring may be
    /// broken for good (CheckExecution+Quiescence.swift).
    static func isUnstable(_ message: String) -> Bool {
        message.contains("settle did not reach a round that changes nothing")
    }
}
