import Testing
@testable import RingsideUI

@Suite struct StatusLineTests {
    let hints = KeyMap.default.hints(StatusLine.defaultHintActions)

    private func render(_ status: StatusLine, width: Int) -> Grid {
        var grid = Grid(width: width, height: 1)
        status.render(into: &grid, area: grid.area)
        return grid
    }

    @Test func goldenAt80Columns() {
        let status = StatusLine(isPlaying: true, speed: 2, time: 1234, seed: 42, selection: "N32", hints: hints)
        let grid = render(status, width: 80)
        #expect(grid.lines() == [" ▶ playing  ×2  t=1234  seed 42  ● N32       ? help  Space play  n step  q quit "])
        #expect((0..<80).allSatisfy { grid[x: $0, y: 0]?.style.role == .statusBar })
        #expect(grid[x: 45, y: 0] == Cell("?", style: Style(.statusBar, bold: true)))  // keys are bold
        #expect(grid[x: 47, y: 0] == Cell("h", style: Style(.statusBar)))
    }

    @Test func hintsAreDroppedFromTheRightWhenNarrow() {
        let status = StatusLine(isPlaying: false, speed: 0.5, time: 7, seed: 9, hints: hints)
        #expect(render(status, width: 50).lines() == [" ‖ paused  ×0.5  t=7  seed 9   ? help  Space play "])
        #expect(render(status, width: 40).trimmed == [" ‖ paused  ×0.5  t=7  seed 9     ? help"])
        #expect(render(status, width: 20).lines() == [" ‖ paused  ×0.5  t=…"])
    }

    @Test func messagesFollowTheFixedFields() {
        let status = StatusLine(selection: "N60", message: "node 33 does not exist")
        #expect(status.leftText() == "‖ paused  ×1  t=0  seed 0  ● N60  node 33 does not exist")
    }

    @Test func asciiStatusLine() {
        let status = StatusLine(isPlaying: true, speed: 1, time: 5, seed: 1, selection: "N1",
                                hints: KeyMap.default.hints([.help], glyphs: .ascii), glyphs: .ascii)
        let line = render(status, width: 60).lines()[0]
        #expect(line == " > playing  x1  t=5  seed 1  @ N1                    ? help ")
        #expect(line.allSatisfy { $0.isASCII })
    }

    @Test func speedFormatting() {
        #expect(StatusLine.format(speed: 1) == "1")
        #expect(StatusLine.format(speed: 0.5) == "0.5")
        #expect(StatusLine.format(speed: 0.25) == "0.25")
        #expect(StatusLine.format(speed: 1.0 / 64) == "0.02")
        #expect(StatusLine.format(speed: 64) == "64")
        #expect(StatusLine.format(speed: -2) == "-2")
        #expect(StatusLine.format(speed: .nan) == "?")
        #expect(StatusLine.format(speed: .infinity) == "∞")
        #expect(StatusLine.format(speed: 1e300) == "∞")
    }

    @Test func degenerateAreasDoNotTrap() {
        let status = StatusLine(hints: hints)
        var grid = Grid(width: 0, height: 0)
        status.render(into: &grid, area: grid.area)
        var one = Grid(width: 1, height: 1)
        status.render(into: &one, area: Rect(x: -10, y: 0, width: 5, height: 1))
        #expect(one.lines() == [" "])
    }

    /// User test: the hint said `Space play` while the demo was playing.
    @Test func spacesHintSaysWhatItDoesNow() throws {
        var (frontEnd, _) = try Fixtures.demo()
        let wide = Size(width: 200, height: 40)
        #expect(frontEnd.screen(wide).last?.contains("Space play") == true)
        frontEnd.press(.space, size: wide)
        let status = try #require(frontEnd.screen(wide).last)
        #expect(status.contains("Space pause") && !status.contains("Space play"), "\(status)")
        frontEnd.press(.space, size: wide)
        #expect(frontEnd.screen(wide).last?.contains("Space play") == true)
        // The hint on the caption line, when there is no caption, says the same.
        var model = try Fixtures.model(Fixtures.lectureRing)
        _ = model.update(.key(.space), size: wide, now: 0)
        let line = AppView.promptLines(model, width: 120, glyphs: .unicode).flatMap { $0 }.map(\.text).joined()
        #expect(line.contains("Space pause"))
    }
}
