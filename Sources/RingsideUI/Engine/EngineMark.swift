/// The engine's own state after a step (where the script is, whether it waits at a
/// pause, how long the transcript is), so that time travel restores it with the world.
///
/// Only steps that change it get a mark (commands begun, errors, resumes); a step
/// between marks has the state of the mark before it.
struct EngineMark: Sendable {
    var step: Int
    var nextStatement: Int
    var isWaitingAtPause: Bool
    var transcriptCount: Int
    var runningOrigin: CommandOrigin
    /// Where the last command that may leave work under way came from (EngineCore).
    var workOrigin: CommandOrigin = .script
    /// The command line begun at this step, if the mark is for a begin.
    var label: String?
    /// The pause begun at this step was answered: the script waits here, not after.
    var resumed = false
    /// User commands waiting for their turn after this step.
    var queued: [QueuedCommand] = []
    /// A `wait` is under way: the script goes on once the world is idle (EngineCore).
    var waitsForIdle = false

    /// Whether the script waits for a key at `step` (a step this mark is in force at).
    func isWaiting(at step: Int) -> Bool {
        isWaitingAtPause && !(resumed && step > self.step)
    }
}

extension Array where Element == EngineMark {
    /// The mark in force at `step`: the last one at or before it (marks are ascending, the
    /// first is step 0).
    func index(inForceAt step: Int) -> Int {
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self[middle].step <= step { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
