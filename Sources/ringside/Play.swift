import ArgumentParser
import Foundation
import RingsideSimulation
import RingsideTerminal
import RingsideUI

/// `ringside play FILE`: open a scenario in the terminal view.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a scenario script in the terminal view.",
        discussion: """
            The script is checked headless first: an error prints as FILE:LINE:COL: error: … \
            (exit status 1) before the screen is touched. In the view, `say` shows a caption \
            and `pause` waits for a key. Without a terminal the exit status is 2. \
            `ringside play FILE --record OUT` writes the session to OUT when it ends, as a \
            script: `ringside run OUT` reaches its final state, `ringside play OUT` replays it.
            """
    )

    @Argument(help: "The scenario script.") var file: String
    @Option(parsing: .unconditional, help: "PRNG seed (a script's own `seed` command overrides it).") var seed: UInt64?
    @Option(parsing: .unconditional, help: "Messages delivered per second in play mode (0.25 to 1024).") var speed: Double?
    /// `--record OUT` is the root command's option (ArgumentParser gives a parent's
    /// option to the parent even after the subcommand's name).
    @ParentCommand var ringside: Ringside
    /// Declared here too so that `play --help` lists it; whichever command the parser
    /// hands the value to, the session is recorded.
    @Option(name: .customLong("record"), help: ArgumentHelp(Ringside.recordHelp, valueName: "out"))
    var recordPath: String?
    @Flag(help: "Projector mode: fewer, larger panels, a taller events log, high contrast (b toggles it).") var big = false
    @Flag(help: Ringside.asciiHelp) var ascii = false

    func validate() throws {
        if let speed, !(AppModel.speedRange.contains(speed)) {
            throw ValidationError("--speed must be from 0.25 to 1024 messages a second")
        }
    }

    func run() throws {
        try Play.openTerminal(scriptPath: file, seed: seed, speed: speed, recordPath: recordPath ?? ringside.recordPath,
                              projector: big || ringside.big, ascii: ascii || ringside.ascii)
    }

    /// Opens the view on a script file, or on the built-in demo when `scriptPath` is nil;
    /// with `recordPath`, writes the session there as a script when it ends.
    static func openTerminal(
        scriptPath: String?, seed: UInt64?, speed: Double?, recordPath: String? = nil, projector: Bool = false,
        ascii: Bool = false
    ) throws {
        // A recording that cannot be written is found before the session, not after it.
        let recordFile = try recordPath.map { try SessionRecordFile(path: $0) }
        let script: ScenarioScript
        let title: String
        if let scriptPath {
            script = try checkedScript(at: scriptPath, seed: seed)
            title = URL(fileURLWithPath: scriptPath).lastPathComponent
        } else {
            do {
                script = try ScenarioScript(name: "demo", text: Demo.script)
            } catch {
                throw UsageError("the built-in demo does not parse: \(error)")
            }
            title = "demo"
        }
        let world = World(seed: seed ?? 0)
        let engine = EngineHost(core: EngineCore(world: world, script: script))
        var frontEnd = FrontEnd(model: AppModel(world: world, title: title, speed: speed, projector: projector), engine: engine)
        frontEnd.start()
        let reason: ExitReason
        do {
            let asciiOnly = TerminalOptions.asciiRequested(flag: ascii, environment: ProcessInfo.processInfo.environment)
            reason = try TerminalApp.run(&frontEnd, options: TerminalOptions(asciiOnly: asciiOnly))
        } catch {
            throw UsageError(error.description)
        }
        // q, Ctrl-C and SIGTERM all end here, with the terminal restored.
        if let recordFile { try recordFile.write(engine.recording(title: title)) }
        if reason != .quit { throw ExitCode(reason.exitStatus) }
    }

    /// Reads and runs the whole script headless, so that its errors are reported in
    /// compiler form (exit status 1) before curses takes the screen. The run is
    /// deterministic, so a script that passes here only fails later if the user steers
    /// it somewhere else, and then the error shows in the view.
    private static func checkedScript(at path: String, seed: UInt64?) throws -> ScenarioScript {
        let bytes = try ScriptFile.read(path)
        var check = World(seed: seed ?? 0)
        check.narrates = false  // nobody reads this run's explanations
        var runner = ScriptRunner(world: check)
        do {
            try runner.run(bytes: bytes) { _ in }
            return try ScenarioScript(name: path, bytes: bytes)
        } catch {
            printError(error.formatted(file: path))
            throw ExitCode(1)
        }
    }
}
