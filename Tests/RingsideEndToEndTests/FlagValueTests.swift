import Foundation
import Testing

/// Flag values as a user types them: negative numbers, the top of the seed range, lists.
@Suite("Flag values")
struct FlagValueTests {
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
}
