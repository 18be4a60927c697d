/// Moving the cursor: back from a checkpoint plus replay, forward by replay.
extension Timeline {
    /// Shows the world after `step` steps of the current branch (clamped to 0...stepCount).
    /// The cost is at most `checkpointInterval` replayed inputs (or none, for the newest).
    public mutating func goTo(step: Int) {
        let target = min(max(0, step), stepCount)
        guard target != cursor else { return }
        world.discardPendingEvents()
        if cursor == stepCount { tip = world }
        if target == stepCount, let newest = tip {
            world = newest
            cursor = target
            tip = nil
            return
        }
        let start = nearestCheckpoint(atOrBefore: target)
        // Forward from the cursor when no checkpoint lies between: replay from here.
        if !(cursor < target && cursor >= start.step) {
            world = start.world
            cursor = start.step
        }
        replay(until: target)
        world.discardPendingEvents()
    }

    /// Back one step (no-op at the start).
    public mutating func stepBack() { goTo(step: cursor - 1) }

    private func nearestCheckpoint(atOrBefore step: Int) -> (step: Int, world: World) {
        // Checkpoints are ascending and the first is step 0: a binary search for the last ≤ step.
        var low = 0
        var high = checkpoints.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if checkpoints[middle].step <= step { low = middle } else { high = middle - 1 }
        }
        return checkpoints[low]
    }

    private mutating func replay(until target: Int) {
        while cursor < target {
            let input = recorded[cursor]
            let threw = world.replay(input.input)
            if threw != input.threw, replayDivergence == nil { replayDivergence = cursor + 1 }
            cursor += 1
        }
    }
}
