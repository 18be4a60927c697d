import Chord
import Foundation
import RingsideKernel
import Testing
@testable import RingsideInvariants
@testable import RingsideSimulation

/// Runs a script, checking every invariant (with memory) after each command; returns the
/// final world and each command's violations that were not empty.
func runChecking(_ script: String, seed: UInt64 = 0) throws -> (world: World, reports: [[Violation]]) {
    var runner = ScriptRunner(world: World(seed: seed))
    var monitor = InvariantMonitor()
    var reports: [[Violation]] = []
    try runner.run(bytes: Array(script.utf8), afterEachCommand: { world in
        // Before the first `add` AtLeastOneRing reports the empty system; judged from then on.
        let violations = world.invariantViolations(monitor: &monitor)
            .filter { world.state.count > 0 || !ChordInvariants.names.contains($0.name) }
        if !violations.isEmpty { reports.append(violations) }
    }, emit: { _ in })
    return (runner.world, reports)
}

func runScript(_ script: String, seed: UInt64 = 0) throws -> World {
    var runner = ScriptRunner(world: World(seed: seed))
    try runner.run(bytes: Array(script.utf8), emit: { _ in })
    return runner.world
}

func scenario(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Assets/scenarios/\(name).ringside"), encoding: .utf8)
}

@Suite("Invariants of worlds built by scripts")
struct WorldInvariantTests {
    @Test func theLectureRingAfterSettleHoldsEverything() throws {
        let world = try runScript("bits 7\nsuccessors 3\nadd 10 32 60 90 105 120\nfail 32\nsettle\n")
        #expect(world.invariantViolations() == [])
        let (_, reports) = try runChecking(try scenario("lecture-ring") + "\nsettle\n")
        #expect(reports.isEmpty, "\(reports)")
    }

    @Test func theBayouLectureHoldsAfterEveryCommand() throws {
        let (world, reports) = try runChecking(try scenario("bayou-lecture"))
        #expect(reports.isEmpty, "\(reports)")
        #expect(world.replicaSnapshots.map(\.id) == [10, 32, 60])
    }

    /// script.md: "AtLeastOneRing: some ring member exists". With every node down, or none
    /// added yet, none does (audit: Ringside said the invariants held).
    @Test func noLiveNodeBreaksAtLeastOneRing() throws {
        let line = "invariant violated: AtLeastOneRing: no node is alive, so no ring member exists"
        #expect(try runScript("bits 7\nadd 10 32\nfail 10\nfail 32\n").invariantViolations().map(\.line) == [line])
        #expect(try runScript("bits 7\n").invariantViolations().map(\.line) == [line])
        #expect(try runScript("bits 7\nadd 10\n").invariantViolations().isEmpty)
    }

    @Test func aFailureThatCutsEverySuccessorShowsUpAfterTheCrashAndIsGoneAfterSettle() throws {
        // With one successor each, killing 32 leaves 10 without a live entry until it repairs.
        let broken = try runScript("bits 7\nsuccessors 1\nadd 10 32 60 90\nfail 32\n")
        #expect(broken.invariantViolations().map(\.line) == [
            "invariant violated: AtLeastOneRing: no live node gets back to itself by following best successors (3 live)",
            "invariant violated: ConnectedAppendages: 10 has no live entry in its successor list",
            "invariant violated: ConnectedAppendages: 60 does not reach a ring: following best successors stops at 10, which has no live successor",
            "invariant violated: ConnectedAppendages: 90 does not reach a ring: following best successors stops at 10, which has no live successor",
        ])
        let healed = try runScript("bits 7\nsuccessors 1\nadd 10 32 60 90\nfail 32\nsettle\n")
        #expect(healed.invariantViolations() == [])
    }

    @Test func anEmptyWorldHasNoRingMember() {
        #expect(World().invariantViolations().map(\.name) == ["AtLeastOneRing"])
    }

    /// Random small scripts of add, fail, join and settle: after settle every Chord invariant holds.
    @Test(arguments: 0..<30)
    func randomChordScriptsHoldAfterSettle(seed: UInt64) throws {
        var rng = SplitMix64(seed: 7000 + seed)
        let bits = [6, 16, 64, 160][Int(seed) % 4]
        let space = IdentifierSpace(bits: bits)
        var used: [Identifier] = []
        func fresh() -> Identifier {
            while true {
                let id = rng.identifier(in: space)
                if !used.contains(id) { used.append(id); return id }
            }
        }
        var alive = (0..<(2 + rng.index(below: 4))).map { _ in fresh() }
        var script = "bits \(bits)\nsuccessors \(2 + rng.index(below: 3))\n"
        script += "join-mode \(rng.next(below: 3) == 0 ? "eager" : "stabilize")\n"
        script += "add \(alive.map(\.description).joined(separator: " "))\n"
        for _ in 0..<(4 + rng.index(below: 10)) {
            switch rng.next(below: 10) {
            case 0, 1:
                let id = fresh()
                script += "add \(id)\n"
                alive.append(id)
            case 2 where alive.count > 3, 3 where alive.count > 3:
                // One failure at a time on a settled ring, then repair, so no node loses every
                // live entry of its successor list. Without the first settle, a joiner that knows
                // only the node it joined via can be left alone when that node fails, and the
                // original protocol then makes it a ring of its own (Zave's counterexample).
                let victim = alive.remove(at: rng.index(below: alive.count))
                script += "settle\nfail \(victim)\nsettle\n"
            case 4:
                script += "settle\n"
            default:
                let id = fresh()
                script += "join \(id) via \(alive[rng.index(below: alive.count)])\n"
                alive.append(id)
            }
        }
        script += "settle\n"
        // Every settle must converge (the successor-list fix made the five seeds that once gave
        // up converge), and after it every invariant holds.
        let world = try runScript(script, seed: seed)
        let violations = world.invariantViolations()
        #expect(violations == [], "seed \(seed):\n\(script)\n\(violations.map(\.line))")
        #expect(ChordInvariants.violations(world.state) == [])
    }

    /// Random Bayou scripts (writes, whole sessions, commits): every invariant after every command.
    @Test(arguments: 0..<20)
    func randomBayouScriptsHoldAfterEveryCommand(seed: UInt64) throws {
        var rng = SplitMix64(seed: 9000 + seed)
        let names = Array(["P", "A", "B", "C"].prefix(2 + rng.index(below: 3)))
        var script = "bits 7\nadd \(names.enumerated().map { "\($0.element)=\(10 + 25 * $0.offset)" }.joined(separator: " "))\n"
        script += "primary P\n"
        for _ in 0..<40 {
            let at = names[rng.index(below: names.count)]
            switch rng.next(below: 10) {
            case 0, 1, 2:
                script += "write \(at) put \(["X", "Y", "r1@10"][rng.index(below: 3)]) \(rng.next(below: 9))\n"
            case 3:
                script += "write \(at) delete \(["X", "Y", "r1@10"][rng.index(below: 3)])\n"
            case 4:
                script += "write \(at) book r1@10,r1@11 for \(["ann", "bob"][rng.index(below: 2)])\n"
            case 5:
                script += "commit\n"
            default:
                var other = at
                while other == at { other = names[rng.index(below: names.count)] }
                script += rng.next(below: 2) == 0 ? "sync \(at) \(other)\n" : "sync \(at) -> \(other)\n"
            }
        }
        let (_, reports) = try runChecking(script, seed: seed)
        #expect(reports.isEmpty, "seed \(seed):\n\(script)\n\(reports)")
    }
}
