/// A session written out as a version-2 script: `ringside run` of `text` ends in the
/// world the session ended in, and `ringside play` of it goes through the session again.
///
/// Made from a timeline's current branch up to its cursor (`Timeline.recording`): after
/// going back and acting, the abandoned branch is not in it. Every input is translated:
/// a command begun is written as itself, or as `async COMMAND` when it started work (the
/// TUI delivers its messages one at a time); the events in between become `step N` (N =
/// the messages that arrived or were lost), and `wait` when the session reached idle
/// through timers or actions alone. The translation is then checked: the script is run
/// headless and its `dump` compared with the session's (`isExact`).
public struct SessionRecording: Sendable {
    /// The script, one command a line, with its header comments.
    public var lines: [String]
    /// Whether `ringside run` of the script ends in the same `dump` as the session.
    public var isExact: Bool
    /// The file's text (lines joined, with a final newline).
    public var text: String { lines.joined(separator: "\n") + "\n" }
}

extension Timeline {
    /// The current branch up to the cursor as a script that reproduces it headless.
    /// `seed` is the seed the session's world was made with (`World(seed:)`).
    public func recording(seed: UInt64, title: String) -> SessionRecording {
        var translator = RecordingTranslator(start: checkpoints[0].world, seed: seed)
        for recordedInput in recorded.prefix(cursor) {
            translator.take(recordedInput.input)
        }
        translator.flush()
        var lines = [
            "# Ringside recording of \(title): `ringside run` of this file reaches the session's final state,",
            "# `ringside play` of it goes through the session again.",
        ]
        let exact = StateJSON.encode(translator.headless) == StateJSON.encode(world)
        if !exact {
            lines.append("# warning: this recording does not reproduce the session's final state exactly")
        }
        lines += translator.lines
        return SessionRecording(lines: lines, isExact: exact)
    }
}

/// Replays a timeline's inputs (`session`) and runs the script written for them
/// (`headless`, as `ringside run` would) side by side.
struct RecordingTranslator {
    var session: World
    var headless: World
    private(set) var lines: [String] = []
    /// Messages that arrived (or were lost) since the last command written.
    private var arrivals = 0
    /// Actions the session began since the last message or timer.
    private var actionsBegun = 0
    /// Whether a step since then found the world idle (it closes lookups that will get
    /// no answer, as the end of `wait` does).
    private var idleSteps = false
    /// A `wait` was begun and not written yet: the steps after it are its own, and it is
    /// written as `wait` once they reach idle (see `flush`).
    private var waitBegun = false

    init(start: World, seed: UInt64) {
        session = start
        session.narrates = false
        session.recordsEvents = false
        headless = World(seed: 0)
        headless.narrates = false
        write("seed \(seed)")
    }

    mutating func take(_ input: TimelineInput) {
        switch input {
        case .step:
            do {
                if let report = try session.advance() {
                    if report.isArrival {
                        arrivals += 1
                        actionsBegun = 0
                    } else if report.kind == .timerFired {
                        // `step` fires timers only on its way to a message: with nothing in
                        // flight it stops short (a crash, then stabilize: the timeout that
                        // drops the dead node was lost, and all that followed). `next` runs
                        // exactly this event, after the arrivals before it.
                        writeArrivals()
                        write("next")
                        actionsBegun = 0
                    } else {
                        // An action began: the next `step`, `next` or `wait` starts it too,
                        // unless the session ends first (see `flush`).
                        actionsBegun += 1
                    }
                } else {
                    idleSteps = true
                }
            } catch {
                // A step that raised an error stops `ringside run` as it stopped the session.
            }
        case let .begin(statement):
            flush()
            let before = session.interpreter.commands.lastID
            do {
                _ = try session.begin(statement)
            } catch {
                // It stops `ringside run`; what it did to the session is replayed by nothing.
                lines.append("# (failed in the session) \(statement.text)")
                return
            }
            // `World.begin` only opens a `wait`; the session then steps it to idle.
            if case .wait = statement.command {
                waitBegun = true
                return
            }
            let id = session.interpreter.commands.lastID
            let startedWork = id != before && session.interpreter.commands.contains(id)
            write(startedWork && !statement.command.isAsync ? "async " + statement.text : statement.text)
        }
    }

    /// Writes the events since the last command.
    mutating func flush() {
        // A `wait` the session stepped to its end is written as itself; one cut short (a
        // command given mid-way, the session's end) as the steps it took.
        if waitBegun, session.isIdle, idleSteps {
            arrivals = 0
            write("wait")
        } else {
            writeArrivals()
            writeIdleOrActions()
        }
        waitBegun = false
        actionsBegun = 0
        idleSteps = false
    }

    private mutating func writeIdleOrActions() {
        if session.isIdle, !headless.isIdle || idleSteps {
            write("wait")
        } else {
            // Actions the session began after its last message, which no later step starts
            // (one `async` already started at its own line is not started twice).
            var written = 0
            while written < actionsBegun,
                  headless.interpreter.commands.actionsLeft > session.interpreter.commands.actionsLeft {
                write("next")
                written += 1
            }
        }
    }

    /// Writes the messages that arrived since the last line as `step N`.
    private mutating func writeArrivals() {
        if arrivals > 0 { write(arrivals == 1 ? "step" : "step \(arrivals)") }
        arrivals = 0
    }

    private mutating func write(_ line: String) {
        lines.append(line)
        guard let statement = try? Parser.parse(line: Substring(line), number: lines.count) else { return }
        _ = try? headless.execute(statement)
    }
}
