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
            "│   N          deliver every message in flight at once: finish the command     │",
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
        #expect(help.scroll == 44)
        help.render(into: &grid, area: grid.area)
        #expect(Array(grid.trimmed.suffix(7)) == [
            "│                                                                              │",
            "│ General                                                                      │",
            "│   :          type a script command (e.g. lookup K from N)                    │",
            "│   ?          show or hide this help                                          │",
            "│   Esc        cancel the prompt, close help                                   │",
            "│   q Ctrl-C   quit Ringside                                                   │",
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
        #expect(help.scroll == 44)
        let usedHome = help.handle(.home, area: area)
        #expect(usedHome)
        #expect(help.scroll == 0)
        let usedQ = help.handle(.character("q"), area: area)
        #expect(!usedQ)
        // Tall enough for everything: nothing to scroll, no "more" in the footer.
        var tall = Grid(width: 80, height: 80)
        #expect(help.maxScroll(in: tall.area) == 0)
        help.render(into: &tall, area: tall.area)
        #expect(tall.trimmed[79].hasSuffix("─ Esc close ─┘"))
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
}
