import RingsideSimulation
import Testing
@testable import RingsideUI

/// A status-line hint answers one key and goes with the next; a new branch says what it
/// forgot; the events' next line says what n does back in time.
@Suite struct StaleHintTests {
    @Test func notBoundGoesWithTheNextKey() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("s"))
        frontEnd.press(.character("n"))
        frontEnd.press(.end)
        #expect(frontEnd.model.status?.text.contains("End is not bound") == true)
        frontEnd.press(.character("."))
        #expect(frontEnd.model.status?.text.contains("not bound") != true)
    }

    @Test func cancelledGoesWithTheNextCommand() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character(":"))
        frontEnd.press(.escape)
        #expect(frontEnd.model.status?.text == "cancelled")
        frontEnd.press(.character(":"))
        frontEnd.type("say hello")
        frontEnd.press(.enter)
        #expect(frontEnd.model.status?.text != "cancelled")
    }

    /// Acting back in time warns first (the hint names the steps it forgets) and says
    /// what it forgot afterwards, where it offered U redo for steps no longer there.
    @Test func aNewBranchSaysWhatItForgot() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("s"))
        for _ in 0..<5 { frontEnd.press(.character("n")) }
        let newest = frontEnd.model.timeline.steps
        frontEnd.press(.character("t"))
        for _ in 0..<3 { frontEnd.press(.left) }
        let cursor = frontEnd.model.timeline.cursor
        #expect(frontEnd.model.status?.text.contains("acting here forgets steps \(cursor + 1)\u{2013}\(newest)") == true)
        frontEnd.press(.character("n"))
        let text = try #require(frontEnd.model.status?.text)
        #expect(!text.contains("U redo"), "\(text)")
        #expect(text.contains("new branch from step \(cursor)"), "\(text)")
        #expect(text.contains("steps \(cursor + 1)\u{2013}\(newest) are forgotten"), "\(text)")
    }

    /// At the start of the demo's timeline, n would run the whole setup at once: the
    /// events' next line points at U for one step.
    @Test func backInTimeTheNextLineOffersU() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "90")
        frontEnd.press(.character("t"))
        frontEnd.press(.home)
        let screen = frontEnd.screen()
        #expect(!screen.contains { $0.contains("n starts the script's next command") })
        #expect(screen.contains { $0.contains("U redoes the next step") })
    }
}
