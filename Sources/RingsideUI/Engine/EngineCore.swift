import RingsideSimulation

/// The authoritative world and the script being played: serves one request at a time.
///
/// Pure and synchronous; `EngineHost` runs it on its own thread, `SynchronousEngine`
/// inline for tests. Commands are *begun*, never run to completion here: their
/// messages are delivered by `step` requests, one at a time if the user wants.
public struct EngineCore: Sendable {
    public private(set) var world: World
    public let script: ScenarioScript?
    /// Index of the next script statement to begin.
    public private(set) var nextStatement = 0
    public private(set) var isWaitingAtPause = false
    /// Every command begun, in order: the session as a script.
    public private(set) var transcript: [String] = []
    /// Where the command now running came from, to format its errors.
    private var runningOrigin: CommandOrigin = .script

    /// The most steps one request may take, so the engine answers within milliseconds
    /// even at high speed on a large ring.
    public static let stepBatchMax = 4_096

    /// `world` before the script's first statement; nil script: commands come only from keys.
    public init(world: World = World(), script: ScenarioScript? = nil) {
        self.world = world
        self.script = script
    }

    /// Statements of the script not begun yet.
    public var scriptRemaining: Int { max(0, (script?.lines.count ?? 0) - nextStatement) }

    /// Serves one request and reports the new state.
    public mutating func serve(_ request: EngineRequest) -> EngineReport {
        var notices: [EngineNotice] = []
        var steps = 0
        switch request {
        case .start:
            break
        case .resume:
            isWaitingAtPause = false
        case let .command(line, origin):
            begin(line, origin: origin, notices: &notices)
        case let .join(spec, via):
            if let text = spec ?? world.randomFreeIdentifier()?.description {
                begin("join \(text) via \(via)", origin: .key, notices: &notices)
            } else {
                notices.append(EngineNotice(.error("no free identifier is left for a new node"), traceMark: world.trace.total))
            }
        case let .step(count):
            steps = step(max(1, min(count, Self.stepBatchMax)), notices: &notices)
        case .finish:
            steps = finish(notices: &notices)
        }
        advanceScript(notices: &notices)
        return EngineReport(world: world, notices: notices, isWaitingAtPause: isWaitingAtPause,
                            scriptRemaining: scriptRemaining, stepsTaken: steps)
    }

    // MARK: Commands

    private mutating func begin(_ line: String, origin: CommandOrigin, notices: inout [EngineNotice]) {
        do {
            guard let statement = try Parser.parse(line: Substring(line), number: 1) else { return }
            let mark = world.trace.total
            let outputs = try world.begin(statement)
            runningOrigin = origin
            transcript.append(line)
            notices.append(EngineNotice(.began(line, origin: origin), traceMark: mark))
            record(outputs, notices: &notices)
        } catch {
            notices.append(EngineNotice(.error("\(line): error: \(error.message)"), traceMark: world.trace.total))
        }
    }

    private mutating func record(_ outputs: [ScriptOutput], notices: inout [EngineNotice]) {
        for output in outputs {
            switch output {
            case let .say(text): notices.append(EngineNotice(.caption(text), traceMark: world.trace.total))
            case let .report(text): notices.append(EngineNotice(.report(text), traceMark: world.trace.total))
            case let .dump(json): notices.append(EngineNotice(.dump(json), traceMark: world.trace.total))
            case .pause:
                isWaitingAtPause = true
                notices.append(EngineNotice(.paused, traceMark: world.trace.total))
            }
        }
    }

    // MARK: Stepping

    /// Delivers up to `count` messages; the script moves on whenever the world goes idle.
    private mutating func step(_ count: Int, notices: inout [EngineNotice]) -> Int {
        var taken = 0
        while taken < count {
            if world.isIdle {
                advanceScript(notices: &notices)
                if world.isIdle || isWaitingAtPause { break }
            }
            do {
                guard try world.step() else { break }
                taken += 1
            } catch {
                notices.append(EngineNotice(.error(describe(error)), traceMark: world.trace.total))
                if runningOrigin == .script { nextStatement = script?.lines.count ?? 0 }
                break
            }
        }
        if taken == 0, !isWaitingAtPause, !notices.contains(where: { Self.isError($0.event) }) {
            notices.append(EngineNotice(.idle, traceMark: world.trace.total))
        }
        return taken
    }

    /// Most messages one `finish` delivers, so a runaway command cannot hang the engine.
    static let finishStepsMax = 2_000_000

    /// Delivers until the world is idle: the command under way (and work queued behind
    /// it) completes at once, as it would headless. The script does not advance past it.
    private mutating func finish(notices: inout [EngineNotice]) -> Int {
        var taken = 0
        while taken < Self.finishStepsMax, !world.isIdle {
            do {
                guard try world.step() else { break }
                taken += 1
            } catch {
                notices.append(EngineNotice(.error(describe(error)), traceMark: world.trace.total))
                if runningOrigin == .script { nextStatement = script?.lines.count ?? 0 }
                return taken
            }
        }
        if !world.isIdle {
            notices.append(EngineNotice(.error("stopped after \(taken) messages; press N again to go on"), traceMark: world.trace.total))
        } else if taken == 0 {
            notices.append(EngineNotice(.idle, traceMark: world.trace.total))
        }
        return taken
    }

    /// Begins script statements while the world is idle: instant ones (add, store, say)
    /// run straight through; the first protocol command or `pause` stops the advance.
    private mutating func advanceScript(notices: inout [EngineNotice]) {
        guard let script, !isWaitingAtPause else { return }
        while world.isIdle, nextStatement < script.lines.count, !isWaitingAtPause {
            let line = script.lines[nextStatement]
            nextStatement += 1
            do {
                let mark = world.trace.total
                let outputs = try world.begin(line.statement)
                runningOrigin = .script
                transcript.append(line.text)
                if !Self.isNarration(line.statement.command) {
                    notices.append(EngineNotice(.began(line.text, origin: .script), traceMark: mark))
                }
                record(outputs, notices: &notices)
            } catch {
                notices.append(EngineNotice(.error(error.formatted(file: script.name)), traceMark: world.trace.total))
                nextStatement = script.lines.count
                return
            }
            if nextStatement == script.lines.count {
                notices.append(EngineNotice(.scriptFinished, traceMark: world.trace.total))
            }
        }
    }

    private func describe(_ error: ScriptError) -> String {
        if runningOrigin == .script, let script { return error.formatted(file: script.name) }
        return "error: \(error.message)"
    }

    /// `say` and `pause` show as a caption and a notice, not as an echoed command.
    private static func isNarration(_ command: Command) -> Bool {
        switch command {
        case .say, .pause: return true
        default: return false
        }
    }

    private static func isError(_ event: EngineEvent) -> Bool {
        if case .error = event { return true }
        return false
    }
}
