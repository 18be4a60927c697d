import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

@Suite struct HelpOverlayTests {
    @Test func goldenAt80x24() {
        var grid = Grid(width: 80, height: 24)
        HelpOverlay().render(into: &grid, area: grid.area)
        #expect(grid.lines().allSatisfy { TextWidth.of($0) == 80 })
        #expect(grid.trimmed == [
            "┌─ Keys ───────────────────────────────────────────────────────────────────────┐",
            "│ Chord                                                                        │",
            "│   j          a new node joins through the selected one                       │",
            "│   l          look up a key, starting at the selected node                    │",
            "│   s          a stabilize round: every live node stabilizes, notifies         │",
            "│   f          fix fingers: refresh the selected node's finger table           │",
            "│   x          crash the selected node (its keys are lost)                     │",
            "│   L          the selected node leaves gracefully                             │",
            "│   r          a failed node restarts and rejoins through another              │",
            "│                                                                              │",
            "│ Bayou                                                                        │",
            "│   w          a client write at the selected replica                          │",
            "│   a          anti-entropy between the selected replica and a partner         │",
            "│   c          the primary commits its tentative writes                        │",
            "│                                                                              │",
            "│ View                                                                         │",
            "│   Space      play: deliver messages at the set speed; again: pause           │",
            "│   n .        deliver the next message (or start the next command)            │",
            "│   N          finish the command under way at once, as ringside run would     │",
            "│   + =        play faster (messages a second, doubled)                        │",
            "│   -          play slower (halved)                                            │",
            "│   Tab → ↓    select the next node clockwise                                  │",
            "│   S-Tab ← ↑  select the previous node                                        │",
            "└───────────────────────────────────────────────────────── ↓ more · Esc close ─┘",
        ])
    }

    @Test func goldenScrolledToTheEnd() {
        var grid = Grid(width: 80, height: 24)
        var help = HelpOverlay()
        let usedEnd = help.handle(.end, area: grid.area)
        #expect(usedEnd)
        #expect(help.scroll == 97)
        help.render(into: &grid, area: grid.area)
        // The glyph and colour legend closes the overlay (issue 8, item 7).
        #expect(Array(grid.trimmed.suffix(7)) == [
            "│   ▽             space-time: a message still in flight                        │",
            "│   ◷             space-time: a sender's timeout                               │",
            "│   ┄┄┄           space-time: a command begins                                 │",
            "│   •             space-time: a note (a node's explanation) on its row         │",
            "│   ·░▒▓█         convergence: none to all of an origin's writes seen          │",
            "│   red           an error; yellow: a warning or a pause                       │",
            "└───────────────────────────────────────────────────────── ↑ more · Esc close ─┘",
        ])
    }

    @Test func scrollingIsClamped() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        var help = HelpOverlay()
        let usedUp = help.handle(.up, area: area)
        #expect(usedUp)
        #expect(help.scroll == 0)
        let usedPageDown = help.handle(.pageDown, area: area)
        #expect(usedPageDown)
        #expect(help.scroll == 21)
        let usedDown = help.handle(.down, area: area)
        #expect(usedDown)
        #expect(help.scroll == 22)
        let usedEnd = help.handle(.end, area: area)
        #expect(usedEnd)
        let usedDownAtTheEnd = help.handle(.down, area: area)
        #expect(usedDownAtTheEnd)
        #expect(help.scroll == 97)
        let usedHome = help.handle(.home, area: area)
        #expect(usedHome)
        #expect(help.scroll == 0)
        let usedQ = help.handle(.character("q"), area: area)
        #expect(!usedQ)
        // Tall enough for everything: nothing to scroll, no "more" in the footer.
        var tall = Grid(width: 80, height: 121)
        #expect(help.maxScroll(in: tall.area) == 0)
        help.render(into: &tall, area: tall.area)
        #expect(tall.trimmed[120].hasSuffix("─ Esc close ─┘"))
    }

    /// Each binding's keys and help text appear on some page of the overlay.
    @Test func helpListsEveryBinding() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        var help = HelpOverlay()
        var seen: [String] = []
        for scroll in 0...help.maxScroll(in: area) {
            help.scroll = scroll
            var grid = Grid(size: area.size)
            help.render(into: &grid, area: area)
            seen += grid.lines()
        }
        for binding in KeyMap.default.bindings {
            let row = "   " + TextWidth.pad(binding.keysLabel(), toWidth: 11) + binding.help
            #expect(seen.contains { $0.contains(row) }, "missing: \(row)")
        }
        for group in ActionGroup.allCases {
            #expect(seen.contains { $0.hasPrefix("│ \(group.rawValue) ") })
        }
    }

    @Test func asciiOverlayUsesOnlyAscii() {
        var grid = Grid(width: 80, height: 24)
        HelpOverlay(glyphs: .ascii).render(into: &grid, area: grid.area)
        #expect(grid.lines().joined().allSatisfy { $0.isASCII })
        #expect(grid.lines().contains { $0.contains("Tab Right Down  select the next node") })
    }

    @Test func tinyAreasDoNotTrap() {
        for (w, h) in [(0, 0), (1, 1), (2, 2), (5, 3), (10, 1), (3, 40)] {
            var grid = Grid(width: w, height: h)
            HelpOverlay(scroll: 1000).render(into: &grid, area: grid.area)
            HelpOverlay(scroll: -5).render(into: &grid, area: Rect(x: -3, y: -3, width: w + 6, height: h + 6))
        }
        var narrow = Grid(width: 30, height: 6)
        HelpOverlay().render(into: &narrow, area: narrow.area)
        #expect(narrow.lines()[2] == "│   j          a new node j… │")
    }

    /// `?` explains every glyph the panels draw, in their own styles.
    @Test func theLegendExplainsEveryGlyph() {
        let help = HelpOverlay()
        let text = help.contentLines().map { $0.map(\.text).joined() }
        let legend = text.drop { $0 != "Legend" }
        for (glyph, meaning) in [("○", "stored key"), ("✕", "failed node"), ("!", "stale finger"),
                                 ("×3", "bucket"), ("•", "Chord message"), ("◆", "Bayou message"),
                                 ("■", "store message"), ("▽", "still in flight")] {
            #expect(legend.contains { $0.contains(glyph) && $0.contains(meaning) }, "no legend for \(glyph)")
        }
        // The samples are drawn in the panels' styles.
        let styles = Set(help.contentLines().flatMap { $0.map(\.style.role) })
        #expect(styles.isSuperset(of: [.failed, .committed, .tentative, .flash, .hopActive, .hopDone, .selected, .warning]))
        let ascii = HelpOverlay(glyphs: .ascii).contentLines().map { $0.map(\.text).joined() }
        #expect(ascii.contains { $0.contains("x3") && $0.contains("bucket") })
    }

    /// User test: the legend showed markdown's backticks ("the title says `cut A | B`").
    @Test func noMarkdownOnScreen() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let text = HelpOverlay(glyphs: glyphs, notes: AppView.helpNotes).contentLines().map { $0.map(\.text).joined() }
            #expect(!text.contains { $0.contains("`") || $0.contains("**") }, "\(text.filter { $0.contains("`") })")
            #expect(text.contains { $0.contains("the title says cut A,B | C") })
        }
    }

    /// User test: `?` then End at 80×24 left `↑↓ more` in the footer (the keys' scroll
    /// limit and the drawing disagreed), and on an ASCII terminal End went a line too far
    /// (↑ then did nothing). At the end the footer says only `↑ more`, and ↑ moves at once.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)])
    func endIsTheEndInTheApp(size: Size) throws {
        // The demo's caption has one line; this one two at 80×24 (the help's area is a row shorter).
        let caption = "say " + String(repeating: "a caption long enough for two lines ", count: 3)
        for (glyphs, script) in [(Glyphs.unicode, Demo.script), (.ascii, Demo.script),
                                 (.unicode, "bits 7\nadd 10 32 60\n\(caption)\npause\n")] {
            var (frontEnd, _) = try Fixtures.scripted(script)
            frontEnd.useGlyphs(glyphs)
            frontEnd.press(.character("?"), size: size)
            frontEnd.press(.end, size: size)
            let screen = frontEnd.screen(size, glyphs: glyphs)
            let footer = try #require(screen.last { $0.contains("Esc close") })
            let up = glyphs.arrowUp, down = glyphs.arrowDown
            #expect(footer.contains("\(up) more") && !footer.contains(down), "\(glyphs.isUnicode): \(footer)")
            let end = frontEnd.model.helpScroll
            frontEnd.press(.up, size: size)
            let moved = frontEnd.screen(size, glyphs: glyphs)
            #expect(moved != screen, "\(glyphs.isUnicode): ↑ from the end moved nothing (scroll \(end))")
            #expect(try #require(moved.last { $0.contains("Esc close") }).contains(down))
        }
    }

    /// User test: the legend had no words for the Bayou panel's marks: `↑2` (a log cut to
    /// its newest write), `… 3 earlier`, `+2 not shown`, `others: 0` / `all: 0` and `vv`.
    @Test func theLegendNamesTheBayouPanelsMarks() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let shown = allShown(HelpOverlay(glyphs: glyphs, notes: AppView.helpNotes, commands: AppView.helpCommands),
                                 Size(width: 80, height: 24))
            let legend = Array(shown.drop { !$0.contains("Legend") })
            let up = glyphs.isUnicode ? "\u{2191}" : "^"
            for (mark, meaning) in [("\(up)2 ", "newest write"), ("\(glyphs.ellipsis) 3 earlier", "earlier ones hidden"),
                                    ("+2 not shown", "did not fit"), ("others: 0", "all: 0"), ("vv ", "version vector")] {
                // The entry's line and the one under it (a long meaning wraps).
                let at = legend.firstIndex { $0.contains(mark) }
                let entry = at.map { legend[$0...].prefix(2).map { $0.dropFirst(2).dropLast(2) }.joined(separator: " ") }
                let words = entry.map { $0.split(separator: " ").joined(separator: " ") } ?? ""
                #expect(words.contains(meaning), "\(glyphs.isUnicode): \(mark): \(words)")
            }
            let rows = legend.map { $0.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces) }
            #expect(!rows.contains { $0.hasSuffix(glyphs.ellipsis) })
        }
    }

    /// Every line the overlay shows at `size`, scrolled from the top to the end.
    private func allShown(_ help: HelpOverlay, _ size: Size) -> [String] {
        var help = help
        var shown: [String] = []
        for scroll in 0...help.maxScroll(in: Rect(x: 0, y: 0, width: size.width, height: size.height)) {
            help.scroll = scroll
            var grid = Grid(size: size)
            help.render(into: &grid, area: grid.area)
            let lines = grid.lines()
            shown += scroll == 0 ? Array(lines.dropFirst().dropLast()) : [lines[lines.count - 2]]
        }
        return shown
    }

    /// User test: the legend had no words for `(1 short)`, the ring title's `1 left` or the
    /// ASCII `_` of a node that left, and at 80×24 its `!` entry was cut ("… (not the…").
    @Test func theLegendNamesEveryMarkAndFitsAt80x24() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let shown = allShown(HelpOverlay(glyphs: glyphs, notes: AppView.helpNotes, commands: AppView.helpCommands),
                                 Size(width: 80, height: 24))
            let legend = Array(shown.drop { !$0.contains("Legend") })
            #expect(!legend.isEmpty)
            let rows = legend.map { $0.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces) }
            #expect(!rows.contains { $0.hasSuffix(glyphs.ellipsis) }, "\(rows.filter { $0.hasSuffix(glyphs.ellipsis) })")
            let text = rows.joined(separator: " ")
            #expect(text.contains("list entry (not the ideal ring's)"), "\(text)")
            #expect(legend.contains { $0.contains("(1 short)") && $0.contains("successor list lacks") })
            #expect(legend.contains { $0.contains("2 left") && $0.contains("ring title") })
            #expect(legend.contains { $0.contains("_") && $0.contains("left") })
        }
        // Unicode: the ASCII stand-ins, `_` among them, beside what they stand for.
        let unicode = HelpOverlay(glyphs: .unicode).contentLines().map { $0.map(\.text).joined() }
        #expect(unicode.contains { $0.contains("@ x _ - o") && $0.contains("\u{2296}") && $0.contains("left") })
    }

    /// User test: the ring draws ○ at a lookup's key (in yellow) while the legend said ○ is
    /// a stored key: the legend shows both, each in the ring's style.
    @Test func theLegendSaysWhatBothHollowMarksMean() throws {
        let line = try #require(HelpOverlay().contentLines().first { $0.map(\.text).joined().contains("a lookup seeks") })
        let marks = line.filter { $0.text == "○" }.map(\.style)
        #expect(marks == [Style(.committed), Style(.warning, bold: true)])
        #expect(line.map(\.text).joined().contains("a stored key"))
    }
}
