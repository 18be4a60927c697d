import Chord

/// The bounds of one `ringside explore` run (README "Bounded model checking").
public struct ExploreSettings: Sendable, Equatable {
    public var zave = false
    /// Nodes on the ideal ring at the start (placed by the oracle, evenly spaced).
    public var nodes = 4
    /// Successor-list length r.
    public var successors = 2
    /// Crashes the explorer may add (each keeps r + 1 live nodes and Zave's list assumption).
    public var failures = 1
    /// Joins the explorer may add.
    public var joins = 1
    /// Transitions on a path (the BFS depth).
    public var depth = 14
    /// Distinct states (after hashing) before the search stops.
    public var maxStates = 1_000_000
    /// Operations (stabilize, check-predecessor, fix-fingers, join) in progress at once: a
    /// new one starts only while fewer are running. Crashes, deliveries and timers are not
    /// limited by it.
    public var concurrency = 2
    /// Identifier bits (small rings need few).
    public var bits = 6
    /// Also run fix-fingers (off by default: the ring invariants read successor lists only,
    /// and a refresh of every finger is many messages).
    public var fixFingers = false
    /// Also run check-predecessor (on by default for `original`; Zave's rectify replaces it).
    public var checkPredecessor: Bool? = nil
    /// Let `deliver` overtake an earlier message on the same channel (default: channels are
    /// FIFO, as over TCP).
    public var anyOrder = false
    /// Only this invariant stops the search (nil: any of Chord's).
    public var target: String? = nil
    /// Narrate the counterexample with `say` lines.
    public var narrate = false
    /// Random walks instead of the breadth-first search (0: search); each goes up to `depth`.
    public var walks = 0
    /// The walks' generator seed.
    public var seed: UInt64 = 0

    public var isWalking: Bool { walks > 0 }

    public init() {}

    public static let invariantNames = ["AtLeastOneRing", "AtMostOneRing", "OrderedRing", "ConnectedAppendages"]

    public var runsCheckPredecessor: Bool { checkPredecessor ?? !zave }

    /// Why these bounds cannot be explored, or nil.
    public func problem() -> String? {
        if !(2...8).contains(nodes) { return "--nodes must be from 2 to 8" }
        if !(1...4).contains(successors) { return "--successors must be from 1 to 4" }
        if nodes < successors + 1 { return "--nodes must be at least --successors + 1 (Zave's assumption: never fewer than r + 1 live nodes)" }
        if !(0...4).contains(failures) { return "--failures must be from 0 to 4" }
        if !(0...4).contains(joins) { return "--joins must be from 0 to 4" }
        if !(1...200).contains(depth) { return "--depth must be from 1 to 200" }
        if !(0...100_000_000).contains(walks) { return "--walks must be from 0 to 100000000" }
        if !(1...100_000_000).contains(maxStates) { return "--states must be from 1 to 100000000" }
        if !(1...8).contains(concurrency) { return "--concurrency must be from 1 to 8" }
        if !(4...16).contains(bits) { return "--bits must be from 4 to 16" }
        if (1 << bits) < nodes * 4 { return "--bits \(bits) leaves too little room between \(nodes) nodes for joiners; raise --bits" }
        if let target, !Self.invariantNames.contains(target) {
            return "--invariant must be one of \(Self.invariantNames.joined(separator: ", ")), not '\(target)'"
        }
        return nil
    }

    /// Ids of the initial ring: evenly spaced, the first at 0.
    public var initialIDs: [UInt64] {
        let size = UInt64(1) << UInt64(bits)
        return (0..<UInt64(nodes)).map { $0 * size / UInt64(nodes) }
    }

    /// Ids a joiner may take: in every gap of the initial ring, at one third and two thirds
    /// of the way (so two joiners can meet in one gap). Rotating the ring by one gap maps
    /// this set onto itself when the gaps are equal.
    public var joinerIDs: [UInt64] {
        let ids = initialIDs
        let size = UInt64(1) << UInt64(bits)
        var result: [UInt64] = []
        for (i, a) in ids.enumerated() {
            let b = i + 1 < ids.count ? ids[i + 1] : size
            let gap = b - a
            for c in [a + gap / 3, a + (2 * gap) / 3] where c > a && c < b && !result.contains(c) { result.append(c) }
        }
        return result
    }

    /// The script lines that set the scene (every counterexample starts with them).
    public var prelude: [String] {
        [
            "bits \(bits)",
            "successors \(successors)",
            "maintenance \(zave ? "zave" : "original")",
            "latency 1..1",
            "timeout 2",
            "add " + initialIDs.map(String.init).joined(separator: " "),
        ]
    }

    /// The flags that reproduce these bounds on the command line.
    public var flags: String {
        var parts = ["--protocol \(zave ? "zave" : "original")", "--nodes \(nodes)", "--successors \(successors)",
                     "--failures \(failures)", "--joins \(joins)", "--concurrency \(concurrency)", "--depth \(depth)"]
        if bits != 6 { parts.append("--bits \(bits)") }
        if fixFingers { parts.append("--fix-fingers") }
        if let checkPredecessor, checkPredecessor != !zave { parts.append(checkPredecessor ? "--check-predecessor" : "--no-check-predecessor") }
        if anyOrder { parts.append("--any-order") }
        if let target { parts.append("--invariant \(target)") }
        if isWalking { parts.append("--walks \(walks) --seed \(seed)") }
        return parts.joined(separator: " ")
    }
}
