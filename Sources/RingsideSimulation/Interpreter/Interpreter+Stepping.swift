import Chord
import RingsideKernel

/// Driving the simulation: start the next queued work of a command that may start, else
/// let the network deliver its next message or fire its next timer; then bring the
/// running commands up to date with what the step did.
extension Interpreter {
    /// One event: the next work of a command that can start some, else the next message
    /// arrival or timer. Returns nil when nothing is left to do.
    mutating func advance(_ sim: inout Simulation) throws(ScriptError) -> StepReport? {
        if commands.hasStartableAction {
            let (command, work) = commands.takeStartable()
            let report = try start(work, for: command, &sim)
            account(report, &sim)
            return report
        }
        guard let report = sim.advanceNetwork() else { return nil }
        account(report, &sim)
        return report
    }

    /// Starts one unit of `command`'s work.
    mutating func start(_ work: consuming Work, for command: Int, _ sim: inout Simulation) throws(ScriptError) -> StepReport {
        sim.cause = command
        switch consume work {
        case let .action(action):
            do {
                return try sim.perform(action, cause: command)
            } catch {
                let origin = origin(of: command)
                throw error.at(line: origin.line, column: origin.column)
            }
        case let .settleRound(round, bound):
            queueSettleRound(round, bound: bound, for: command, sim)
        case let .settleCheck(round, bound, changeCount):
            try checkSettleRound(round, bound: bound, changeCount: changeCount, for: command, &sim)
        case .spent:
            preconditionFailure("a started action was taken again")
        }
        return StepReport(kind: .performed, cause: command)
    }

    /// Brings the running commands up to date with what a step did, and ends the step's
    /// command if its work is all done. A loss ends nothing unless it finished a message.
    mutating func account(_ report: StepReport, _ sim: inout Simulation) {
        // A delivery that changes no count and completes nothing (a hop) only reads.
        if report.kind == .delivered && commands.completesNothing(report) { return }
        settle(report, &sim)
    }

    @inline(never)
    private mutating func settle(_ report: StepReport, _ sim: inout Simulation) {
        commands.account(report)
        if report.kind != .lost || report.finished > 0 { completeIfDone(report.cause, &sim) }
        if report.kind == .lost { sim.flushDeferredDrop() }
    }

    /// Ends a command whose work is all done; the simulation fails what it left open.
    mutating func completeIfDone(_ command: Int, _ sim: inout Simulation) {
        guard let lookups = commands.removeIfComplete(command) else { return }
        asyncOrigins[command] = nil
        sim.finishCause(command, lookups: lookups)
    }

    /// Steps until idle (every command, `async` ones included, has run to completion).
    mutating func runToCompletion(_ sim: inout Simulation) throws(ScriptError) {
        while try advance(&sim) != nil {}
    }

    /// Steps until `command` is complete (earlier `async` work due meanwhile runs too).
    mutating func run(untilComplete command: Int, _ sim: inout Simulation) throws(ScriptError) {
        while commands.contains(command) {
            guard try advance(&sim) != nil else { return }
        }
    }

    /// `async COMMAND` starts COMMAND and goes on (script.md v2): its first action runs
    /// now, so its messages are in flight for `dump`, `deliver mID` and `drop mID` (an
    /// action that sends nothing lets the next one start too). Nothing is delivered.
    mutating func startAsync(_ command: Int, _ sim: inout Simulation) throws(ScriptError) {
        while let work = commands.takeStartableAction(of: command) {
            account(try start(work, for: command, &sim), &sim)
        }
    }

    /// Queues work for the command being begun (the simulation's current cause).
    mutating func enqueue(_ action: consuming Action, _ sim: Simulation) {
        commands.enqueue(.action(action), for: sim.cause)
    }

    mutating func enqueue(_ work: consuming Work, _ sim: Simulation) {
        commands.enqueue(work, for: sim.cause)
    }

    /// Queues the follow-up actions the simulation asked for.
    mutating func enqueue(_ actions: [Action], _ sim: Simulation) {
        for action in actions { enqueue(action, sim) }
    }
}
