/// Play mode: messages at `speed` per second, and maintenance when the ring is quiet.
extension AppModel {
    /// The commands play mode issues on an idle ring, so a damaged ring heals by itself
    /// (Chord runs them periodically at every node).
    public static let maintenanceCommands = ["stabilize", "fix-fingers", "check-predecessor"]

    /// One idle round's commands: Chord's maintenance, and in Dynamo mode hinted handoff
    /// while stand-ins hold hints (script.md: "the TUI's play mode runs `handoff` periodically").
    func maintenanceRound() -> [String] {
        Self.maintenanceCommands + (world.isDynamoStore && world.holdsHints ? ["handoff"] : [])
    }

    mutating func tick() -> [AppEffect] {
        let elapsed = max(0, now - (lastTick ?? now))
        lastTick = now
        flashUntil = flashUntil.filter { $0.value > now }
        guard isPlaying, !isWaitingAtPause else { return [] }
        // One request at a time: if the engine is behind, playback slows instead of
        // queueing a backlog the user would watch drain after pressing pause.
        guard requestsOutstanding == 0 else { return [] }

        if world.isIdle, scriptRemaining == 0 {
            stepBudget = 0
            guard let due = maintenanceDue else {
                maintenanceDue = now + Self.maintenanceIntervalMillis
                return []
            }
            guard now >= due, world.state.liveCount > 0 else { return [] }
            maintenanceDue = nil
            return maintenanceRound().map { .engine(.command($0, origin: .maintenance)) }
        }
        maintenanceDue = nil
        // At most a second's worth, so a stall does not turn into a burst.
        stepBudget = min(stepBudget + Double(elapsed) * speed / 1000, max(1, speed))
        let steps = Int(stepBudget)
        guard steps >= 1 else { return [] }
        stepBudget -= Double(steps)
        return [.engine(.step(steps))]
    }
}
