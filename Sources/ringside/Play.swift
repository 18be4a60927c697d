import ArgumentParser
import Foundation

/// `ringside play FILE`: open a scenario in the terminal view.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open a scenario script in the terminal view.")

    @Argument(help: "The scenario script.") var file: String
    @Option(help: "PRNG seed.") var seed: UInt64?
    @Option(help: "Messages per second in play mode.") var speed: Double?

    func run() throws {
        try Play.openTerminal(scriptPath: file, seed: seed, speed: speed)
    }

    static func openTerminal(scriptPath: String?, seed: UInt64?, speed: Double?) throws {
        printError("ringside: the terminal view is not built yet; use `ringside run FILE` for headless runs")
        throw ExitCode(2)
    }
}
