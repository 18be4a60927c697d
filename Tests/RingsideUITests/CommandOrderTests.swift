import RingsideSimulation
import Testing
@testable import RingsideUI

/// Every command, key or typed, runs in the order given: one given while earlier work is
/// under way waits for it, as `ringside run` would run them (issue 8, item 8).
@Suite struct CommandOrderTests {
    static let bayou = """
        bits 7
        add P=10 A=32 B=60
        primary P
        write A put X 3 at 7
        """

    private func replica(_ frontEnd: FrontEnd, _ name: String) throws -> BayouReplicaView {
        let world = frontEnd.model.world
        return world.bayouView(of: try #require(world.state.index(ofName: name)))
    }

    /// `:sync P A` then `c`: the commit waits for the sync, so A's write gets its CSN.
    @Test func aCommitKeyWaitsForTheSyncBeforeIt() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.bayou)
        frontEnd.enterCommand("sync P A")
        frontEnd.press(.character("c"))
        #expect(frontEnd.model.queued == ["commit"])
        #expect(frontEnd.model.notes.last?.text.contains("queued") == true)
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.queued.isEmpty)
        #expect(engine.core.transcript.suffix(2) == ["sync P A", "commit"])
        #expect(try replica(frontEnd, "P").log.allSatisfy(\.isCommitted))
    }

    /// `:sync A B` then `:write A put K 1`: the sync does not carry the later write.
    @Test func aLaterWriteIsNotCarriedByAnEarlierSync() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.bayou)
        frontEnd.enterCommand("sync A B")
        frontEnd.enterCommand("write A put K 1")
        #expect(try replica(frontEnd, "A").database.allSatisfy { $0.key != "K" })
        frontEnd.press(.character("N"))
        #expect(try replica(frontEnd, "A").database.contains { $0.key == "K" })
        #expect(try !replica(frontEnd, "B").database.contains { $0.key == "K" })
    }

    /// `:settle` then `:say X`: the caption comes after the settle, stepped with `n`.
    @Test func aCaptionWaitsForTheSettleBeforeIt() throws {
        var (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32 60\njoin 90 via 10")
        frontEnd.press(.character("N"))
        frontEnd.enterCommand("settle")
        frontEnd.enterCommand("say settled")
        #expect(frontEnd.model.caption == nil)
        for _ in 0..<10_000 where !frontEnd.model.world.isIdle { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.caption == "settled")
    }

    /// Going back in time restores the queue of that step, and the newest step's again.
    @Test func timeTravelKeepsTheQueueOfEachStep() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.bayou)
        frontEnd.enterCommand("sync P A")
        frontEnd.press(.character("n"))
        frontEnd.press(.character("c"))
        #expect(frontEnd.model.queued == ["commit"])
        frontEnd.press(.character("u"))
        frontEnd.press(.character("u"))
        #expect(frontEnd.model.queued.isEmpty)
        frontEnd.press(.character("U"))
        frontEnd.press(.character("U"))
        #expect(frontEnd.model.queued == ["commit"])
    }

    /// Stepping commands act on the work under way: they are never queued.
    @Test func messageControlRunsAtOnce() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.bayou)
        frontEnd.enterCommand("sync P A")
        let before = frontEnd.model.world.inFlightCount
        frontEnd.enterCommand("step")
        #expect(frontEnd.model.queued.isEmpty)
        #expect(frontEnd.model.world.inFlightCount != before || frontEnd.model.world.isIdle)
    }
}
