import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// A script's `focus` and `highlight` in the terminal view (issue 8, item 5).
@Suite struct FocusHighlightTests {
    static let size = Size(width: 120, height: 40)
    static let ring = "bits 7\nadd 10 32 60 90 105 120\nwrite 10 put X 1\nwrite 32 put Y 2\n"

    private func frontEnd(_ lines: String) throws -> FrontEnd {
        var (frontEnd, _) = try Fixtures.scripted(Self.ring + lines)
        for _ in 0..<100 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
        }
        return frontEnd
    }

    private func titles(_ frontEnd: FrontEnd) -> String {
        frontEnd.screen(Self.size).joined(separator: "\n")
    }

    @Test func focusChordShowsTheRingAndFingersOnly() throws {
        let frontEnd = try frontEnd("focus chord\n")
        #expect(frontEnd.model.focus == .chord)
        let screen = titles(frontEnd)
        #expect(screen.contains("Fingers of"))
        #expect(!screen.contains("Bayou"))
        // The ring takes more of the width than in the default layout.
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        let layout = ScreenLayout(size: Self.size)
        #expect(grid.text(in: Rect(x: layout.ring.maxX + 2, y: layout.ring.y, width: 1, height: 1)).first != "┌")
    }

    @Test func focusBayouFillsTheScreenWithTheLogs() throws {
        let frontEnd = try frontEnd("focus bayou\n")
        let screen = titles(frontEnd)
        #expect(screen.contains("Bayou"))
        #expect(!screen.contains("Fingers of"))
    }

    @Test func focusTimeShowsTheSpaceTimeDiagram() throws {
        let frontEnd = try frontEnd("focus time\n")
        let screen = titles(frontEnd)
        #expect(screen.contains("what happened"))
        #expect(!screen.contains("Fingers of"))
    }

    @Test func focusStoreShowsTheStorePanel() throws {
        let frontEnd = try frontEnd("focus store\n")
        let screen = titles(frontEnd)
        #expect(!screen.contains("Fingers of"))
        #expect(!screen.contains("Bayou"))
        #expect(screen.contains("Store"))
    }

    @Test func focusAllRestoresTheDefaultLayout() throws {
        let focused = try frontEnd("focus bayou\nfocus all\n")
        let plain = try frontEnd("")
        #expect(focused.model.focus == .all)
        let main = ScreenLayout(size: Self.size).main
        #expect(focused.render(size: Self.size, glyphs: .unicode).text(in: main)
                == plain.render(size: Self.size, glyphs: .unicode).text(in: main))
    }

    @Test func vTakesTheScreenBackFromFocus() throws {
        var frontEnd = try frontEnd("focus time\n")
        frontEnd.press(.character("v"))
        #expect(frontEnd.model.focus == .all)
        #expect(titles(frontEnd).contains("Fingers of"))
    }

    @Test func focusOnTheCommandLine() throws {
        var frontEnd = try frontEnd("")
        frontEnd.press(.character(":"))
        frontEnd.type("focus bayou")
        frontEnd.press(.enter)
        #expect(frontEnd.model.focus == .bayou)
    }

    /// Cells drawn in the highlight style, as text.
    private func highlightedText(_ grid: Grid, in rect: Rect) -> String {
        var text = ""
        let area = rect.intersection(grid.area)
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                if let cell = grid[x: x, y: y], cell.style == Style.highlight { text.append(cell.character) }
            }
            text.append(" ")
        }
        return text
    }

    @Test func highlightMarksTheRingAndTheBayouBlocks() throws {
        let frontEnd = try frontEnd("highlight 32 90\n")
        #expect(frontEnd.model.highlighted.map { frontEnd.model.world.commandReference($0) } == ["32", "90"])
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        let layout = ScreenLayout(size: Self.size)
        let ring = highlightedText(grid, in: layout.ring)
        #expect(ring.contains("32") && ring.contains("90"))
        #expect(!ring.contains("60"))
        #expect(highlightedText(grid, in: layout.bayou).contains("N32"))
    }

    @Test func highlightMarksTheSpaceTimeColumns() throws {
        let frontEnd = try frontEnd("lookup 15 from 90\nhighlight 60\nfocus time\n")
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        let layout = ScreenLayout(size: Self.size)
        #expect(highlightedText(grid, in: layout.main).contains("60"))
    }

    @Test func highlightLastsUntilTheNextHighlight() throws {
        var frontEnd = try frontEnd("highlight 32\nlookup 15 from 90\n")
        #expect(frontEnd.model.highlighted.count == 1)
        frontEnd.press(.character(":"))
        frontEnd.type("highlight")
        frontEnd.press(.enter)
        #expect(frontEnd.model.highlighted.isEmpty)
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        #expect(highlightedText(grid, in: grid.area).trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
