import RingsideKernel

/// The key-value store's invariants (issue 10; an extension of script.md's list, named in
/// README): what must hold once the store's messages are done. The simulation judges
/// each only when its premise holds (no fault, a finished handoff or sync) and passes the
/// copies to compare; the names and the student-facing wording live here.
public enum StoreInvariants {
    public static let names = ["ReplicasNewest", "HintsHandedOff", "MerkleReplicasAgree", "QuorumReadsNewest"]

    /// One replica's copy of a key that is not the newest one held anywhere.
    public struct StaleCopy: Sendable {
        public var key: Identifier
        public var node: Identifier
        public var holds: String
        public var newest: String
        public init(key: Identifier, node: Identifier, holds: String, newest: String) {
            self.key = key
            self.node = node
            self.holds = holds
            self.newest = newest
        }
    }

    /// Strict mode, quiescent, no fault since the last repair: every member of a key's
    /// replica set holds the newest version of it (one violation per key, first member).
    public static func replicasNewest(_ stale: [StaleCopy]) -> [Violation] {
        var seen = Set<Identifier>()
        return stale.compactMap { copy in
            guard seen.insert(copy.key).inserted else { return nil }
            return Violation(name: "ReplicasNewest", detail: "key \(IDText.text(copy.key)): replica \(IDText.text(copy.node)) holds \(copy.holds), not the newest \(copy.newest)")
        }
    }

    /// A hint still held after `handoff` sent hints from its holder to its intended node
    /// (which was reachable then), once every message is done.
    public struct LeftoverHint: Sendable {
        public var holder: Identifier
        public var intended: Identifier
        public var key: Identifier
        public init(holder: Identifier, intended: Identifier, key: Identifier) {
            self.holder = holder
            self.intended = intended
            self.key = key
        }
    }

    public static func hintsHandedOff(_ leftovers: [LeftoverHint]) -> [Violation] {
        leftovers.map {
            Violation(name: "HintsHandedOff", detail: "node \(IDText.text($0.holder)) still holds a hint for \(IDText.text($0.intended)) (key \(IDText.text($0.key))) after handing off to \(IDText.text($0.intended))")
        }
    }

    /// A key of a range both synced nodes replicate on which they still differ.
    public struct Disagreement: Sendable {
        public var a: Identifier
        public var b: Identifier
        public var key: Identifier
        public var aHolds: String
        public var bHolds: String
        public init(a: Identifier, b: Identifier, key: Identifier, aHolds: String, bHolds: String) {
            self.a = a
            self.b = b
            self.key = key
            self.aHolds = aHolds
            self.bHolds = bHolds
        }
    }

    public static func merkleReplicasAgree(_ disagreements: [Disagreement]) -> [Violation] {
        disagreements.prefix(1).map {
            Violation(name: "MerkleReplicasAgree", detail: "after merkle-sync \(IDText.text($0.a)) \(IDText.text($0.b)), key \(IDText.text($0.key)) is \($0.aHolds) at \(IDText.text($0.a)) but \($0.bHolds) at \(IDText.text($0.b))")
        }
    }

    /// With W + R > N, a get that asked exactly the key's replicas returned less than a put
    /// those replicas acknowledged before it started (no membership change in between).
    public static func quorumReadsNewest(key: Identifier, from: Identifier, returned: String, acked: String,
                                         w: Int, r: Int, n: Int) -> Violation {
        Violation(name: "QuorumReadsNewest", detail: "get \(IDText.text(key)) from \(IDText.text(from)) returned \(returned), but a put with \(acked) was acknowledged before it started (W + R = \(w + r) > N = \(n): the read and write quorums overlap)")
    }

    /// Dynamo mode, after handoff and merkle-sync of every replica pair (`check`'s end):
    /// a live member of a key's first N that lacks the newest versions (one per key).
    public static func replicasConverge(_ stale: [StaleCopy]) -> [Violation] {
        var seen = Set<Identifier>()
        return stale.compactMap { copy in
            guard seen.insert(copy.key).inserted else { return nil }
            return Violation(name: "ReplicasConverge", detail: "after handoff and merkle-sync of every replica pair, key \(IDText.text(copy.key)): replica \(IDText.text(copy.node)) holds \(copy.holds), not the newest \(copy.newest)")
        }
    }
}
