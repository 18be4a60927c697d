import RingsideSimulation
import Testing
@testable import RingsideUI

/// Text cut at an edge must not lose what it says: the list of commands, the too-small
/// notice, the legend's space-time note mark, a scenario's closing `dump`.
@Suite struct CutTextTests {
    @Test func anUnknownCommandPointsAtTheHelpWhichListsEveryCommand() throws {
        var (frontEnd, _) = try Fixtures.demo()
        frontEnd.press(.character(":"))
        frontEnd.type("frobnicate")
        frontEnd.press(.enter)
        let status = try #require(frontEnd.model.status?.text)
        #expect(status.hasSuffix("; ? lists every command"), "\(status)")
        #expect(!status.contains("commands are"))
        let help = HelpOverlay(notes: AppView.helpNotes, commands: AppView.helpCommands)
        let text = help.contentLines().map { $0.map(\.text).joined() }.joined(separator: "\n")
        for name in Parser.commandNames { #expect(text.contains(name), "\(name) is not in the help") }
        // The list's lines fit the overlay at 80 columns.
        let lines = help.contentLines().map { $0.map(\.text).joined() }
        let start = try #require(lines.firstIndex { $0.hasPrefix("Script commands") })
        for line in lines[start...].prefix { !$0.isEmpty } { #expect(TextWidth.of(line) <= 76, "\(line)") }
    }

    @Test func theTooSmallNoticeBreaksBetweenWords() {
        var grid = Grid(width: 20, height: 5)
        TooSmallScreen(required: Size(width: 80, height: 20), actual: Size(width: 20, height: 5))
            .render(into: &grid, area: grid.area)
        let lines = grid.trimmed.map { $0.trimmingBlanks() }
        #expect(lines.contains("need 80×20, have"), "\(lines)")
        #expect(lines.contains("20×5"), "\(lines)")
        #expect(lines.contains("enlarge the window"), "\(lines)")
        #expect(!lines.contains { $0.hasSuffix(" o") || $0.hasSuffix("20×") })
    }

    @Test func theLegendDefinesTheSpaceTimeNoteMark() {
        let entries = Legend.entries(glyphs: .unicode)
        #expect(entries.contains { $0.sample.map(\.text).joined() == "\u{2022}" && $0.meaning.hasPrefix("space-time: a note") })
    }

    @Test func aScriptsDumpSaysWhereTheStateIs() throws {
        let (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32\nsay The state, for a closer look:\ndump\n")
        #expect(frontEnd.model.notes.contains { $0.text.hasPrefix("dump: the panels show this state") })
    }
}
