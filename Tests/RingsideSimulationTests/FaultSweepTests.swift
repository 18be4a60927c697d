import Foundation
import Testing
@testable import RingsideSimulation
import RingsideKernel

/// Random fault schedules: joins, crashes, recoveries, lookups, loss, partitions, `async`,
/// `step`, `drop`, Bayou writes, syncs and commits. Never a trap or a hang; Bayou's
/// invariants hold after every command; once the faults end, syncs converge every live
/// replica; Chord only promises safety: an answered lookup names a node alive then.
@Suite("Random fault schedules")
struct FaultSweepTests {
    static let bayouInvariants = ["PrefixProperty", "CommittedPrefix", "LogOrder", "VersionVector", "DatabaseReplay"]

    /// A command's work may take at most this many steps (far above any real run).
    static let stepLimit = 200_000

    /// Runs one line with a step limit instead of `execute`'s unbounded loop.
    static func runBounded(_ world: inout World, _ line: String) throws -> [ScriptOutput] {
        guard let statement = try Parser.parse(line: Substring(line), number: 1) else { return [] }
        let outputs = try world.begin(statement)
        if statement.command.isAsync {
            try world.startAsync(world.commands.lastID)
            return outputs
        }
        let id = world.commands.lastID
        var steps = 0
        while world.commands.contains(id) {
            guard try world.step() else { break }
            steps += 1
            if steps > stepLimit { Issue.record("\(line): still running after \(stepLimit) steps"); break }
        }
        return outputs
    }

    /// Every step until idle, bounded (the sweep's `wait`).
    static func waitBounded(_ world: inout World) throws {
        var steps = 0
        while try world.step() {
            steps += 1
            if steps > stepLimit { Issue.record("wait: not idle after \(stepLimit) steps"); return }
        }
    }

    static func bayouViolations(_ world: inout World) -> [String] {
        world.invariantReport().filter { line in bayouInvariants.contains { line.contains(": \($0):") } }
    }

    @Test(arguments: UInt64(0)..<200)
    func randomFaultsNeverTrapAndBayouStaysSafe(seed: UInt64) throws {
        var rng = SplitMix64(seed: 91_000 + seed)
        var world = World(seed: seed)
        var ids = [10, 40, 75, 130, 170, 220]
        var alive = Set(ids)
        var log: [String] = []
        var checked = Set<Int>()
        func run(_ line: String) throws {
            log.append(line)
            do {
                _ = try Self.runBounded(&world, line)
            } catch {
                Issue.record("seed \(seed): \(line): \(error)\n\(log.joined(separator: "\n"))")
                throw error
            }
            let violations = Self.bayouViolations(&world)
            #expect(violations.isEmpty, "seed \(seed) after \(line): \(violations)\n\(log.joined(separator: "\n"))")
            // Safety: a lookup that answered since the last check names a live node (a `fail`
            // runs nothing, so every answer came before it).
            let lookups = world.chord.lookups
            for (index, lookup) in lookups.enumerated() where lookup.owner != nil && !checked.contains(index) {
                checked.insert(index)
                #expect(world.state.isAlive(lookup.owner!) || line.hasPrefix("fail"), "seed \(seed): \(line)")
                #expect(lookup.failed == false)
            }
        }
        func pick(_ from: [Int]) -> Int { from[rng.index(below: from.count)] }
        try run("bits 8")
        try run("successors 2")
        try run("add P=10 \(ids.dropFirst().map(String.init).joined(separator: " "))")
        for _ in 0..<30 {
            let live = ids.filter { alive.contains($0) }.sorted()
            let down = ids.filter { !alive.contains($0) }.sorted()
            switch rng.index(below: 14) {
            case 0 where live.count > 3:
                let victim = pick(live.filter { $0 != 10 })
                alive.remove(victim)
                try run("fail \(victim)")
            case 1 where !down.isEmpty:
                let node = pick(down)
                alive.insert(node)
                try run("recover \(node) via \(pick(live))")
            case 2:
                let id = rng.index(below: 256)
                if !ids.contains(id) {
                    ids.append(id); alive.insert(id)
                    try run("join \(id) via \(pick(live))")
                }
            case 3: try run("lookup \(rng.index(below: 256)) from \(pick(live))")
            case 4: try run("async lookup \(rng.index(below: 256)) from \(pick(live))")
            case 5: try run("loss \([0, 0.1, 0.3, 0.5][rng.index(below: 4)])")
            case 6:
                let shuffled = live.shuffled(using: &rng)
                let cut = 1 + rng.index(below: max(1, shuffled.count - 1))
                try run("partition \(shuffled[..<cut].map(String.init).joined(separator: ",")) | \(shuffled[cut...].map(String.init).joined(separator: ","))")
            case 7: try run("heal")
            case 8: try run("step \(1 + rng.index(below: 4))")
            case 9:
                let flying = world.inFlightPackets(limit: 50)
                if !flying.isEmpty { try run("drop m\(flying[rng.index(below: flying.count)].id)") }
            case 10, 11:
                try run("write \(pick(live)) put k\(rng.index(below: 4)) v\(log.count)")
            case 12 where live.count > 1:
                let a = pick(live)
                try run("sync \(a) \(pick(live.filter { $0 != a }))")
            case 13 where alive.contains(10):
                try run("commit")
            default:
                try run("stabilize")
            }
        }
        try run("heal")
        try run("loss 0")
        try Self.waitBounded(&world)
        #expect(world.isIdle)
        // Faults are over: syncs along a chain and back spread every write to every live replica.
        let live = ids.filter { alive.contains($0) }.sorted()
        for _ in 0..<2 {
            for (a, b) in zip(live, live.dropFirst()) { try run("sync \(a) \(b)") }
            for (a, b) in zip(live, live.dropFirst()).reversed() { try run("sync \(b) \(a)") }
        }
        let state = try JSONSerialization.jsonObject(with: Data(StateJSON.encode(world).utf8)) as! [String: Any]
        let bayou = live.map { canonical((node(state, $0)?["bayou"] as? [String: Any]).map { [$0["log"], $0["db"]] }) }
        #expect(Set(bayou).count == 1, "seed \(seed): replicas differ after faults ended\n\(log.joined(separator: "\n"))")
    }

    /// Bayou under loss: sessions end early, receivers keep a gap-free prefix (the
    /// invariants hold after every command), and after `loss 0` a few syncs converge.
    @Test(arguments: UInt64(0)..<40)
    func bayouUnderLossKeepsPrefixesAndConvergesAfter(seed: UInt64) throws {
        var script = "bits 7\nadd P=10 A=32 B=60 C=90\nloss 0.4\n"
        var rng = SplitMix64(seed: 5_000 + seed)
        let names = ["P", "A", "B", "C"]
        for i in 0..<25 {
            switch rng.index(below: 4) {
            case 0, 1: script += "write \(names[rng.index(below: 4)]) put k\(rng.index(below: 3)) v\(i)\n"
            case 2: script += "commit\n"
            default:
                let a = rng.index(below: 4), b = (a + 1 + rng.index(below: 3)) % 4
                script += "sync \(names[a]) \(names[b])\n"
            }
            script += "invariants\n"
        }
        script += "loss 0\nsync P A\nsync A B\nsync B C\nsync C B\nsync B A\nsync A P\ninvariants\ndump\n"
        let (outputs, world) = try run(script, seed: seed)
        #expect(reports(outputs).allSatisfy { $0 == "invariants hold" }, "seed \(seed): \(reports(outputs).filter { $0 != "invariants hold" })")
        #expect(reports(outputs).count == 26)
        let state = try #require(dumpsOf(outputs).last)
        let replicas = [10, 32, 60, 90].map { canonical((node(state, $0)?["bayou"] as? [String: Any]).map { [$0["log"], $0["db"], $0["vv"]] }) }
        #expect(Set(replicas).count == 1, "seed \(seed)")
        #expect(world.isIdle)
    }
}
