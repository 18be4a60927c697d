/// One unit of a command's queued work: a protocol action the simulation starts, or a
/// step of `settle`'s loop, which is the interpreter's own (queue a round of maintenance
/// actions, then check whether the round changed anything).
enum Work: Sendable {
    case action(Action)
    /// One round of `settle`; `bound` is the last round allowed.
    case settleRound(round: Int, bound: Int)
    /// End of a settle round: did anything change since `changeCount`?
    case settleCheck(round: Int, bound: Int, changeCount: UInt64)
    /// What a started action leaves in its command's list (never run: see `takeNext`).
    case spent
}
