import RingsideInvariants
import RingsideKernel
import Testing
@testable import Bayou

/// Random schedules of writes, commits, whole and cut sessions, checked against a brute-force model.
@Suite("Random schedules against a brute-force model")
struct RandomScheduleTests {
    /// Everything that ever happened, as the model sees it.
    struct World {
        var replicas: [Replica]
        /// Every accepted write's operation (looked up, never iterated into output).
        var operations: [WriteStamp: Operation] = [:]
        /// Each origin's timestamps, ascending.
        var timestamps: [Identifier: [UInt64]] = [:]
        /// The primary's commit order: the true committed prefix.
        var committedOrder: [WriteStamp] = []

        mutating func accepted(_ write: Write) {
            operations[write.stamp] = write.operation
            timestamps[write.origin, default: []].append(write.timestamp)
        }
    }

    /// What is wrong with replica `index`, as readable lines (empty = all invariants hold).
    static func violations(_ world: World, _ index: Int) -> [String] {
        let replica = world.replicas[index]
        let writes = replica.writes
        // LogOrder, VersionVector and DatabaseReplay (booking outcomes included) are the
        // library's checks; what follows them here needs the model's knowledge of every write.
        var problems = replicaInvariantProblems(replica)
        if writes.count != replica.logCount { problems.append("logCount \(replica.logCount) != \(writes.count)") }

        let committed = writes.filter { $0.csn != nil }.map(\.stamp)
        if committed != Array(world.committedOrder.prefix(committed.count)) || committed.count > world.committedOrder.count {
            problems.append("committed prefix disagrees with the primary's")
        }
        if UInt64(committed.count) != replica.highestCSN { problems.append("highestCSN wrong") }

        var held: [Identifier: [UInt64]] = [:]
        for write in writes {
            held[write.origin, default: []].append(write.timestamp)
            if world.operations[write.stamp] != write.operation { problems.append("unknown write \(write.stamp)") }
        }
        let vv = replica.versionVector

        // The prefix property: from each origin, exactly its writes up to the VV entry.
        for (origin, stamps) in world.timestamps {
            let entry = vv[origin]
            if (held[origin] ?? []).sorted() != stamps.filter({ $0 <= entry }) {
                problems.append("prefix property broken for origin \(origin)")
            }
        }

        if replica.log.map(\.write) != writes { problems.append("log and writes disagree") }
        return problems
    }

    static func stamps(_ replica: Replica) -> Set<WriteStamp> { Set(replica.writes.map(\.stamp)) }

    static func randomOperation(_ random: inout SplitMix64) -> Operation {
        let keys = ["x", "y", "z", "r1@10", "r1@11"]
        switch random.next(below: 4) {
        case 0: return .delete(key: keys[random.index(below: keys.count)])
        case 1:
            let slots = ["r1@10", "r1@11", "r1@12"]
            let first = random.index(below: slots.count)
            let count = 1 + random.index(below: slots.count - first)
            return .book(slots: Array(slots[first..<(first + count)]), who: ["ann", "bob", "cy"][random.index(below: 3)])
        default: return .put(key: keys[random.index(below: keys.count)], value: "\(random.next(below: 100))")
        }
    }

    static func makeWorld(_ random: inout SplitMix64) -> World {
        let count = 2 + random.index(below: 4)
        var ids: [Identifier] = []
        while ids.count < count {
            // Some ids wider than 64 bits, some small: origin order must not matter.
            let id = random.next(below: 2) == 0
                ? Identifier(random.next(below: 200))
                : Identifier(w2: random.next(below: 3), w1: random.next(), w0: random.next())
            if !ids.contains(id) { ids.append(id) }
        }
        return World(replicas: ids.map { Replica(id: $0) })
    }

    @Test("invariants hold after every item of every session, whole or cut", arguments: 1...120)
    func schedule(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var world = Self.makeWorld(&random)
        let count = world.replicas.count

        func check(_ index: Int, _ context: String) {
            let problems = Self.violations(world, index)
            #expect(problems.isEmpty, "seed \(seed), \(context), replica \(index): \(problems)")
        }
        // Every invariant over all replicas, with memory: committed prefixes agree and never change.
        var monitor = InvariantMonitor()
        func checkAll(_ context: String) {
            for index in 0..<count { check(index, context) }
            let violations = monitor.checkBayou(world.replicas.map(ReplicaSnapshot.init))
            #expect(violations.isEmpty, "seed \(seed), \(context): \(violations.map(\.line))")
        }

        for step in 0..<80 {
            let action = random.next(below: 100)
            let context = "step \(step)"
            if action < 30 {
                let at = random.index(below: count)
                let operation = Self.randomOperation(&random)
                let clock = world.replicas[at].clock
                if random.next(below: 2) == 0 {
                    world.accepted(try world.replicas[at].accept(operation))
                } else if clock > 0 && random.next(below: 8) == 0 {
                    let before = world.replicas[at].writes
                    #expect(throws: BayouError.clockWouldGoBack(clock: clock, requested: clock - 1)) {
                        try world.replicas[at].accept(operation, at: clock - 1)
                    }
                    #expect(world.replicas[at].writes == before && world.replicas[at].clock == clock)
                } else {
                    let time = clock + random.next(below: 4)
                    let expected = max(time, world.replicas[at].maxTimestamp + 1)
                    let write = try world.replicas[at].accept(operation, at: time)
                    #expect(write.timestamp == expected && world.replicas[at].clock == expected)
                    world.accepted(write)
                }
            } else if action < 40 {
                world.replicas[0].commitAsPrimary()
                world.committedOrder = world.replicas[0].writes.map(\.stamp)
            } else if action < 90 {
                let sender = random.index(below: count)
                var receiver = random.index(below: count - 1)
                if receiver >= sender { receiver += 1 }
                let union = Self.stamps(world.replicas[sender]).union(Self.stamps(world.replicas[receiver]))
                let senderCSN = world.replicas[sender].highestCSN
                let items = world.replicas[sender].antiEntropyItems(for: world.replicas[receiver].antiEntropyRequest())
                #expect(items.enumerated().allSatisfy { $0.element.index == $0.offset })
                let cut = action < 70 ? items.count : random.index(below: items.count + 1)
                for item in items.prefix(cut) {
                    // Captions quote the receiver's state as it stands when the item arrives.
                    let before = world.replicas[receiver]
                    switch item.payload {
                    case .write(let write, let receiverTimestamp, let receiverCSN):
                        #expect(receiverTimestamp == before.versionVector[write.origin] && receiverCSN == before.highestCSN)
                    case .commitNotice(_, let stamp, let receiverTimestamp):
                        #expect(receiverTimestamp == before.versionVector[stamp.origin])
                    case .endOfSession:
                        break
                    }
                    let result = world.replicas[receiver].receive(item)
                    if case .rejected(let why) = result { Issue.record("seed \(seed) \(context): rejected \(why)") }
                    // Only the receiver changes while items arrive.
                    check(receiver, "\(context) after item \(item.index) of \(items.count)")
                    if random.next(below: 4) == 0 { world.replicas[receiver].materialize() }
                }
                if cut == items.count {
                    #expect(Self.stamps(world.replicas[receiver]) == union, "seed \(seed) \(context): not the union")
                    #expect(world.replicas[receiver].highestCSN >= senderCSN)
                }
            } else {
                world.replicas[random.index(below: count)].materialize()
            }
            checkAll(context)
        }
    }
}
