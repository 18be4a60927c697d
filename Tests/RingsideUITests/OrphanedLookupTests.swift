import RingsideSimulation
import Testing
@testable import RingsideUI

/// Issue bug 7: "A lookup orphaned in the TUI: when the node holding a query and its next
/// hop both crash, the origin never times out". Transport timers end it now.
@Suite struct OrphanedLookupTests {
    @Test func theEngineReachesIdleAfterTheHolderAndItsNextHopCrash() {
        var core = EngineCore()
        for line in ["bits 7", "add 10 32 60 90 105 120", "lookup 15 from 90"] {
            _ = core.serve(.command(line, origin: .commandLine))
        }
        _ = core.serve(.step(1))  // the lookup starts: 90 → 10 in flight
        _ = core.serve(.step(1))  // 10 holds the query and forwards it to 32
        #expect(core.world.inFlightMessages().map { [$0.from, $0.to].map { core.world.state.id($0).description } } == [["10", "32"]])
        _ = core.serve(.command("fail 10", origin: .key))
        _ = core.serve(.command("fail 32", origin: .key))
        var reachedIdle = false
        for _ in 0..<100 {
            let report = core.serve(.step(1))
            if report.notices.contains(where: { $0.event == .idle }) { reachedIdle = true; break }
        }
        #expect(reachedIdle)
        #expect(core.world.isIdle)
        let lookup = core.world.chord.lookups.first
        #expect(lookup?.failed == true)
        #expect(lookup?.owner == nil)
    }
}
