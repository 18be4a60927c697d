import Testing
@testable import RingsideSimulation

/// Found by `ringside check --protocol zave` (seeds 39, 119, …): a join under zave whose
/// entry keeps naming a dead successor retried forever, so `recover` never ended; and a
/// crash of a join's entry mid-join was judged as inside Zave's assumptions.
@Suite struct ZaveJoinBoundsTests {
    @Test func aRecoverWhoseEntryNamesOnlyDeadNodesEndsWithAReason() throws {
        var world = World()
        for line in ["maintenance zave", "add 104", "add 95", "add 773", "fail 95", "leave 104", "recover 95 via 773"] {
            _ = try world.execute(line: line)
        }
        #expect(world.isIdle)
        #expect(traceText(world).contains { $0.contains("95: join via 773 gave up after 3 tries") })
        // The entry learns of the dead node by stabilizing; the joiner's stabilize then
        // joins again, and this time it succeeds.
        _ = try world.execute(line: "stabilize 773")
        _ = try world.execute(line: "stabilize 95")
        #expect(traceText(world).contains { $0.contains("95: stabilize: no successor known → join again via 773") })
        _ = try world.execute(line: "settle")
        #expect(try world.execute(line: "invariants") == [.report("invariants hold")])
    }

    @Test func aJoinsEntryAndTheSuccessorItCopiesFromAreOutsideZavesAssumptionsMidJoin() throws {
        var world = World()
        for line in ["maintenance zave", "successors 2", "add a=10 b=20 c=30 d=40 e=50 f=60", "async join 25 via e"] {
            _ = try world.execute(line: line)
        }
        let entry = try #require(world.state.index(ofName: "e"))
        let bystander = try #require(world.state.index(ofName: "f"))
        #expect(world.state.crashKeepsZaveAssumptions(entry))
        #expect(!world.chord.crashKeepsZaveAssumptions(entry))
        #expect(world.chord.crashKeepsZaveAssumptions(bystander))
        _ = try world.execute(line: "wait")
        #expect(world.chord.crashKeepsZaveAssumptions(entry))
    }
}
