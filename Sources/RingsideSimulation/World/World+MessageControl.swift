import Chord
import RingsideKernel

/// Messages one at a time: `step`, `deliver mID`, `drop mID` (script.md v2).
extension World {
    /// Delivers the next `count` in-flight messages in (time, sequence) order, firing the
    /// timers and starting the `async` work that come due on the way; fewer if fewer are
    /// in flight.
    mutating func stepMessages(_ count: Int) throws(ScriptError) {
        var arrivals = 0
        while arrivals < count {
            guard simulation.network.inFlightCount > 0 || commands.hasStartableAction else { return }
            guard let report = try advance() else { return }
            if report.isArrival { arrivals += 1 }
        }
    }

    /// Delivers in-flight message `id` now, ahead of its turn (time does not go back).
    mutating func deliverNow(_ id: MessageID) throws(ScriptError) {
        guard let report = simulation.deliver(id) else {
            throw simulation.notInFlight(id).at(column: origin.column)
        }
        account(report)
    }

    /// Loses in-flight message `id`; its sender's timer will fire.
    mutating func dropNow(_ id: MessageID) throws(ScriptError) {
        guard let (report, packet) = simulation.drop(id) else {
            throw simulation.notInFlight(id).at(column: origin.column)
        }
        account(report)
        simulation.noteDropped(packet)
    }
}
