import Foundation
import Testing

/// Flag values as a user types them: negative numbers, the top of the seed range, lists.
@Suite("Flag values")
struct FlagValueTests {
    /// `--seeds -1` said "Missing value for '--seeds'": the `-1` was taken for an option.
    @Test(arguments: [
        ["check", "--seeds", "-1"], ["check", "--seed", "-5"], ["check", "--jobs", "-1"], ["check", "--steps", "-3"],
        ["explore", "--nodes", "-1"], ["explore", "--failures", "-1"], ["fuzz", "--inputs", "-1"], ["fuzz", "--seed", "-1"],
        ["bench", "chord", "--nodes", "4", "--lookups", "-1"], ["bench", "bayou", "--replicas", "3", "--writes", "-5"],
        ["bench", "figure", "failures", "--fractions", "-0.1"],
        ["run", "Assets/scenarios/lecture-ring.ringside", "--seed", "-1"],
        ["play", "Assets/scenarios/lecture-ring.ringside", "--seed", "-1"],
        ["play", "Assets/scenarios/lecture-ring.ringside", "--speed", "-2"],
    ])
    func negativeValuesAreJudgedNotMissing(_ arguments: [String]) throws {
        let result = try Executable.run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
        #expect(result.stderr.contains(arguments[arguments.count - 2]), "names the flag: \(result.stderr)")
    }

    /// Only a range that overflows is an error: one seed at UInt64.max is fine.
    @Test func theLastSeedCanBeChecked() throws {
        let check = try Executable.run(["check", "--seed", "18446744073709551615", "--seeds", "1", "--steps", "5"])
        #expect(check.status != 2, "\(check.stderr)")
        #expect(check.stdout.contains("check: 1 seeds"), "\(check.stdout)")
        let overflow = try Executable.run(["check", "--seed", "18446744073709551615", "--seeds", "2"])
        #expect(overflow.status == 2)
        #expect(overflow.stderr.contains("fit in 64 bits"))
        let fuzz = try Executable.run(["fuzz", "--from", "18446744073709551615", "--inputs", "1"])
        #expect(fuzz.status == 0, "\(fuzz.stderr)")
    }

    /// `--faults ''` and `crash,` used to mean `none`; `all,crash` was an unknown `all`.
    @Test(arguments: [("", "empty"), ("crash,", "empty item"), ("all,crash", "cannot be combined"), ("loss,bogus", "unknown fault")])
    func faultListErrorsAreUsageErrors(_ value: String, _ message: String) throws {
        let result = try Executable.run(["check", "--seeds", "1", "--faults", value])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        // As every other check flag error: the message, then the usage.
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: "))
        #expect(result.stderr.contains("join-crash"), "names the valid faults")
    }

    /// Piped, fuzz's progress is a line per tenth like check's (it was `\r` lines with no
    /// final newline).
    @Test func fuzzProgressIsLinesWhenPiped() throws {
        let result = try Executable.run(["fuzz", "--inputs", "200", "--seed", "7"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r"))
        #expect(result.stderr.hasSuffix("\n"))
        #expect(result.stderr.contains("fuzz: 200/200 inputs\n"), "\(result.stderr)")
    }
}
