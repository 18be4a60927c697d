/// One step of a timeline: what the user (or the script) did to the world.
///
/// `deliver mID`, `drop mID`, `step N` and every other command are `.begin` of their
/// statement; `.step` is one call of `World.step()` (one event). Replaying the same
/// inputs on the same starting world reproduces the same worlds: the engine is
/// deterministic and draws only from the world's own PRNG.
public enum TimelineInput: Equatable, Sendable {
    case begin(Statement)
    case step
}

/// An input as it happened, with whether it raised an error. A failed `begin` still
/// counts as a step: it may have changed the world (it took a command number, and a
/// command can fail half way), so replay must run it too.
struct RecordedInput: Sendable {
    var input: TimelineInput
    var threw: Bool
}
