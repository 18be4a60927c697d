import Chord
import RingsideKernel

/// Draws a seed's random schedule one script.md command at a time, looking at the world
/// as it is (who is alive, what is in flight), so every command it writes is valid there.
///
/// Faults come from the seed: even seeds are crash-only (reordering and a latency
/// spread below the timeout allowed; the ideal ring is judged), the others may also draw
/// loss, partitions, drops and latency past the timeout (Chord's safety is judged). Each
/// fault kind a seed may use is then kept with probability 2/3.
public struct ScheduleGenerator: Sendable {
    public let settings: CheckSettings
    public let seed: UInt64
    /// The fault kinds this seed uses.
    public private(set) var faults: [FaultKind]
    public internal(set) var counts = CheckStats()
    var rng: SplitMix64
    /// Nodes this schedule crashed and has not recovered (by id, in crash order).
    var crashed: [Identifier] = []
    /// Lines the current multi-line move still has to write (a crash mid-join or mid-sync).
    var plan: [PlannedStep] = []
    var writes = 0
    /// Puts written so far (each writes a new value, `p1`, `p2`, ...).
    var puts = 0
    /// The seed's key-value store settings.
    var store = StoreSetup()

    enum PlannedStep: Sendable {
        case step(Int)
        /// Crash one of these (the first that keeps Zave's assumptions), if still alive.
        case crashOneOf([Identifier], FaultKind)
    }

    public init(settings: CheckSettings, seed: UInt64) {
        self.settings = settings
        self.seed = seed
        // A stream of its own, apart from the world's (which the script's `seed` sets).
        rng = SplitMix64(seed: seed ^ 0xC4EC_C4EC_5EED_0001)
        // Even/odd rather than a draw, so any run of seeds judges both ways equally.
        let crashOnly = seed % 2 == 0
        var chosen: [FaultKind] = []
        for kind in settings.faults where rng.index(below: 3) != 0 {
            if crashOnly && kind.isNetworkFault && kind != .latency { continue }
            chosen.append(kind)
        }
        faults = chosen
        crashOnlyLatency = crashOnly
        store = StoreSetup(&rng)
    }

    /// Whether this seed runs the store in Dynamo mode.
    public var dynamoStore: Bool { store.dynamo }

    /// Crash-only seeds keep latency below the timeout (no false suspicions).
    let crashOnlyLatency: Bool

    /// The schedule's first lines: PRNG seed, space, successor lists, protocol, nodes.
    public mutating func setupLines() -> [String] {
        var ids: [UInt64] = []
        let size = UInt64(1) << UInt64(settings.bits)
        while ids.count < settings.initialNodes {
            let id = rng.next(below: size)
            if !ids.contains(id) { ids.append(id) }
        }
        return Self.setupLines(settings, seed: seed, initial: ids, store: store)
    }

    /// One `add` per node, so the shrinker can drop nodes one by one; the first is the
    /// Bayou primary (the first node added).
    static func setupLines(_ settings: CheckSettings, seed: UInt64, initial: [UInt64], store: StoreSetup = StoreSetup()) -> [String] {
        var lines = ["seed \(seed)", "bits \(settings.bits)", "successors \(settings.successorListLength)"]
        if settings.zave { lines.append("maintenance zave") }
        lines += store.lines
        lines += initial.map { "add \($0)" }
        return lines
    }

    func has(_ kind: FaultKind) -> Bool { faults.contains(kind) }

    func pick<T>(_ from: [T], _ rng: inout SplitMix64) -> T { from[rng.index(below: from.count)] }
}
