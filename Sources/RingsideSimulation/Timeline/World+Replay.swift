/// The small hooks a timeline needs in the world. Nothing here changes what a command
/// does to the world; they only spare replay work whose result nobody reads.
extension World {
    /// Runs `input` again during replay; returns whether it raised an error (the same
    /// error it raised the first time: a replayed input sees the same world).
    ///
    /// `dump` and `invariants` change nothing but their output, which replay throws away,
    /// and a dump of a large ring costs tens of milliseconds: they are begun as `pause`
    /// instead, which changes the world exactly as they do (a command number and the
    /// command's origin) and prints nothing anyone reads.
    mutating func replay(_ input: TimelineInput) -> Bool {
        do {
            switch input {
            case .step:
                _ = try step()
            case let .begin(statement):
                _ = try begin(Self.replayable(statement))
            }
            return false
        } catch {
            return true
        }
    }

    private static func replayable(_ statement: Statement) -> Statement {
        switch statement.command {
        case .dump, .invariants:
            return Statement(command: .pause, line: statement.line, column: statement.column)
        default:
            return statement
        }
    }

    /// Forgets events recorded and not taken yet, keeping the sequence counter: events
    /// recorded later get the numbers they got the first time.
    mutating func discardPendingEvents() {
        _ = eventLog.take()
    }
}
