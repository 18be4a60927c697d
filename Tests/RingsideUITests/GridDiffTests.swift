import Testing
@testable import RingsideUI

@Suite struct GridDiffTests {
    @Test func identicalGridsHaveNoRuns() {
        let grid = Grid(lines: ["abc", "def"])
        #expect(grid.diff(from: grid) == [])
    }

    @Test func noPreviousGridRedrawsEveryRow() {
        var grid = Grid(width: 4, height: 2)
        grid.write("ab", x: 1, y: 1, style: Style(.accent))
        #expect(grid.diff(from: nil) == [
            GridRun(x: 0, y: 0, width: 4, text: "    ", style: .normal),
            GridRun(x: 0, y: 1, width: 1, text: " ", style: .normal),
            GridRun(x: 1, y: 1, width: 2, text: "ab", style: Style(.accent)),
            GridRun(x: 3, y: 1, width: 1, text: " ", style: .normal),
        ])
    }

    @Test func aSizeChangeIsAFullRedraw() {
        let small = Grid(width: 2, height: 1)
        let large = Grid(width: 3, height: 1)
        #expect(large.diff(from: small) == [GridRun(x: 0, y: 0, width: 3, text: "   ", style: .normal)])
    }

    @Test func changedRunsAreExact() {
        let before = Grid(lines: ["hello world", "second line"])
        var after = before
        after.write("J", x: 0, y: 0)
        after.write("WOR", x: 6, y: 0)
        after.write("!", x: 10, y: 1)
        #expect(after.diff(from: before) == [
            GridRun(x: 0, y: 0, width: 1, text: "J", style: .normal),
            GridRun(x: 6, y: 0, width: 3, text: "WOR", style: .normal),
            GridRun(x: 10, y: 1, width: 1, text: "!", style: .normal),
        ])
    }

    @Test func aStyleChangeAloneIsAChangeAndSplitsRuns() {
        let before = Grid(lines: ["abcd"])
        var after = before
        after.setStyle(Rect(x: 1, y: 0, width: 1, height: 1), Style(.selected))
        after.write("X", x: 2, y: 0)
        #expect(after.diff(from: before) == [
            GridRun(x: 1, y: 0, width: 1, text: "b", style: Style(.selected)),
            GridRun(x: 2, y: 0, width: 1, text: "X", style: .normal),
        ])
    }

    @Test func wideCharactersAreNeverSplit() {
        let before = Grid(lines: ["ab  "])
        var after = before
        after.write("日", x: 1, y: 0)
        #expect(after.diff(from: before) == [GridRun(x: 1, y: 0, width: 2, text: "日", style: .normal)])

        var narrow = after
        narrow.put("z", x: 2, y: 0)  // overwrites the continuation: the lead becomes a space
        #expect(narrow.diff(from: after) == [GridRun(x: 1, y: 0, width: 2, text: " z", style: .normal)])

        var restyled = after
        restyled.setStyle(Rect(x: 2, y: 0, width: 1, height: 1), Style(.flash))
        #expect(restyled.diff(from: after) == [GridRun(x: 1, y: 0, width: 2, text: "日", style: Style(.flash))])
    }

    /// Applying the runs to the old frame must give the new one, for many random frames.
    @Test func applyingTheDiffReproducesTheNewGrid() {
        var random = TestRandom(state: 2024)
        let pieces = ["a", "bc", "日", "本語", "●", "e\u{301}", " ", "xyz", "😀"]
        let styles = [Style.normal, Style(.accent), Style(.error, bold: true), Style(.dim)]
        var screen = Grid(width: 13, height: 5)
        for _ in 0..<300 {
            var next = screen
            for _ in 0..<random.below(6) {
                next.write(pieces[random.below(pieces.count)],
                           x: random.below(15) - 1, y: random.below(5),
                           style: styles[random.below(styles.count)])
            }
            let runs = next.diff(from: screen)
            for run in runs {
                #expect(TextWidth.of(run.text) == run.width)
                #expect(run.x >= 0 && run.x + run.width <= 13)
            }
            var replayed = screen
            replayed.apply(runs)
            #expect(replayed == next)
            screen = next
        }
    }
}
