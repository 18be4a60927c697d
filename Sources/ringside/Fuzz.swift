import ArgumentParser
import Foundation
import RingsideSimulation
import RingsideUI

/// `ringside fuzz`: seeded random and mutated scripts through the parser and the
/// interpreter; every error must point inside its input and be printable, and nothing may
/// trap. (A libFuzzer build of the same harness is described in README.md.)
struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Feed seeded random and mutated scripts to the parser and the interpreter, or random keys to the terminal view.",
        discussion: """
            Input I of seed S is always the same text: a crash at input I is reproduced with \
            --seed S --from I --inputs 1 --print. Exit status 1 when an input broke a promise \
            (an error outside its input, a control character in a message). --target keys \
            presses --inputs random keys on the demo's terminal view (no terminal needed) and \
            checks every frame: its size, every run written inside the screen, no control \
            character, wide characters whole.
            """
    )

    @Option(help: "What to fuzz: scripts or keys.") var target: String = "scripts"
    @Option(parsing: .unconditional, help: "How many inputs or keys (1 to 100000000; default 1000000 scripts, 100000 keys).") var inputs: Int?
    @Option(parsing: .unconditional, help: "PRNG seed.") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "The first input's number.") var from: UInt64 = 0
    @Option(help: "Directory of .ringside scripts to mutate (default: Assets/scenarios if present).") var corpus: String?
    @Flag(help: "Print each input before running it.") var print = false

    private var count: Int { inputs ?? (target == "keys" ? 100_000 : 1_000_000) }

    func validate() throws {
        guard ["scripts", "keys"].contains(target) else { throw ValidationError("--target must be scripts or keys") }
        guard (1...100_000_000).contains(count) else { throw ValidationError("--inputs must be from 1 to 100000000") }
        // The last input is from + inputs - 1, which may be UInt64.max itself.
        guard from <= UInt64.max - UInt64(count - 1) else { throw ValidationError("--from plus --inputs must fit in 64 bits") }
    }

    func run() throws {
        if target == "keys" { return try runKeys() }
        let inputs = count
        let generator = ScriptFuzzInput(corpus: try corpusLines())
        var total = ScriptFuzzHarness.Outcome()
        var findings: [(UInt64, String)] = []
        let clock = ContinuousClock()
        let started = clock.now
        var progress = ProgressLine(label: "fuzz", unit: "inputs", total: inputs)
        for offset in 0..<UInt64(inputs) {
            let index = from + offset
            let input = generator.input(seed: seed, index: index)
            if print { Swift.print("# input \(index)\n\(ScriptError.printable(input))") }
            let outcome = ScriptFuzzHarness.run(input)
            total.linesParsed += outcome.linesParsed
            total.parseErrors += outcome.parseErrors
            total.statementsRun += outcome.statementsRun
            total.runErrors += outcome.runErrors
            total.statementsSkipped += outcome.statementsSkipped
            for finding in outcome.findings where findings.count < 20 { findings.append((index, finding)) }
            // `--print` shows every input itself; progress lines would only come between.
            if !print { progress.update(Int(offset) + 1) }
        }
        progress.end()
        let seconds = Self.seconds(clock.now - started)
        Swift.print("inputs \(inputs) (seed \(seed), from \(from)) in \(String(format: "%.1f", seconds)) s, \(Int(Double(inputs) / max(seconds, 1e-9))) inputs/s")
        Swift.print("lines parsed \(total.linesParsed), parse errors \(total.parseErrors), statements run \(total.statementsRun), run errors \(total.runErrors), skipped as too costly \(total.statementsSkipped)")
        for (index, finding) in findings { Swift.print("input \(index): \(finding)") }
        Swift.print(findings.isEmpty ? "no finding" : "\(findings.count) finding(s)")
        if !findings.isEmpty { throw ExitCode(1) }
    }

    private func runKeys() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let result = KeyMonkey.run(keys: count, seed: seed)
        let seconds = Self.seconds(clock.now - started)
        Swift.print("keys \(result.keys) (seed \(seed)) in \(String(format: "%.1f", seconds)) s, \(result.frames) frames checked, \(result.runsWritten) runs written")
        for finding in result.findings { Swift.print(finding) }
        Swift.print(result.findings.isEmpty ? "no finding" : "\(result.findings.count) finding(s)")
        if !result.findings.isEmpty { throw ExitCode(1) }
    }

    private func corpusLines() throws -> [String] {
        let directory = corpus ?? "Assets/scenarios"
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            if corpus != nil { throw UsageError("cannot read the corpus directory \(directory)") }
            return Demo.script.split(separator: "\n").map(String.init)
        }
        var lines: [String] = []
        for name in names.sorted() where name.hasSuffix(".ringside") {
            guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
            lines += text.split(separator: "\n").map(String.init)
        }
        return lines
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
