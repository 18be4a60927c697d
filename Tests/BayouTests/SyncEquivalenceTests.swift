import RingsideKernel
import Testing
@testable import Bayou

/// `sync(from:)` takes shortcuts (no items, tentative writes inserted as one batch); these
/// check it against what it stands for: opening a session and receiving every item in order.
@Suite("A whole session equals its items received one by one")
struct SyncEquivalenceTests {
    /// Everything a replica shows, rollbacks and sessions included.
    struct Seen: Equatable {
        let writes: [Write]
        let versionVector: VersionVector
        let maxTimestamp: UInt64
        let totals: RollbackTotals
        let lastRollback: Rollback?
        let sessions: [UInt64]
        let database: [String: String]
        let committedDatabase: [String]
        let log: [LogEntry]

        init(_ replica: Replica) {
            writes = replica.writes
            versionVector = replica.versionVector
            maxTimestamp = replica.maxTimestamp
            totals = replica.rollbackTotals
            lastRollback = replica.lastRollback
            sessions = replica.openSessionNumbers
            database = replica.database
            committedDatabase = replica.committedSortedDatabase.map { "\($0.key)=\($0.value)" }
            log = replica.log
        }
    }

    /// The old `sync(from:)`: every item made, admitted and applied.
    static func syncByItems(_ receiver: inout Replica, from sender: Replica) -> SessionSummary {
        var summary = SessionSummary()
        for item in sender.antiEntropyItems(for: receiver.openSession(from: sender.id)) {
            summary.items += 1
            switch item.payload {
            case .write: summary.writes += 1
            case .commitNotice: summary.commitNotices += 1
            case .endOfSession: break
            }
            switch receiver.receive(item) {
            case .inserted(_, let rollback?), .committed(_, let rollback?):
                summary.undone += rollback.undone
                summary.redone += rollback.redone
            default:
                break
            }
        }
        return summary
    }

    @Test("random writes, commits and stale senders", arguments: 0..<40)
    func randomSchedules(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 1_000)
        let ids: [Identifier] = [7, 3, 90, 41, 12, 66]
        var replicas = ids.map { Replica(id: $0) }
        // Old states, so that senders are sometimes behind (commit notices, stale stamps).
        var snapshots: [Replica] = []
        let keys = ["a", "b", "c"]
        for step in 0..<300 {
            let at = random.index(below: replicas.count)
            switch random.next(below: 10) {
            case 0...3:
                let key = keys[random.index(below: keys.count)]
                let operation: Operation = random.next(below: 4) == 0
                    ? .book(slots: ["s1", "s2"], who: "w\(step)") : .put(key: key, value: "\(step)")
                _ = try? replicas[at].accept(operation, at: random.next(below: 3) == 0 ? nil : UInt64(step))
            case 4:
                if at == 0 { replicas[0].commitAsPrimary() }
                snapshots.append(replicas[at])
            default:
                var partner = random.index(below: replicas.count - 1)
                if partner >= at { partner += 1 }
                let sender = !snapshots.isEmpty && random.next(below: 4) == 0
                    ? snapshots[random.index(below: snapshots.count)] : replicas[partner]
                var byItems = replicas[at]
                let expected = Self.syncByItems(&byItems, from: sender)
                let summary = replicas[at].sync(from: sender)
                #expect(summary == expected, "step \(step)")
                #expect(Seen(replicas[at]) == Seen(byItems), "step \(step)")
                if random.next(below: 3) == 0 { replicas[at].materialize() }
            }
        }
    }
}
