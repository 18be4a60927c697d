import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// The shipped scenarios as the TUI shows them (issue 8, item 8).
@Suite struct ScenarioViewTests {
    private func play(_ name: String) throws -> FrontEnd {
        let path = BayouPanelTests.scenarioPath("\(name).ringside")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try Fixtures.scripted(text, name: "\(name).ringside").0
    }

    private func selected(_ frontEnd: FrontEnd) -> String? {
        frontEnd.model.selection.map { frontEnd.model.world.commandReference($0) }
    }

    /// `finger-table-80` is about 80: its fingers show, not those of 20 (the first by id).
    @Test func fingerTable80ShowsTheFingersOf80() throws {
        let frontEnd = try play("finger-table-80")
        #expect(selected(frontEnd) == "80")
        #expect(frontEnd.screen().contains { $0.contains("Fingers of 80") })
    }

    /// `stabilize-join-50` follows node 50, not node 4.
    @Test func stabilizeJoin50SelectsTheJoiner() throws {
        var frontEnd = try play("stabilize-join-50")
        for _ in 0..<200 where !frontEnd.model.isWaitingAtPause { frontEnd.press(.character("n")) }
        #expect(selected(frontEnd) == "50")
    }

    /// The eager join's update captions show while its messages are stepped, not after.
    @Test func eagerJoinCaptionsComeBeforeTheJoin() throws {
        var frontEnd = try play("eager-join-m6")
        #expect(frontEnd.model.isWaitingAtPause)
        frontEnd.press(.character("n"))  // past the pause: the join begins
        #expect(!frontEnd.model.world.isIdle)
        #expect(frontEnd.model.caption?.contains("update(target=32)") == true)
    }

    /// The eager join ends by saying on screen where the slide is wrong: with the start
    /// 34 the definition gives, the joiner's last finger is 40 (peer 1), not 48 (peer 6).
    @Test func eagerJoinSaysTheSlidesLastFingerIsWrong() throws {
        var frontEnd = try play("eager-join-m6")
        for _ in 0..<400 where frontEnd.model.caption?.contains("not peer 6 (48)") != true {
            frontEnd.press(.character("n"))
        }
        #expect(frontEnd.model.caption?.contains("The slide's starts 14 30 46 are wrong") == true)
        #expect(selected(frontEnd) == "2")
        let screen = frontEnd.screen()
        let row = screen.first { $0.contains("[34,2)") }
        #expect(row?.split(separator: " ").contains("40") == true, "\(row ?? "no row for start 34")")
    }

    /// A typed `select` selects too.
    @Test func selectOnTheCommandLine() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "10")
        frontEnd.press(.character(":"))
        frontEnd.type("select 105")
        frontEnd.press(.enter)
        #expect(selected(frontEnd) == "105")
    }
}
