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

    /// Steps to the next pause (a pause waits for `n` too: the first press goes past it).
    private func toNextPause(_ frontEnd: inout FrontEnd, size: Size = Size(width: 120, height: 40)) {
        if frontEnd.model.isWaitingAtPause { frontEnd.press(.character("n"), size: size) }
        for _ in 0..<400 where !frontEnd.model.isWaitingAtPause { frontEnd.press(.character("n"), size: size) }
    }

    /// meeting-room-commit at 80×24 showed only P's Bayou block at both pauses, while the
    /// captions spoke of A and B: each pause selects the replica its caption is about, and
    /// the panel leads with its block.
    @Test func meetingRoomCommitShowsTheReplicaEachPauseIsAbout() throws {
        let size = Size(width: 80, height: 24)
        var frontEnd = try play("meeting-room-commit")
        toNextPause(&frontEnd, size: size)
        #expect(frontEnd.model.caption?.contains("both tentatively give Bob 10:00") == true)
        #expect(selected(frontEnd) == "32")  // A
        #expect(frontEnd.screen(size).contains { $0.contains("▸ A 32") }, "\(frontEnd.screen(size).joined(separator: "\n"))")
        toNextPause(&frontEnd, size: size)
        #expect(frontEnd.model.caption?.contains("Bob now gets 11:00") == true)
        #expect(selected(frontEnd) == "60")  // B
        #expect(frontEnd.screen(size).contains { $0.contains("▸ B 60") }, "\(frontEnd.screen(size).joined(separator: "\n"))")
    }

    /// The key-value scenarios are about the store: its view fills the screen from the
    /// first pause on (it used to take `v` three times), and the node a caption is about
    /// is selected.
    @Test(arguments: [("quorum-k14", "8"), ("reverse-order-k14", "3"), ("sloppy-quorum-dynamo", "30"),
                      ("vector-clocks-cart", "10")])  // B, A
    func storeScenariosShowTheStore(name: String, selection: String) throws {
        let size = Size(width: 100, height: 30)
        var frontEnd = try play(name)
        toNextPause(&frontEnd, size: size)
        #expect(frontEnd.model.focus == .store)
        #expect(frontEnd.screen(size).first?.contains("Store · key") == true, "\(frontEnd.screen(size).joined(separator: "\n"))")
        #expect(selected(frontEnd) == selection)
    }

    /// quorum-k14's pause: m12, the put to N3 that the caption drops, is in flight and on screen.
    @Test func quorumK14PauseShowsTheMessageToDrop() throws {
        let size = Size(width: 100, height: 30)
        var frontEnd = try play("quorum-k14")
        toNextPause(&frontEnd, size: size)
        #expect(frontEnd.model.caption?.hasPrefix("m12 carries the put to N3") == true)
        #expect(frontEnd.screen(size).contains { $0.contains("m12 8 → 3 store_put in flight") })
    }

    /// stabilize-join-50: each caption shows while the command it describes is stepped
    /// (they came after their commands: `stabilize 50` ran under the join's caption).
    @Test func stabilizeJoin50CaptionsComeBeforeTheirCommands() throws {
        var frontEnd = try play("stabilize-join-50")
        #expect(frontEnd.model.caption?.hasPrefix("50 sends join(50) to 15") == true)
        toNextPause(&frontEnd)
        #expect(frontEnd.model.caption?.hasPrefix("50 sends join(50) to 15") == true)
        var captions: [String] = []
        for _ in 0..<400 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
            if !frontEnd.model.world.isIdle, let caption = frontEnd.model.caption, captions.last != caption {
                captions.append(caption)
            }
        }
        #expect(captions.map { String($0.prefix(14)) } == ["50 stabilizes:", "44 stabilizes:"], "\(captions)")
    }

    /// A script's `deliver`/`drop` of a message not in flight points at the message id
    /// in the view too (`bad.ringside:3:9`), as headless does, not at column 1.
    @Test func aScriptsDeliverErrorPointsAtTheId() throws {
        var (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32\ndeliver m9\n", name: "bad.ringside")
        for _ in 0..<20 where !frontEnd.model.notes.contains(where: { $0.text.contains("error") }) {
            frontEnd.press(.character("n"))
        }
        let error = frontEnd.model.notes.map(\.text).first { $0.contains("error") }
        #expect(error?.contains("bad.ringside:3:9: error: m9 is not in flight") == true, "\(frontEnd.model.notes.map(\.text))")
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
