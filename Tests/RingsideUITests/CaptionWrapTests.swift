import Foundation
import Testing
@testable import RingsideUI

/// Captions are never cut mid-word (user test: "… predict, then press any" lost "key"
/// at 120×40; "… so bot" at 80×24): a long one takes a second line, a longer one ends
/// in `…` at a word boundary.
@Suite struct CaptionWrapTests {
    private func text(_ lines: [[Span]]) -> [String] { lines.map { $0.map(\.text).joined() } }

    @Test func wrapsAtSpacesAndIndentsTheContinuation() {
        let spans = [Span(" ‖ ", Style(.warning)), Span("Finger table of node 90", Style(.accent)),
                     Span("  · predict, then press any key", Style(.warning))]
        let lines = WordWrap.lines(spans, width: 30, linesMax: 2, indent: "   ")
        #expect(text(lines) == [" ‖ Finger table of node 90  ·", "   predict, then press any key"])
        #expect(lines[1].last?.style == Style(.warning))
        #expect(text(WordWrap.lines(spans, width: 80, linesMax: 2)).count == 1)
    }

    @Test func tooLongForTheLinesEndsWithAnEllipsisAfterAWholeWord() {
        let spans = [Span(" one two three four five six seven")]
        #expect(text(WordWrap.lines(spans, width: 12, linesMax: 2, indent: " ")) == [" one two", " three four…"])
        #expect(text(WordWrap.lines(spans, width: 9, linesMax: 1)) == [" one two…"])
        // A single word wider than the line has no boundary: it is cut.
        #expect(text(WordWrap.lines([Span("abcdefghij")], width: 5, linesMax: 2)) == ["abcd…"])
        #expect(WordWrap.lines(spans, width: 0, linesMax: 2).isEmpty)
    }

    /// Steps `scenario` until the caption starts with `prefix`; the rows between the
    /// events panel and the status line.
    private func captionRows(_ scenario: String, at size: Size, until prefix: String) throws -> [String] {
        let text = try String(contentsOfFile: BayouPanelTests.scenarioPath(scenario), encoding: .utf8)
        var (frontEnd, _) = try Fixtures.scripted(text, name: scenario)
        for _ in 0..<400 where frontEnd.model.caption?.contains(prefix) != true {
            frontEnd.press(.character("n"), size: size)
        }
        #expect(frontEnd.model.caption?.contains(prefix) == true)
        let screen = frontEnd.screen(size)
        let events = try #require(screen.lastIndex { $0.hasPrefix("└") })
        return Array(screen[(events + 1)..<(screen.count - 1)])
    }

    @Test func thePauseNoticeKeepsItsLastWordAt120x40() throws {
        let rows = try captionRows("lecture-ring.ringside", at: Size(width: 120, height: 40),
                                   until: "Finger table of node 90")
        #expect(rows.count == 2)
        #expect(rows.joined(separator: " ").contains("26 -> nodes 105 105 105 105 120 10 32"))
        #expect(rows.joined(separator: " ").split(separator: " ").suffix(4) == ["n", "to", "go", "on"], "\(rows)")
    }

    @Test func aLongCaptionTakesASecondLineAt80x24() throws {
        let rows = try captionRows("meeting-room-commit.ringside", at: Size(width: 80, height: 24),
                                   until: "A and B exchange writes")
        #expect(rows.count == 2)
        let words = rows.joined(separator: " ").split(separator: " ")
        #expect(words.contains("both"))
        #expect(words.suffix(2) == ["Bob", "10:00"], "\(rows)")
    }

    /// The rows' words, one space apart.
    static func words(_ rows: [String]) -> String {
        rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    /// A long caption at a pause keeps its own last words: it may take a third line, and
    /// the hint goes before its words do (at 100×30 zave-maintenance's ended "… until
    /// check_predecessor…"; at 80×24 the hint gives way).
    @Test func aLongCaptionAtAPauseKeepsItsWords() throws {
        let rows = try captionRows("zave-maintenance.ringside", at: Size(width: 100, height: 30), until: "90 took the dead 100")
        #expect(Self.words(rows).contains("until check_predecessor clears it"), "\(rows)")
        let narrow = try captionRows("zave-maintenance.ringside", at: Size(width: 80, height: 24), until: "90 took the dead 100")
        let text = Self.words(narrow)
        #expect(text.hasSuffix("until check_predecessor clears it"), "\(narrow)")
        #expect(narrow.count == 3 && text.contains("‖"), "\(narrow)")
    }
}
