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
        ["placement", "--servers", "2,8,32", "--keys", "2000", "--trials", "4"],
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
        // The papers' numbers (placement's come from the lecture).
        #expect(result.stdout.contains("Paper") || result.stdout.contains("Lecture"))
    }

    /// Tables, captions and plots are read in an 80-column terminal and on slides: every
    /// line but the JSON ones fits (the failures table was 82 columns, captions up to 95).
    @Test(arguments: tiny)
    func everyLineFitsEightyColumns(_ arguments: [String]) throws {
        let result = try Executable.run(["bench", "figure"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("{") }
        #expect(text.count > 10)
        for line in text {
            #expect(Self.columns(line) <= 80, "\(Self.columns(line)) columns: \(line)")
        }
    }

    /// Display columns: two for East Asian wide and emoji scalars, none for combining
    /// marks, one for the rest (braille, box lines, ½, ≈ are one column each).
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) { return sum }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return sum + (wide ? 2 : 1)
        }
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
