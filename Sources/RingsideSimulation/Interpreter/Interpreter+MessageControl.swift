import Chord
import RingsideKernel

/// Messages one at a time: `step`, `deliver mID`, `drop mID` (script.md v2).
extension Interpreter {
    /// Delivers the next `count` in-flight messages in (time, sequence) order, firing the
    /// timers and starting the `async` work that come due on the way; fewer if fewer are
    /// in flight.
    mutating func stepMessages(_ count: Int, _ sim: inout Simulation) throws(ScriptError) {
        var arrivals = 0
        while arrivals < count {
            guard sim.network.inFlightCount > 0 || commands.hasStartableAction else { return }
            guard let report = try advance(&sim) else { return }
            if report.isArrival { arrivals += 1 }
        }
    }

    /// Delivers in-flight message `id` now, ahead of its turn (time does not go back).
    /// `column` is where the id is written: a "not in flight" error points at it, as
    /// other argument errors point at their argument.
    mutating func deliverNow(_ id: MessageID, column: Int, _ sim: inout Simulation) throws(ScriptError) {
        guard let report = sim.deliver(id) else {
            throw sim.notInFlight(id).at(column: column)
        }
        account(report, &sim)
    }

    /// Loses in-flight message `id`; its sender's timer will fire.
    mutating func dropNow(_ id: MessageID, column: Int, _ sim: inout Simulation) throws(ScriptError) {
        guard let (report, packet) = sim.drop(id) else {
            throw sim.notInFlight(id).at(column: column)
        }
        account(report, &sim)
        sim.noteDropped(packet)
    }
}
