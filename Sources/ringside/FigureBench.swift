import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench figure NAME`: the papers' figures, measured on Ringside's engine.
///
/// Each prints one JSON line per data point as it is measured (so a long run shows
/// progress and a killed one keeps what it had), then a text table beside the paper's
/// numbers and a braille plot. `--json` prints the JSON lines only.
struct FigureBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "The papers' figures (Chord path length, failures, keys per node, key placement; Demers' anti-entropy).",
        subcommands: [PathLengthFigureCommand.self, FailuresFigureCommand.self,
                      KeysPerNodeFigureCommand.self, AntiEntropyFigureCommand.self, PlacementFigureCommand.self]
    )
}

/// What every figure command shares: `--json` and the seed.
struct FigureOutput: ParsableArguments {
    @Flag(help: "Print only the JSON lines (no table, no plot).") var json = false
    @Option(parsing: .unconditional, help: "PRNG seed.") var seed: UInt64 = 1

    /// One data point's JSON line, written at once (stdout may be a pipe that buffers).
    func emit(_ fields: [(String, String)]) {
        printJSONLine(fields)
        // fflush(nil) flushes every output stream without touching the global `stdout`.
        fflush(nil)
    }

    /// The table, the paper's numbers and the plot, unless `--json`.
    func report(_ text: String) {
        guard !json else { return }
        print("")
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}

/// Parses "0.05,0.1" or "1,2,5" into numbers, with a clear message for anything else.
func parseList<T: LosslessStringConvertible>(_ text: String, _ flag: String) throws -> [T] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    var values: [T] = []
    for part in parts {
        guard let value = T(String(part.trimmingCharacters(in: .whitespaces))) else {
            throw ValidationError("\(flag): \"\(part)\" is not a number (give a comma-separated list, e.g. \(flag) 1,2,5)")
        }
        values.append(value)
    }
    guard !values.isEmpty else { throw ValidationError("\(flag) needs at least one value") }
    return values
}

func jsonString(_ text: String) -> String { "\"\(text)\"" }
