import Testing
@testable import RingsideUI

@Suite struct GridTests {
    @Test func zeroByZeroGridIgnoresEverything() {
        var grid = Grid(width: 0, height: 0)
        grid.write("hello", x: 0, y: 0)
        grid.put("x", x: 0, y: 0)
        grid.fill(Rect(x: -5, y: -5, width: 20, height: 20), with: "#")
        grid.setStyle(Rect(x: 0, y: 0, width: 3, height: 3), Style(.error))
        let inner = grid.drawBox(Rect(x: 0, y: 0, width: 10, height: 10), title: "t", footer: "f")
        #expect(inner == Rect(x: 1, y: 1, width: 8, height: 8))
        #expect(grid.lines() == [])
        #expect(grid[x: 0, y: 0] == nil)
        #expect(grid.diff(from: nil) == [])
        #expect(grid.diff(from: Grid(width: 3, height: 3)) == [])
    }

    @Test func impossibleSizesBecomeEmpty() {
        #expect(Grid(width: -3, height: 2).lines() == ["", ""])
        #expect(Grid(width: Int.max, height: Int.max).size == .zero)
        #expect(Grid(width: 1 << 40, height: 1).size == .zero)
    }

    @Test func writeClipsToTheRectAndTheGrid() {
        var grid = Grid(width: 10, height: 3)
        let end = grid.write("hello world", x: 2, y: 1, clip: Rect(x: 2, y: 0, width: 5, height: 3))
        #expect(end == 13)  // the logical end, as if unclipped
        #expect(grid.lines() == ["          ", "  hello   ", "          "])
        grid.write("overflowing the grid", x: 6, y: 0)
        #expect(grid.lines()[0] == "      over")
        grid.write("abcdef", x: -3, y: 2)
        #expect(grid.lines()[2] == "def       ")
    }

    @Test func writeOutsideTheGridDoesNothing() {
        var grid = Grid(width: 4, height: 2)
        let before = grid
        grid.write("abc", x: 0, y: -1)
        grid.write("abc", x: 0, y: 2)
        grid.write("abc", x: 4, y: 0)
        #expect(grid.write("abc", x: Int.max - 1, y: 0) == Int.max)
        grid.write("abc", x: Int.min, y: 0)
        grid.write("abc", x: 0, y: 0, clip: Rect(x: Int.max - 1, y: 0, width: 10, height: 1))
        grid.write("abc", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: -4, height: 1))
        #expect(grid == before)
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = Grid(width: 6, height: 1)
        let end = grid.write("a日本", x: 0, y: 0)
        #expect(end == 5)
        #expect(grid.lines() == ["a日本 "])
        #expect(grid[x: 1, y: 0]?.width == 2)
        #expect(grid[x: 2, y: 0]?.isContinuation == true)
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var grid = Grid(width: 5, height: 1, fill: Cell("."))
        grid.write("ab日本", x: 0, y: 0)
        #expect(grid.lines() == ["ab日 "])
        #expect(grid[x: 4, y: 0]?.character == " ")
        #expect(grid[x: 4, y: 0]?.isContinuation == false)

        var clipped = Grid(width: 6, height: 1, fill: Cell("."))
        clipped.write("ab日", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(clipped.lines() == ["ab ..."])
    }

    @Test func wideCharacterCutByTheLeftClipEdgeLeavesASpace() {
        var grid = Grid(width: 4, height: 1, fill: Cell("."))
        grid.write("日a", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(grid.lines() == [". a."])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.write("日本", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.lines() == [" x本"])
        grid.put("y", x: 2, y: 0)
        #expect(grid.lines() == [" xy "])
        #expect((0..<4).allSatisfy { grid[x: $0, y: 0]?.isContinuation == false })
        grid.write("中", x: 1, y: 0)
        grid.write("文", x: 2, y: 0)
        #expect(grid.lines() == ["  文"])
    }

    @Test func combiningMarksStayWithTheirBase() {
        var grid = Grid(width: 4, height: 1)
        let end = grid.write("e\u{301}x", x: 0, y: 0)
        #expect(end == 2)
        #expect(grid[x: 0, y: 0]?.character == "e\u{301}")
        #expect(grid.lines() == ["e\u{301}x  "])
        // A lone mark has nothing to sit on and is skipped.
        grid.write("\u{301}ab", x: 0, y: 0)
        #expect(grid.lines() == ["ab  "])
    }

    @Test func controlCharactersAreSkippedAndTabsBecomeSpaces() {
        var grid = Grid(width: 6, height: 1)
        grid.write("a\tb\nc\u{1B}d", x: 0, y: 0)
        #expect(grid.lines() == ["a bcd "])
    }

    @Test func fillClipsNegativeAndOverflowingRects() {
        var grid = Grid(width: 4, height: 3)
        grid.fill(Rect(x: -5, y: -5, width: 8, height: 7), with: "#")
        #expect(grid.trimmed == ["###", "###", ""])
        grid.fill(Rect(x: 2, y: 1, width: Int.max, height: Int.max), with: "*")
        #expect(grid.trimmed == ["###", "##**", "  **"])
        grid.fill(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max), with: "!")
        #expect(grid.trimmed == ["###", "##**", "  **"])
        grid.fill(grid.area, with: "日")  // wide fillers are not allowed: spaces
        #expect(grid.trimmed == ["", "", ""])
    }

    @Test func restyleKeepsWidePairsTogether() {
        var grid = Grid(width: 4, height: 1)
        grid.write("日本", x: 0, y: 0)
        grid.setStyle(Rect(x: 1, y: 0, width: 2, height: 1), Style(.selected))
        #expect((0..<4).allSatisfy { grid[x: $0, y: 0]?.style == Style(.selected) })
        grid.restyle(Rect(x: 0, y: 0, width: 1, height: 1)) { $0.bold = true }
        #expect(grid[x: 1, y: 0]?.style.bold == true)
        #expect(grid[x: 2, y: 0]?.style.bold == false)
    }

    @Test func cellsBuiltOutsideTheGridAreAlwaysSingleWidth() {
        #expect(Cell("日").character == " ")
        #expect(Cell("\n").character == " ")
        #expect(Cell("x").width == 1)
    }

    @Test func spansAreWrittenOneAfterAnother() {
        var grid = Grid(width: 10, height: 1)
        let end = grid.write([Span("ab", Style(.key)), Span("→", .normal), Span("cd")], x: 1, y: 0)
        #expect(end == 6)
        #expect(grid.trimmed == [" ab→cd"])
        #expect(grid[x: 2, y: 0]?.style == Style(.key))
        #expect(grid[x: 3, y: 0]?.style == .normal)
    }

    @Test func linesRoundTripThroughInitLines() {
        let grid = Grid(lines: ["ab", "日本x", ""])
        #expect(grid.size == Size(width: 5, height: 3))
        #expect(grid.lines() == ["ab   ", "日本x", "     "])
    }
}
