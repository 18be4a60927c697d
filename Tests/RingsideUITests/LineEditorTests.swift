import Testing
@testable import RingsideUI

@Suite struct LineEditorTests {
    /// Feeds a string as character keys.
    private func type(_ text: String, into editor: inout LineEditor) {
        for character in text {
            let outcome = editor.handle(.character(character))
            #expect(outcome == .editing)
        }
    }

    @Test func typingInsertsAtTheCursor() {
        var editor = LineEditor(prompt: "key: ")
        type("lookup", into: &editor)
        #expect(editor.text == "lookup" && editor.cursor == 6)
        _ = editor.handle(.left)
        _ = editor.handle(.left)
        type("XY", into: &editor)
        #expect(editor.text == "lookXYup" && editor.cursor == 6)
    }

    @Test func cursorMovesAreClamped() {
        var editor = LineEditor(text: "abc")
        _ = editor.handle(.right)
        #expect(editor.cursor == 3)
        _ = editor.handle(.home)
        _ = editor.handle(.left)
        #expect(editor.cursor == 0)
        _ = editor.handle(.backspace)  // nothing before the cursor
        #expect(editor.text == "abc")
        _ = editor.handle(.delete)
        #expect(editor.text == "bc" && editor.cursor == 0)
        _ = editor.handle(.end)
        _ = editor.handle(.delete)  // nothing after the cursor
        _ = editor.handle(.backspace)
        #expect(editor.text == "b" && editor.cursor == 1)
        _ = editor.handle(.control("a"))
        #expect(editor.cursor == 0)
        _ = editor.handle(.control("e"))
        #expect(editor.cursor == 1)
    }

    @Test func killCommands() {
        var editor = LineEditor(text: "write N32 put k v")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "write N32 put k ")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "write N32 put ")
        for _ in 0..<4 { _ = editor.handle(.left) }
        _ = editor.handle(.control("k"))
        #expect(editor.text == "write N32 ")
        _ = editor.handle(.left)
        _ = editor.handle(.control("u"))
        #expect(editor.text == " " && editor.cursor == 0)
    }

    @Test func enterSubmitsAndRecordsHistory() {
        var editor = LineEditor(prompt: ":")
        type("settle", into: &editor)
        let first = editor.handle(.enter)
        #expect(first == .submitted("settle"))
        #expect(editor.text == "" && editor.cursor == 0)
        type("dump", into: &editor)
        let second = editor.handle(.enter)
        #expect(second == .submitted("dump"))
        type("dump", into: &editor)
        let repeated = editor.handle(.enter)
        #expect(repeated == .submitted("dump"))  // not recorded twice in a row
        let empty = editor.handle(.enter)
        #expect(empty == .submitted(""))  // empty lines are not recorded
        #expect(editor.history == ["settle", "dump"])
        #expect(editor.prompt == ":")
    }

    @Test func historyBrowsingKeepsTheDraft() {
        var editor = LineEditor(history: ["first", "second"])
        type("dra", into: &editor)
        _ = editor.handle(.up)
        #expect(editor.text == "second" && editor.cursor == 6)
        _ = editor.handle(.up)
        #expect(editor.text == "first")
        _ = editor.handle(.up)  // stays at the oldest
        #expect(editor.text == "first")
        _ = editor.handle(.down)
        #expect(editor.text == "second")
        _ = editor.handle(.down)  // back to what was being typed
        #expect(editor.text == "dra" && editor.cursor == 3)
        _ = editor.handle(.down)
        #expect(editor.text == "dra")
    }

    @Test func escapeCancelsAndClears() {
        var editor = LineEditor(history: ["old"])
        type("half typed", into: &editor)
        let escaped = editor.handle(.escape)
        #expect(escaped == .cancelled)
        #expect(editor.text == "" && editor.cursor == 0)
        #expect(editor.history == ["old"])
        type("x", into: &editor)
        let interrupted = editor.handle(.ctrlC)
        #expect(interrupted == .cancelled)
    }

    @Test func historyIsLimited() {
        var editor = LineEditor(history: ["a", "b", "c"], historyLimit: 2)
        #expect(editor.history == ["b", "c"])
        type("d", into: &editor)
        _ = editor.handle(.enter)
        #expect(editor.history == ["c", "d"])
    }

    @Test func unicodeAndCombiningMarks() {
        var editor = LineEditor()
        type("日本", into: &editor)
        _ = editor.handle(.backspace)
        #expect(editor.text == "日")
        type("e", into: &editor)
        _ = editor.handle(.character("\u{301}"))  // a dead-key style combining accent
        #expect(editor.text == "日e\u{301}" && editor.cursor == 2)
        _ = editor.handle(.character("\u{7}"))  // control characters are dropped
        _ = editor.handle(.function(3))
        #expect(editor.text == "日e\u{301}")
    }

    @Test func rendersPromptTextAndCursor() {
        var editor = LineEditor(prompt: "key: ")
        type("abc", into: &editor)
        _ = editor.handle(.left)
        var grid = Grid(width: 12, height: 2)
        editor.render(into: &grid, area: Rect(x: 0, y: 1, width: 12, height: 1))
        #expect(grid.lines() == ["            ", "key: abc    "])
        #expect(grid[x: 0, y: 1]?.style == Style(.accent, bold: true))
        #expect(grid[x: 7, y: 1]?.style.reverse == true)  // the cursor is on "c"
        #expect(grid[x: 6, y: 1]?.style.reverse == false)

        _ = editor.handle(.end)
        grid = Grid(width: 12, height: 1)
        editor.render(into: &grid, area: grid.area)
        #expect(grid[x: 8, y: 0]?.style.reverse == true)  // a block after the text
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var editor = LineEditor(prompt: ":")
        type("lookup some-long-key from N32", into: &editor)
        var grid = Grid(width: 12, height: 1)
        editor.render(into: &grid, area: grid.area)
        #expect(grid.lines()[0] == ":y from N32 ")
        #expect(grid[x: 11, y: 0]?.style.reverse == true)
        _ = editor.handle(.home)
        editor.render(into: &grid, area: grid.area)
        #expect(grid.lines()[0] == ":lookup some")
        #expect(grid[x: 1, y: 0]?.style.reverse == true)
    }

    @Test func longPromptsAreCutToLeaveRoomForTyping() {
        let editor = LineEditor(prompt: "put KEY VALUE | delete KEY | book SLOT[,SLOT] for WHO: ")
        var grid = Grid(width: 40, height: 1)
        editor.render(into: &grid, area: grid.area)
        #expect(grid.lines()[0] == "put KEY VALUE | d…: " + String(repeating: " ", count: 20))
        #expect(grid[x: 20, y: 0]?.style.reverse == true)
        var tiny = Grid(width: 3, height: 1)
        editor.render(into: &tiny, area: tiny.area)
        var empty = Grid(width: 0, height: 0)
        editor.render(into: &empty, area: Rect(x: -1, y: -1, width: 5, height: 5))
    }
}
