import ArgumentParser
import Foundation

/// `ringside`: the TUI on the built-in demo with no arguments; subcommands for the rest.
@main
struct Ringside: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ringside",
        abstract: "Watch Chord and Bayou work, one message at a time.",
        discussion: """
            With no arguments Ringside opens the terminal view on a built-in demo. \
            Scripts use the command language of the spec (see README.md).
            """,
        version: version,
        subcommands: [Run.self, Play.self, Check.self, Explore.self, Fuzz.self, Bench.self]
    )

    @Flag(help: "Projector mode: fewer, larger panels, a taller events log, high contrast (b toggles it).") var big = false

    static let asciiHelp: ArgumentHelp = "Draw ASCII only (no braille, ●, box lines or arrows), for terminals that cannot show Unicode; RINGSIDE_ASCII=1 does the same."
    @Flag(help: asciiHelp) var ascii = false

    static let recordHelp = "When the session ends, write it to this file as a script: `ringside run` of it reaches the final state, `ringside play` of it replays the session."

    @Option(name: .customLong("record"), help: ArgumentHelp(recordHelp + " (Also after `play FILE`.)", valueName: "out"))
    var recordPath: String?

    /// `--record` is parsed here even after a subcommand's name (ArgumentParser gives a
    /// parent's option to the parent); only the terminal view records.
    func validate() throws {
        guard recordPath != nil else { return }
        var arguments = CommandLine.arguments.dropFirst()[...]
        while let argument = arguments.popFirst() {
            if argument == "--record" { _ = arguments.popFirst(); continue }
            if argument.hasPrefix("-") { continue }
            if argument != "play" {
                throw ValidationError("--record goes with the terminal view: ringside --record OUT, or ringside play FILE --record OUT")
            }
            return
        }
    }

    mutating func run() throws {
        try Play.openTerminal(scriptPath: nil, seed: nil, speed: nil, recordPath: recordPath, projector: big, ascii: ascii)
    }

    /// Exit statuses: 0 ok, 1 script error, 2 usage error (bad flags, missing file, no terminal).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UsageError {
            printError("ringside: \(error.description)")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A usage error found while running (a file that cannot be read, no terminal): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
