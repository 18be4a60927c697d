import Chord
import RingsideKernel

/// Driving the simulation: start the next queued work of a command that may start, else
/// let the network deliver its next message or fire its next timer; then bring the
/// running commands up to date with what the step did.
extension World {
    /// One event: the next work of a command that can start some, else the next message
    /// arrival or timer. Returns nil when nothing is left to do.
    mutating func advance() throws(ScriptError) -> StepReport? {
        if let (command, work) = commands.takeStartableAction() {
            let report = try start(work, for: command)
            account(report)
            return report
        }
        guard let report = simulation.advanceNetwork() else { return nil }
        account(report)
        return report
    }

    /// Starts one unit of `command`'s work.
    mutating func start(_ work: Work, for command: Int) throws(ScriptError) -> StepReport {
        currentCause = command
        switch work {
        case let .action(action):
            do {
                return try simulation.perform(action, cause: command)
            } catch {
                throw error.at(line: origin.line, column: origin.column)
            }
        case let .settleRound(round, bound):
            queueSettleRound(round, bound: bound, for: command)
        case let .settleCheck(round, bound, changeCount):
            try checkSettleRound(round, bound: bound, changeCount: changeCount, for: command)
        }
        return StepReport(kind: .performed, cause: command)
    }

    /// Brings the running commands up to date with what a step did, and ends the step's
    /// command if its work is all done. A loss ends nothing unless it finished a message.
    mutating func account(_ report: StepReport) {
        commands.account(report)
        if report.kind != .lost || report.finished > 0 { completeIfDone(report.cause) }
        if report.kind == .lost { simulation.flushDeferredDrop() }
    }

    /// Ends a command whose work is all done; the simulation fails what it left open.
    mutating func completeIfDone(_ command: Int) {
        guard let entry = commands.removeIfComplete(command) else { return }
        simulation.finishCause(command, lookups: entry.lookups)
    }

    /// Delivers the next message, starts the next action, or fires the next timer.
    /// Returns false when the world is idle.
    public mutating func step() throws(ScriptError) -> Bool {
        try advance() != nil
    }

    /// Steps until idle (every command, `async` ones included, has run to completion).
    public mutating func runToCompletion() throws(ScriptError) {
        while try advance() != nil {}
    }

    /// Steps until `command` is complete (earlier `async` work due meanwhile runs too).
    mutating func run(untilComplete command: Int) throws(ScriptError) {
        while commands.contains(command) {
            guard try advance() != nil else { return }
        }
    }

    /// `async COMMAND` starts COMMAND and goes on (script.md v2): its first action runs
    /// now, so its messages are in flight for `dump`, `deliver mID` and `drop mID` (an
    /// action that sends nothing lets the next one start too). Nothing is delivered.
    mutating func startAsync(_ command: Int) throws(ScriptError) {
        while let work = commands.takeStartableAction(of: command) {
            account(try start(work, for: command))
        }
    }

    /// Queues work for the command being begun.
    mutating func enqueue(_ action: Action) {
        commands.enqueue(.action(action), for: currentCause)
    }

    mutating func enqueue(_ work: Work) {
        commands.enqueue(work, for: currentCause)
    }

    /// Queues the follow-up actions the simulation asked for.
    mutating func enqueue(_ actions: [Action]) {
        for action in actions { enqueue(action) }
    }
}
