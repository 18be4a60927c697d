import Testing
@testable import RingsideSimulation
import RingsideKernel

@Suite("Same script and seed, same bytes")
struct DeterminismTests {
    static let script = """
        bits 16
        seed 7
        successors 3
        add alice bob carol dave erin
        store k1 k2 k3 k4 k5 k6
        join-mode stabilize
        join frank via alice
        join grace via bob
        stabilize
        lookup k3 from carol
        fail dave
        settle
        join-mode eager
        join heidi via erin
        lookup k5 from heidi
        dump
        """

    /// Everything observable: printed output, trace lines with their virtual times.
    static func observe(_ script: String, seed: UInt64) throws -> String {
        let (outputs, world) = try run(script, seed: seed)
        let printed = outputs.map { "\($0)" }.joined(separator: "\n")
        let trace = world.trace.events.map { "\($0.time) \($0.text)" }.joined(separator: "\n")
        return printed + "\n--\n" + trace + "\n--\n\(world.time)"
    }

    @Test func sameScriptTwiceIsByteIdentical() throws {
        let first = try Self.observe(Self.script, seed: 0)
        let second = try Self.observe(Self.script, seed: 0)
        #expect(first == second)
        #expect(first.contains("lookups"))
    }

    @Test func theSeedChangesTimingButNotTheOutcome() throws {
        let withSeed = """
            bits 16
            seed 99
            """ + Self.script.split(separator: "\n").dropFirst(2).map { "\n" + $0 }.joined()
        let a = try run(Self.script).outputs
        let b = try run(withSeed).outputs
        #expect(a == b)  // commands run to completion: the state does not depend on latency
        let timeA = try run(Self.script).world.time
        let timeB = try run(withSeed).world.time
        #expect(timeA != timeB)  // but message latencies came from a different seed
    }

    @Test func narrationChangesNothingButTheTrace() throws {
        var quiet = World()
        quiet.narrates = false
        var runner = ScriptRunner(world: quiet)
        var outputs: [ScriptOutput] = []
        try runner.run(bytes: Array(Self.script.utf8)) { outputs.append($0) }
        #expect(outputs == (try run(Self.script).outputs))
        #expect(runner.world.narrates == false)  // `bits` keeps the setting
        #expect(runner.world.trace.total == 0)
        #expect(runner.world.time == (try run(Self.script).world.time))
    }

    @Test func worldsAreValuesSoACopyIsASnapshot() throws {
        var world = try run("bits 7\nadd 10 32 60 90 105 120").world
        let snapshot = world
        _ = try world.execute(line: "fail 32")
        _ = try world.execute(line: "settle")
        #expect(snapshot.state.isAlive(try #require(snapshot.state.index(ofID: 32))))
        #expect(!world.state.isAlive(try #require(world.state.index(ofID: 32))))
        #expect(StateJSON.encode(snapshot) != StateJSON.encode(world))
    }

    @Test func steppingOneMessageAtATimeEndsWhereRunningDoes() throws {
        var stepped = try run("bits 7\nadd 10 32 60 90 105 120").world
        var ran = stepped
        let statement = try #require(try Parser.parse(line: "lookup 15 from 90", number: 1))
        _ = try stepped.begin(statement)
        var steps = 0
        while try stepped.step() { steps += 1 }
        _ = try ran.execute(statement)
        #expect(steps == 4)  // start, 90 → 10, 10 → 32, 32 → 90
        #expect(StateJSON.encode(stepped) == StateJSON.encode(ran))
    }
}
