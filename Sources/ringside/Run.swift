import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside run FILE`: execute a script headless.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script headless: `dump` prints state JSON, `say` prints `# TEXT`.",
        discussion: "Errors are reported as FILE:LINE:COL: error: MESSAGE (exit status 1)."
    )

    @Argument(help: "The script file, or - for standard input.")
    var file: String

    // Unconditional: `--seed -1` said "Missing value" (a negative number looks like a flag).
    @Option(parsing: .unconditional, help: "Seed of the PRNG (a script's own `seed` command overrides it).")
    var seed: UInt64?

    @Flag(help: "Also print every protocol step's explanation to standard error, with its virtual time.")
    var trace = false

    @Option(name: .customLong("events"), help: "Write the event log (one JSON object per line) to this file.")
    var eventsPath: String?

    @Option(name: .customLong("shiviz"), help: "Write a log for the ShiViz visualizer to this file.")
    var shivizPath: String?

    mutating func run() throws {
        let bytes = try ScriptFile.read(file)
        var sinks = try EventSinks(eventsPath: eventsPath, shivizPath: shivizPath, trace: trace)
        var world = World(seed: seed ?? 0)
        // Explanations are part of what every sink shows; plain runs skip building them.
        world.narrates = sinks.isNeeded
        world.recordsEvents = sinks.isNeeded
        var runner = ScriptRunner(world: world)
        var out = StandardOutput()
        do {
            try runner.run(bytes: bytes, afterEachCommand: { world in
                guard world.recordsEvents else { return }
                let batch = world.takeEvents()
                sinks.consume(batch, labels: NodeLabels(world.state))
            }) { output in
                switch output {
                case let .dump(json): out.line(json)
                case let .say(text), let .report(text): out.line("# " + text)
                case .pause: break
                }
            }
            out.flush()
        } catch {
            out.flush()
            // What the failed command did before it failed still belongs in the logs.
            let batch = runner.takeEvents()
            sinks.consume(batch, labels: NodeLabels(runner.world.state))
            printError(error.formatted(file: file == "-" ? "<stdin>" : file))
            throw ExitCode(1)
        }
        if let failure = sinks.failure { throw failure }
    }
}

/// Reads a script file or standard input, with usage errors (exit 2) for what cannot be read.
enum ScriptFile {
    static let sizeMax = 64 << 20

    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= sizeMax else { throw UsageError("standard input is larger than \(sizeMax >> 20) MiB") }
            return [UInt8](data)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError("cannot read '\(path)': no such file")
        }
        guard !isDirectory.boolValue else { throw UsageError("cannot read '\(path)': it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("cannot read '\(path)': permission denied or not a regular file")
        }
        guard data.count <= sizeMax else { throw UsageError("'\(path)' is larger than \(sizeMax >> 20) MiB") }
        return [UInt8](data)
    }
}

/// Buffered standard output (a million-line dump should not be a million writes).
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(10)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
