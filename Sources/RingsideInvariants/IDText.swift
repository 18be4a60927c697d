import RingsideKernel

/// How violation details print a node id: decimal, and, when wider than 12 digits,
/// its first 6 digits and an ellipsis, as Chord's notes shorten an id (`label`).
enum IDText {
    static func text(_ id: Identifier) -> String {
        let text = id.description
        return text.count <= 12 ? text : String(text.prefix(6)) + "…"
    }
}

/// Keeps one invariant's report readable on a million-node ring: the first `limit` violations
/// (already in node id order) and one line saying how many more there were.
enum ViolationList {
    static let limit = 20

    static func capped(_ name: String, _ details: [String], noun: String) -> [Violation] {
        var result = details.prefix(limit).map { Violation(name: name, detail: $0) }
        if details.count > limit {
            result.append(Violation(name: name, detail: "and \(details.count - limit) more \(noun)"))
        }
        return result
    }

    /// "a, b and c"
    static func joined(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }

    /// "two" ... "ten", else digits.
    static func count(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return n < words.count ? words[n] : String(n)
    }
}
