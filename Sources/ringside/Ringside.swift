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
            With no arguments Ringside opens the terminal view on a built-in demo.
            Scripts use the command language of the spec (see README.md).
            """,
        version: version,
        subcommands: [Run.self, Play.self, Check.self, Explore.self, Fuzz.self, Bench.self]
    )

    @Flag(help: "Projector mode: fewer, larger panels, a taller events log, high contrast (b toggles it).") var big = false

    mutating func run() throws {
        try Play.openTerminal(scriptPath: nil, seed: nil, speed: nil, projector: big)
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
