/// The faults `ringside check` may inject, as `--faults` names them.
///
/// A fixed order (declaration order) so every count is printed the same way every run.
public enum FaultKind: String, CaseIterable, Sendable {
    /// `fail NODE` between commands (respecting Zave's assumptions).
    case crash
    /// `async join` then `step`, then a crash of the joiner or its introducer mid-join.
    case joinCrash = "join-crash"
    /// `async sync` then `step`, then a crash of one side mid-session.
    case syncCrash = "sync-crash"
    /// `loss P` for a stretch of commands, then `loss 0`.
    case loss
    /// `latency 1..MAX`: a wider spread; past the timeout it makes false suspicions.
    case latency
    /// `partition G | G` for a stretch of commands, then `heal`.
    case partition
    /// `async COMMAND` then `step N` / `deliver mID`: messages of commands interleave.
    case reorder
    /// `drop mID`: one in-flight message lost (cuts an anti-entropy session short).
    case drop

    /// Faults that can make Chord drop a live peer for good (so its ring may split and
    /// only safety is judged); crashes and reordering cannot.
    public var isNetworkFault: Bool {
        switch self {
        case .loss, .latency, .partition, .drop: true
        case .crash, .joinCrash, .syncCrash, .reorder: false
        }
    }

    /// Parses `--faults`: a comma-separated list of names, `all`, or `none`. An empty value
    /// or item (`crash,`) is an error rather than a quiet `none`: a typo must not turn a
    /// sweep into one that injects nothing. `all` and `none` stand alone.
    public static func parseList(_ text: String) throws(CheckUsageError) -> [FaultKind] {
        let valid = "faults are \(allCases.map(\.rawValue).joined(separator: ",")) (or all, or none, alone)"
        let words = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
        if words.contains("") {
            throw CheckUsageError(text.allSatisfy { $0 == " " } ? "--faults is empty; \(valid)" : "--faults '\(text)' has an empty item; \(valid)")
        }
        if words == ["all"] { return allCases }
        if words == ["none"] { return [] }
        if let alone = words.first(where: { $0 == "all" || $0 == "none" }) {
            throw CheckUsageError("--faults '\(text)': \(alone) cannot be combined with other faults; \(valid)")
        }
        var kinds: [FaultKind] = []
        for word in words {
            guard let kind = FaultKind(rawValue: word) else {
                throw CheckUsageError("unknown fault '\(word)'; \(valid)")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return allCases.filter { kinds.contains($0) }
    }
}

/// A problem with `check`'s settings (the CLI exits with status 2).
public struct CheckUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
