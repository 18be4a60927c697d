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
            guard network.inFlightCount > 0 || commands.hasStartableAction else { return }
            guard let event = try advance() else { return }
            if event.isArrival { arrivals += 1 }
        }
    }

    /// Delivers in-flight message `id` now, ahead of its turn (time does not go back).
    mutating func deliverNow(_ id: MessageID) throws(ScriptError) {
        guard let (packet, handle) = network.takeOutOfTurn(id) else { throw notInFlight(id) }
        _ = arrive(packet, handle: handle)
    }

    /// Loses in-flight message `id`; its sender's timer will fire.
    mutating func dropNow(_ id: MessageID) throws(ScriptError) {
        guard let (packet, handle) = network.takeOutOfTurn(id) else { throw notInFlight(id) }
        lose(packet, handle: handle, reason: .dropped)
        note(.command, "m\(id) (\(summary(packet)), \(chord.label(packet.from)) → \(chord.label(packet.to))) dropped", node: packet.from)
    }

    private func notInFlight(_ id: MessageID) -> ScriptError {
        let ids = network.inFlight.map { "m\($0.id)" }
        let list: String
        if ids.isEmpty {
            list = "no message is in flight"
        } else {
            list = "in flight: " + ids.prefix(20).joined(separator: " ") + (ids.count > 20 ? " … (\(ids.count) in all)" : "")
        }
        return ScriptError(column: origin.column, "m\(id) is not in flight; \(list)")
    }
}
