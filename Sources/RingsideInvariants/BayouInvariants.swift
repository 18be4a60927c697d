import Bayou
import RingsideKernel

/// Bayou's invariants over a set of replicas, as script.md words them.
///
/// Every check is per replica and reports at most one violation per replica and kind (the
/// first wrong write, key or origin), in replica id order. Dictionaries here are only looked
/// up; what reaches a detail is always chosen in id, timestamp or key order.
public enum BayouInvariants {
    public static let names = ["PrefixProperty", "CommittedPrefix", "LogOrder", "VersionVector", "DatabaseReplay"]

    /// Every violation, in the order of `names`.
    ///
    /// `previousCommitted` is each replica's committed sequence when last checked (by id);
    /// a replica whose sequence no longer starts with it breaks "committed prefixes never
    /// change". `InvariantMonitor` keeps that memory across steps.
    public static func violations(_ replicas: [ReplicaSnapshot],
                                  previousCommitted: [Identifier: [WriteStamp]] = [:]) -> [Violation] {
        let sorted = replicas.sorted { $0.id < $1.id }
        let committed = sorted.map(committedSequence)
        var result: [Violation] = []
        result += prefixProperty(sorted)
        result += committedPrefix(sorted, committed, previousCommitted)
        result += sorted.compactMap(logOrder)
        result += sorted.compactMap(versionVector)
        result += sorted.flatMap(databaseReplay)
        return result
    }

    /// The committed writes' stamps by CSN: the committed sequence whatever the log order.
    static func committedSequence(_ replica: ReplicaSnapshot) -> [WriteStamp] {
        replica.log.compactMap { entry in entry.csn.map { (csn: $0, stamp: entry.write.stamp) } }
            .sorted { $0.csn < $1.csn }
            .map(\.stamp)
    }

    static func name(_ replica: ReplicaSnapshot) -> String { "replica \(IDText.text(replica.id))" }

    static func write(_ stamp: WriteStamp) -> String {
        "(ts \(stamp.timestamp), origin \(IDText.text(stamp.origin)))"
    }

    // MARK: PrefixProperty

    /// A replica holding X's write with timestamp t holds every write of X older than t that
    /// any replica holds. Since what a replica holds is part of what all replicas hold, it is
    /// enough to compare, per origin, the count held with the count of all held up to its newest.
    static func prefixProperty(_ replicas: [ReplicaSnapshot]) -> [Violation] {
        // Per replica and origin, the distinct timestamps held, ascending.
        let held: [[Identifier: [UInt64]]] = replicas.map { replica in
            var byOrigin: [Identifier: [UInt64]] = [:]
            for entry in replica.log { byOrigin[entry.origin, default: []].append(entry.timestamp) }
            return byOrigin.mapValues { Array(Set($0)).sorted() }
        }
        // Per origin, every timestamp any replica holds, ascending, with its first holder.
        var all: [Identifier: [UInt64: Int]] = [:]
        for (index, byOrigin) in held.enumerated() {
            for (origin, stamps) in byOrigin {
                for t in stamps where all[origin]?[t] == nil { all[origin, default: [:]][t] = index }
            }
        }
        let union = all.mapValues { $0.keys.sorted() }
        var result: [Violation] = []
        for (index, replica) in replicas.enumerated() {
            for origin in held[index].keys.sorted() {
                // Both lookups always succeed (every held origin is in the union); a guard, not a trap.
                guard let mine = held[index][origin], let everyone = union[origin], let newest = mine.last else { continue }
                let upToNewest = everyone.prefix { $0 <= newest }
                guard upToNewest.count != mine.count else { continue }
                // Both ascending and mine ⊆ everyone: the first difference is the missing write.
                var i = 0
                while i < mine.count && mine[i] == upToNewest[i] { i += 1 }
                let missing = upToNewest[i]
                let holder = replicas[all[origin]?[missing] ?? index]
                result.append(Violation(
                    name: "PrefixProperty",
                    detail: "\(name(replica)) holds \(write(WriteStamp(timestamp: newest, origin: origin))) "
                        + "but not the older \(write(WriteStamp(timestamp: missing, origin: origin))), "
                        + "which \(name(holder)) holds"))
            }
        }
        return result
    }

    // MARK: CommittedPrefix

    static func committedPrefix(_ replicas: [ReplicaSnapshot], _ committed: [[WriteStamp]],
                                _ previous: [Identifier: [WriteStamp]]) -> [Violation] {
        // Pairwise "one is a prefix of the other" holds iff every sequence is a prefix of the
        // longest, so one comparison per replica suffices (ties: the lowest id is the reference).
        var longest = 0
        for index in committed.indices where committed[index].count > committed[longest].count { longest = index }
        var result: [Violation] = []
        for (index, replica) in replicas.enumerated() {
            let mine = committed[index]
            if let p = firstDifference(mine, committed[longest]) {
                result.append(Violation(
                    name: "CommittedPrefix",
                    detail: "\(name(replica))'s committed write \(p + 1) is \(write(mine[p])) "
                        + "but \(name(replicas[longest]))'s is \(write(committed[longest][p]))"))
            }
            guard let before = previous[replica.id] else { continue }
            if mine.count < before.count {
                result.append(Violation(
                    name: "CommittedPrefix",
                    detail: "\(name(replica)) had \(before.count) committed write\(before.count == 1 ? "" : "s") and now has \(mine.count)"))
            } else if let p = firstDifference(before, mine) {
                result.append(Violation(
                    name: "CommittedPrefix",
                    detail: "\(name(replica))'s committed write \(p + 1) was \(write(before[p])) and is now \(write(mine[p]))"))
            }
        }
        return result
    }

    /// The first position where `short` differs from `long`, judged over `short`'s length
    /// (nil: `short` is a prefix of `long`). `short` must not be longer.
    static func firstDifference(_ short: [WriteStamp], _ long: [WriteStamp]) -> Int? {
        short.indices.first { short[$0] != long[$0] }
    }

    // MARK: LogOrder

    /// Committed writes first with CSN 1, 2, 3, ..., then tentative writes by (timestamp, origin).
    static func logOrder(_ replica: ReplicaSnapshot) -> Violation? {
        var previousTentative: WriteStamp?
        for (position, entry) in replica.log.enumerated() {
            let at = "\(name(replica))'s log entry \(position + 1)"
            if let csn = entry.csn {
                if let tentative = previousTentative {
                    return Violation(name: "LogOrder",
                                     detail: "\(at), committed with CSN \(csn), comes after the tentative \(write(tentative))")
                }
                if csn != UInt64(position + 1) {
                    return Violation(name: "LogOrder", detail: "\(at) has CSN \(csn), expected \(position + 1)")
                }
            } else {
                if let earlier = previousTentative, !(earlier < entry.write.stamp) {
                    return Violation(name: "LogOrder",
                                     detail: "\(at), the tentative \(write(entry.write.stamp)), comes after \(write(earlier))")
                }
                previousTentative = entry.write.stamp
            }
        }
        return nil
    }

    // MARK: VersionVector

    /// R.V[X] is the highest timestamp of X's writes that R holds.
    static func versionVector(_ replica: ReplicaSnapshot) -> Violation? {
        let expected = VersionVector(replica.log.map { VersionVector.Entry(origin: $0.origin, timestamp: $0.timestamp) })
        guard expected != replica.versionVector else { return nil }
        let origins = Set(expected.entries.map(\.origin)).union(replica.versionVector.entries.map(\.origin)).sorted()
        guard let originID = origins.first(where: { expected[$0] != replica.versionVector[$0] }) else { return nil }
        let origin = IDText.text(originID)
        let holds = expected[originID] == 0
            ? "it holds no write from \(origin)"
            : "the newest write it holds from \(origin) has timestamp \(expected[originID])"
        return Violation(
            name: "VersionVector",
            detail: "\(name(replica))'s version vector has \(origin):\(replica.versionVector[originID]) but \(holds)")
    }

    // MARK: DatabaseReplay

    /// The database (and each booking's outcome) is what replaying the log from an empty map gives.
    ///
    /// The replay is written here again, apart from `Operation.apply`, so that a slip in the
    /// replica's incremental undo/redo is not mirrored by the check. A booking takes the first
    /// of its slots that is still free (Bayou's dependency check and merge procedure).
    static func databaseReplay(_ replica: ReplicaSnapshot) -> [Violation] {
        var database: [String: String] = [:]
        var result: [Violation] = []
        for (position, entry) in replica.log.enumerated() {
            switch entry.operation {
            case .put(let key, let value):
                database[key] = value
            case .delete(let key):
                database[key] = nil
            case .book(let slots, let who):
                let slot = slots.first { database[$0] == nil }
                if let slot { database[slot] = who }
                if result.isEmpty && slot != entry.outcome {
                    result.append(Violation(
                        name: "DatabaseReplay",
                        detail: "\(name(replica))'s booking at log entry \(position + 1) got \(entry.outcome ?? "no slot") "
                            + "but replaying its log gives \(slot ?? "no slot")"))
                }
            }
        }
        if database != replica.database {
            let keys = Set(database.keys).union(replica.database.keys).sorted()
            guard let key = keys.first(where: { database[$0] != replica.database[$0] }) else { return result }
            result.append(Violation(
                name: "DatabaseReplay",
                detail: "\(name(replica))'s database has \(key) = \(replica.database[key] ?? "(none)") "
                    + "but replaying its log gives \(key) = \(database[key] ?? "(none)")"))
        }
        return result
    }
}
