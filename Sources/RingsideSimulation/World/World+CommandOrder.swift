/// Whether a command given now would overtake earlier work.
extension World {
    /// True while a command that is not `async` is under way: a command begun now would
    /// act before that one finished (a `commit`, a `write`, a `say` act at once), which
    /// `ringside run` never does. The TUI holds the user's commands until this is false.
    public var hasCommandUnderWay: Bool {
        // Every message and timer belongs to a command, so the commands say it all.
        commands.hasCommandToWaitFor
    }
}

extension RunningCommands {
    /// Some command under way is not `async` (an `async` one lets later commands start).
    var hasCommandToWaitFor: Bool { entries.contains { !$0.isAsync } }
}
