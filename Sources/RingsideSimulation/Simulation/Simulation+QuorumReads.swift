import Chord
import RingsideInvariants
import RingsideKernel
import RingsideStore

/// The acknowledged puts of a key that a later quorum read must see: strict mode's
/// newest version, or Dynamo's clocks (the maximal ones: a version that descends from a
/// newer acknowledged clock also descends from the older one).
struct AckedPuts: Sendable {
    var epoch: Int
    var newest: Version?
    var clocks: [VectorClock] = []
}

/// A get that returned less than a put acknowledged before it started.
struct StaleRead: Sendable {
    var key: Identifier
    var from: NodeIndex
    var returned: String
    var acked: String
    /// W, R and N when it answered (a later setting does not change what was promised).
    var quorum: (w: Int, r: Int, n: Int)
}

/// The quorum promise: with W + R > N and no sloppy stand-ins, a get returns the
/// newest acknowledged put. Judged as the get answers, only when its premise holds: the put
/// and the get each used exactly the key's replicas, and no membership change, crash,
/// recovery or setting came between the put's start and the get's answer (a crash in
/// strict mode loses values; a join or leave changes who the replicas are).
extension Simulation {
    var quorumsIntersect: Bool { kv.writeQuorum + kv.readQuorum > kv.replication }

    /// Membership, liveness or a store setting changed: earlier puts promise nothing more.
    /// Strict replica sets are stale until the repair pass the change queues (or for good,
    /// if the change was a crash or a new N), and a synced pair's shared ranges moved.
    mutating func storeEpochChanged() {
        kv.epoch &+= 1
        if !kv.acked.isEmpty { kv.acked.removeAll() }
        if !kv.dynamo, kv.replicas.values.contains(where: { !$0.isEmpty }) { kv.faultSinceRepair = true }
        kv.syncedPair = nil
    }

    /// A put succeeded: remember it if a later get must see it.
    mutating func recordAckedPut(_ operation: StoreOperation) {
        guard operation.exact, operation.epoch == kv.epoch, quorumsIntersect else { return }
        var acked = kv.acked[operation.key] ?? AckedPuts(epoch: kv.epoch)
        switch operation.kind {
        case let .put(value):
            if acked.newest.map({ $0 < value.version }) ?? true { acked.newest = value.version }
        case let .dynamoPut(value):
            guard !acked.clocks.contains(where: { $0.descends(from: value.clock) }) else { break }
            acked.clocks.removeAll { value.clock.descends(from: $0) }
            acked.clocks.append(value.clock)
        case .get, .dynamoGet:
            return
        }
        kv.acked[operation.key] = acked
    }

    /// What a get starting now must return (nil: nothing promised).
    func readPromise(key: Identifier) -> AckedPuts? {
        guard quorumsIntersect, let acked = kv.acked[key], acked.epoch == kv.epoch else { return nil }
        return acked
    }

    /// A strict get answered `best`: it must be at least the promised version.
    mutating func judgeRead(_ operation: StoreOperation, best: VersionedValue?) {
        guard operation.exact, operation.epoch == kv.epoch, let promised = operation.mustSee?.newest else { return }
        if let best, !(best.version < promised) { return }
        staleRead(operation, returned: best.map { "\($0.value) \(describe($0.version))" } ?? "nothing",
                  acked: "version \(describe(promised))")
    }

    /// A Dynamo get answered `answer`: every promised clock must be covered by a version
    /// that descends from it.
    mutating func judgeRead(_ operation: StoreOperation, answer: [ClockedValue]) {
        guard operation.exact, operation.epoch == kv.epoch, let promised = operation.mustSee?.clocks else { return }
        for clock in promised where !answer.contains(where: { $0.clock.descends(from: clock) }) {
            staleRead(operation, returned: answer.isEmpty ? "nothing" : describe(answer), acked: "clock \(clock)")
            return
        }
    }

    private mutating func staleRead(_ operation: StoreOperation, returned: String, acked: String) {
        // A few are enough to explain the fault; the list must not grow with a long run.
        guard kv.staleReads.count < 4 else { return }
        kv.staleReads.append(StaleRead(key: operation.key, from: operation.coordinator, returned: returned, acked: acked,
                                        quorum: (kv.writeQuorum, kv.readQuorum, kv.replication)))
    }

    func staleReadViolations() -> [Violation] {
        kv.staleReads.map {
            StoreInvariants.quorumReadsNewest(key: $0.key, from: state.id($0.from), returned: $0.returned, acked: $0.acked,
                                              w: $0.quorum.w, r: $0.quorum.r, n: $0.quorum.n)
        }
    }
}
