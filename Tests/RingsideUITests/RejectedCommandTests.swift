import RingsideSimulation
import Testing
@testable import RingsideUI

/// A command the world rejects began nothing: the space-time diagram gives it no rule
/// (the lookup's hops hung under `› fail 999`), and an error that needs no network state
/// is reported when the command is typed, not after the work under way ends.
@Suite struct RejectedCommandTests {
    private static let ring = "bits 7\nseed 1\nadd 10 32 60 90 105 120"

    @Test func aRejectedCommandGetsNoRuleInTheDiagram() throws {
        var (frontEnd, _) = try Fixtures.scripted(Self.ring, selecting: nil)
        frontEnd.press(.character("N"))
        frontEnd.enterCommand("lookup 15 from 90")
        frontEnd.enterCommand("fail 999")
        frontEnd.press(.character("N"))
        frontEnd.press(.character("v"))
        let screen = frontEnd.screen(Size(width: 100, height: 30)).joined(separator: "\n")
        #expect(screen.contains("\u{203A} lookup 15 from 90"))
        #expect(!screen.contains("\u{203A} fail 999"))
    }

    @Test func errorsThatNeedNoNetworkStateAreReportedAtOnce() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.ring, selecting: nil)
        frontEnd.press(.character("N"))
        frontEnd.enterCommand("lookup 15 from 90")
        frontEnd.enterCommand("lookup 300 from 10")
        frontEnd.enterCommand("join 20 via 999")
        #expect(frontEnd.model.queued.isEmpty)
        let texts = frontEnd.model.notes.map(\.text)
        #expect(texts.contains { $0.contains("lookup 300 from 10: error: key 300 is outside") })
        #expect(texts.contains { $0.contains("join 20 via 999: error: node 999 does not exist") })
        frontEnd.press(.character("N"))
        #expect(engine.core.transcript.last == "lookup 15 from 90")
    }

    /// A node a queued command adds is known to the check: `lookup 5 from 50` after a
    /// queued `add 50` waits its turn.
    @Test func aNodeAQueuedCommandAddsIsNotAnError() throws {
        var (frontEnd, engine) = try Fixtures.scripted(Self.ring, selecting: nil)
        frontEnd.press(.character("N"))
        frontEnd.enterCommand("lookup 15 from 90")
        frontEnd.enterCommand("join 50 via 10")
        frontEnd.enterCommand("lookup 5 from 50")
        #expect(frontEnd.model.queued == ["join 50 via 10", "lookup 5 from 50"])
        frontEnd.press(.character("N"))
        #expect(engine.core.transcript.suffix(2) == ["join 50 via 10", "lookup 5 from 50"])
    }
}

/// View control typed at `:` naming an unknown node is an error like any other, and the
/// help lists each command with its arguments.
@Suite struct TypedViewControlErrorTests {
    @Test func selectingAnUnknownNodeIsAnError() throws {
        var (frontEnd, engine) = try Fixtures.scripted("bits 7\nadd 10 32", selecting: nil)
        frontEnd.press(.character(":"))
        frontEnd.type("select 999")
        frontEnd.press(.enter)
        #expect(frontEnd.model.notes.last?.text.hasPrefix("select 999: error: node 999 does not exist") == true,
                "\(frontEnd.model.notes.map(\.text))")
        #expect(!frontEnd.model.notes.contains { $0.text.contains("\u{203A} select 999") })
        #expect(!engine.core.transcript.contains("select 999"))
    }

    @Test func theHelpShowsEachCommandsForm() {
        let help = HelpOverlay(notes: AppView.helpNotes, commands: AppView.helpCommands)
        let text = help.contentLines().map { $0.map(\.text).joined() }.joined(separator: "\n")
        for form in ["join SPEC via NODE", "lookup KEY from NODE", "quorum W R"] {
            #expect(text.contains(form), "\(form)")
        }
    }
}
