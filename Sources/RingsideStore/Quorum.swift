/// Counting a quorum: a put succeeds when W replicas acknowledged; a get answers from
/// the first R replies, with the newest version among them. Each operation sends one
/// request per replica; every request ends in exactly one reply or one timeout.
public struct QuorumCount: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case pending
        case succeeded
        case failed
    }

    /// W for a put, R for a get.
    public let needed: Int
    /// Requests sent (the replica set's size).
    public private(set) var asked = 0
    public private(set) var replies = 0
    public private(set) var silent = 0
    public private(set) var outcome = Outcome.pending

    public init(needed: Int) { self.needed = needed }

    public mutating func asking(_ count: Int) {
        asked += count
        settle()
    }

    /// A reply arrived; returns true when it is the one that completes the quorum.
    public mutating func reply() -> Bool {
        replies += 1
        let before = outcome
        settle()
        return before == .pending && outcome == .succeeded
    }

    /// A request timed out; returns true when the quorum can no longer be reached now.
    public mutating func timeout() -> Bool {
        silent += 1
        let before = outcome
        settle()
        return before == .pending && outcome == .failed
    }

    /// Gives up (the lookup for the owner never finished): no more replies can come.
    public mutating func abandon() -> Bool {
        guard outcome == .pending else { return false }
        outcome = .failed
        return true
    }

    private mutating func settle() {
        guard outcome == .pending else { return }
        if replies >= needed {
            outcome = .succeeded
        } else if asked > 0, replies + (asked - replies - silent) < needed {
            outcome = .failed
        }
    }
}

/// The newest of the values a get heard (strict mode: newest version wins).
public func newest(_ values: [VersionedValue?]) -> VersionedValue? {
    var best: VersionedValue?
    for case let value? in values where best == nil || value.version > best!.version { best = value }
    return best
}
