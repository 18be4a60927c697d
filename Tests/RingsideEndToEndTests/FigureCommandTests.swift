import Foundation
import Testing

/// `ringside bench figure NAME` at sizes small enough for a test.
@Suite("The figure reports")
struct FigureCommandTests {
    static let tiny: [[String]] = [
        ["path-length", "--min-exponent", "3", "--max-exponent", "6", "--lookups", "200"],
        ["failures", "--nodes", "32", "--lookups", "50", "--fractions", "0.1,0.3", "--successors", "1,4"],
        ["keys-per-node", "--nodes", "100", "--keys", "1000,2000", "--virtual", "1,4"],
        ["anti-entropy", "--max-replicas", "30", "--trials", "2"],
    ]

    @Test(arguments: tiny)
    func printsJSONTableAndBraillePlot(_ arguments: [String]) throws {
        let result = try Executable.run(["bench", "figure"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let json = lines.prefix { $0.hasPrefix("{") }
        #expect(!json.isEmpty)
        for line in json {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["figure"] as? String == arguments[0])
        }
        // A table: a header row then its dashes.
        #expect(lines.contains { $0.hasPrefix("--") || $0.contains("  --") })
        // A plot: braille cells with dots (U+2801 … U+28FF) and the x axis.
        #expect(result.stdout.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(result.stdout.contains("└─"))
        #expect(result.stdout.contains("Paper"))
    }

    @Test func jsonAloneIsOneObjectPerLine() throws {
        let result = try Executable.run(["bench", "figure", "anti-entropy", "--max-replicas", "10", "--trials", "1", "--json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)  // one size, three modes
        #expect(lines.allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
    }

    @Test func badListsAreUsageErrors() throws {
        let result = try Executable.run(["bench", "figure", "failures", "--fractions", "0.1,lots"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\"lots\" is not a number"))
    }
}
