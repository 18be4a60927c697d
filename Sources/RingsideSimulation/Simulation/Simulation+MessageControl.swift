import Chord
import RingsideKernel

/// One message out of turn (`deliver mID`, `drop mID`). Time does not go back.
extension Simulation {
    /// Delivers in-flight message `id` now; nil if it is not in flight.
    mutating func deliver(_ id: MessageID) -> StepReport? {
        guard let (packet, handle) = network.takeOutOfTurn(id) else { return nil }
        return arrive(packet, handle: handle)
    }

    /// Loses in-flight message `id` (its sender's timer will fire); nil if it is not in
    /// flight. The dropped packet comes back for `noteDropped`, which the driver calls
    /// once it has handled the report.
    mutating func drop(_ id: MessageID) -> (report: StepReport, packet: Packet)? {
        guard let (packet, handle) = network.takeOutOfTurn(id) else { return nil }
        ledger = StepReport(kind: .lost, cause: packet.cause)
        lose(packet, handle: handle, reason: .dropped)
        return (ledger, packet)
    }

    mutating func noteDropped(_ packet: Packet) {
        note(.command, "m\(packet.id) (\(summary(packet)), \(chord.label(packet.from)) → \(chord.label(packet.to))) dropped", node: packet.from)
    }

    /// Why `id` cannot be delivered or dropped, with what is in flight instead.
    func notInFlight(_ id: MessageID) -> SimulationError {
        let ids = network.inFlight.map { "m\($0.id)" }
        let list: String
        if ids.isEmpty {
            list = "no message is in flight"
        } else {
            list = "in flight: " + ids.prefix(20).joined(separator: " ") + (ids.count > 20 ? " … (\(ids.count) in all)" : "")
        }
        return SimulationError("m\(id) is not in flight; \(list)")
    }
}
