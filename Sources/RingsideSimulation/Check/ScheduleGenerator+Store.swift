import Chord
import RingsideKernel

/// The key-value store's part of a schedule: its settings, drawn from the seed before the
/// nodes are placed, and its moves (puts and gets from random live nodes, and Dynamo's
/// repairs). Most seeds run strict mode; one in four runs Dynamo mode.
struct StoreSetup: Sendable, Equatable {
    var dynamo = false
    var replication = 1
    var writeQuorum = 1
    var readQuorum = 1
    var vnodes = 1

    /// Drawn from the generator's stream. Half the seeds get intersecting quorums
    /// (W + R > N), where every read must see the newest acknowledged put.
    init(_ rng: inout SplitMix64) {
        dynamo = rng.index(below: 4) == 0
        replication = 1 + rng.index(below: 3)
        writeQuorum = 1 + rng.index(below: replication)
        readQuorum = rng.index(below: 2) == 0 ? replication + 1 - writeQuorum : 1 + rng.index(below: replication)
        if dynamo { vnodes = 1 + rng.index(below: 2) }
    }

    init() {}

    /// Before the nodes are placed, so `vnodes` gives each of them its tokens.
    var lines: [String] {
        var lines = ["replication \(replication)", "quorum \(writeQuorum) \(readQuorum)"]
        if dynamo { lines.append("store-mode dynamo") }
        if vnodes > 1 { lines.append("vnodes \(vnodes)") }
        return lines
    }
}

extension ScheduleGenerator {
    /// Keys the schedules use: few, so puts and gets meet on the same keys.
    static let storeKeys = 5

    /// A store move, or nil when the world offers none (no live node).
    mutating func storeMove(_ world: World, live: [Identifier]) -> String? {
        guard !live.isEmpty else { return nil }
        counts.storeOps += 1
        switch rng.index(below: 6) {
        case 0, 1, 2:
            puts += 1
            return "put x\(rng.index(below: Self.storeKeys)) p\(puts) from \(pick(live, &rng))"
        case 3, 4:
            return "get x\(rng.index(below: Self.storeKeys)) from \(pick(live, &rng))"
        default:
            if store.dynamo && rng.index(below: 2) == 0 { return "handoff" }
            guard live.count > 1 else { return "get x0 from \(live[0])" }
            // Ring neighbours share most ranges, so the sync has something to compare.
            let i = rng.index(below: live.count)
            return "merkle-sync \(live[i]) \(live[(i + 1) % live.count])"
        }
    }

    /// An `async` put or get, to interleave with other commands' messages.
    mutating func asyncStoreMove(live: [Identifier]) -> String {
        counts.storeOps += 1
        if rng.index(below: 2) == 0 {
            puts += 1
            return "async put x\(rng.index(below: Self.storeKeys)) p\(puts) from \(pick(live, &rng))"
        }
        return "async get x\(rng.index(below: Self.storeKeys)) from \(pick(live, &rng))"
    }
}
