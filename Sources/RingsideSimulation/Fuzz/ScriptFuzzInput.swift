import RingsideKernel

/// Seeded script inputs for fuzzing the parser and the interpreter: random bytes, soups of
/// the command language's own words and edge-case numbers, and mutations of real scripts.
///
/// Input `index` of seed `seed` is a pure function of the two (and of the corpus), so a
/// crash is reproduced by `ringside fuzz --seed S --from INDEX --inputs 1 --print`.
public struct ScriptFuzzInput: Sendable {
    /// Lines of real scripts (the scenarios) that mutations start from.
    public let corpus: [String]

    public init(corpus: [String]) {
        // Blank and comment-only lines teach the mutator nothing.
        self.corpus = corpus.filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }
    }

    /// Input number `index` of seed `seed`.
    public func input(seed: UInt64, index: UInt64) -> String {
        var rng = SplitMix64(seed: seed ^ (index &* 0x9E37_79B9_7F4A_7C15))
        var lines: [String] = []
        let count = 1 + rng.index(below: 8)
        for _ in 0..<count {
            // Unmutated lines build real state (nodes, writes, messages in flight) for the
            // mutated ones after them to act on.
            switch rng.index(below: 10) {
            case 0: lines.append(randomBytes(&rng))
            case 1, 2: lines.append(tokenSoup(&rng))
            case 3...5 where !corpus.isEmpty: lines.append(corpus[rng.index(below: corpus.count)])
            default: lines.append(mutatedCorpusLine(&rng))
            }
        }
        return lines.joined(separator: rng.index(below: 20) == 0 ? "\r\n" : "\n")
    }

    // MARK: Generators

    private func randomBytes(_ rng: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<rng.index(below: 40) {
            scalars.append(Self.oddScalars[rng.index(below: Self.oddScalars.count)])
        }
        return String(scalars)
    }

    private func tokenSoup(_ rng: inout SplitMix64) -> String {
        var words: [String] = [Parser.commandNames[rng.index(below: Parser.commandNames.count)]]
        for _ in 0..<rng.index(below: 7) {
            words.append(Self.words[rng.index(below: Self.words.count)])
        }
        return words.joined(separator: rng.index(below: 8) == 0 ? "\t" : " ")
    }

    private func mutatedCorpusLine(_ rng: inout SplitMix64) -> String {
        guard !corpus.isEmpty else { return tokenSoup(&rng) }
        var text = Array(corpus[rng.index(below: corpus.count)].unicodeScalars)
        for _ in 0..<(1 + rng.index(below: 3)) {
            switch rng.index(below: 6) {
            case 0 where !text.isEmpty:
                text.remove(at: rng.index(below: text.count))
            case 1:
                text.insert(Self.oddScalars[rng.index(below: Self.oddScalars.count)], at: rng.index(below: text.count + 1))
            case 2 where !text.isEmpty:
                text[rng.index(below: text.count)] = Self.oddScalars[rng.index(below: Self.oddScalars.count)]
            case 3:
                // Replace one word with an edge-case word (numbers at and past every limit).
                var words = String(String.UnicodeScalarView(text)).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if !words.isEmpty { words[rng.index(below: words.count)] = Self.words[rng.index(below: Self.words.count)] }
                text = Array(words.joined(separator: " ").unicodeScalars)
            case 4:
                // Splice with another line.
                let other = Array(corpus[rng.index(below: corpus.count)].unicodeScalars)
                text = Array(text.prefix(rng.index(below: text.count + 1))) + other.suffix(rng.index(below: other.count + 1))
            default:
                text += Array(" ".unicodeScalars) + Array(Self.words[rng.index(below: Self.words.count)].unicodeScalars)
            }
        }
        return String(String.UnicodeScalarView(text))
    }

    /// Characters that break lexers: controls (ESC, NUL, DEL, C1), quotes, comment and
    /// punctuation marks of the language, wide and combining characters, a BOM.
    static let oddScalars: [Unicode.Scalar] = [
        "\u{0}", "\u{1b}", "\u{7f}", "\u{9b}", "\u{85}", "\u{feff}", "\u{200b}", "\u{301}",
        "\t", "\r", " ", " ", "\"", "'", "\\", "#", "=", ",", ":", "/", "-", "+", "(", ")", "[", "]",
        "*", ".", "0", "1", "9", "a", "Z", "_", "m", "é", "日", "🙂", "\u{10ffff}",
    ]

    /// The language's words and the numbers at its limits.
    static let words: [String] = Parser.commandNames + [
        "via", "from", "at", "put", "del", "book", "to", "one-way", "eager", "stabilize", "original", "zave",
        "strict", "dynamo", "recursive", "iterative", "all", "A", "B", "P", "N1", "_x", "alice", "10", "m1", "m0",
        "m18446744073709551616", "0", "1", "-1", "-3", "+7", "7", "64", "159", "160", "161", "1023", "1024", "1025",
        "4096", "65535", "2000000", "2000001", "9007199254740992", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999", "0x10", "1e3", "1.5", "0.5", "1.0", "NaN", "inf", "..", "1..9", "9..1", "0..0",
        "1...", "a,b", "{A,B}", "[A B]", "\"quoted text\"", "\"unterminated", "'", "#comment", "=",
    ]
}
