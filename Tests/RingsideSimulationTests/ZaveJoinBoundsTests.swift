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

/// `check --protocol zave` judges Zave's guarantees only within her assumptions: crash
/// faults only. Seeds 39 and 119 recovered a node its old neighbours still listed.
@Suite struct ZaveRecoveryJudgementTests {
    static let seed39 = ["maintenance zave", "add 104", "add 400", "add 899", "add 90", "add 95", "add 773",
                         "fail 95", "leave 104", "recover 95 via 773", "invariants"]

    @Test func aRecoveryWhileOldNeighboursStillListTheNodeIsOutsideZavesAssumptions() {
        var settings = CheckSettings()
        settings.zave = true
        let execution = SeedCheck.replay(Self.seed39, settings: settings)
        #expect(execution.failure == nil, "\(String(describing: execution.failure))")
    }

    @Test func theSameRingBreaksAtLeastOneRingAsTheSpecDefinesIt() throws {
        // The reborn node is live with no successor: best-successor paths end there.
        var world = World()
        var reports: [ScriptOutput] = []
        for line in Self.seed39 {
            if line.hasPrefix("recover") {
                // Its old neighbours still list the crashed node when it comes back.
                #expect(world.state.isListedByALiveNode(try #require(world.state.index(ofName: "N95"))))
            }
            reports += try world.execute(line: line)
        }
        #expect(reports.contains { if case let .report(text) = $0 { return text.contains("AtLeastOneRing") } else { return false } })
    }
}
