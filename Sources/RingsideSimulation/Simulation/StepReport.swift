/// What one step of the simulation did to the work of the cause it ran for.
///
/// The simulation keeps no account of which causes are still busy: that is the driver's
/// business (`RunningCommands`). A step counts here instead, as plain numbers, so the hot
/// path pays a field increment per message and the driver settles the account once per
/// step. Finished messages are applied before started ones, as they happened.
struct StepReport: Sendable {
    enum Kind: UInt8, Sendable {
        /// An action began (`Simulation.perform`).
        case performed
        /// A message reached its receiver.
        case delivered
        /// A message was lost where it arrived (receiver down, partition) or dropped.
        case lost
        /// A transport timer fired.
        case timerFired
    }

    var kind = Kind.performed
    /// The cause whose messages this step started and finished.
    var cause = 0
    /// Messages and timers that ended in this step (0 or 1).
    var finished: Int32 = 0
    /// Messages sent for `cause` in this step (each with its timer).
    var started: Int32 = 0
    /// The `lookup` record this step opened, if any (-1: none).
    var lookup = -1

    var isArrival: Bool { kind == .delivered || kind == .lost }
}
