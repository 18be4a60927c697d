/// A one-line text editor with history: the `:` command line and the j/l/w/a prompts.
///
/// A value type driven by `handle(_:)`, Bubble Tea style; rendering is a pure
/// function of its state. Enter submits (and records history), Esc cancels; both
/// leave the editor empty and ready for the next prompt, with history kept.
public struct LineEditor: Equatable, Sendable {
    /// What a key did to the editor.
    public enum Outcome: Equatable, Sendable {
        /// Still editing (the key changed the text or cursor, or was ignored).
        case editing
        /// Enter: the text as typed.
        case submitted(String)
        /// Esc (or Ctrl-C / Ctrl-G).
        case cancelled
    }

    /// Shown before the text, e.g. ":" or "key: ".
    public var prompt: String
    /// The text being edited, as graphemes so the cursor never splits one.
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int
    /// Submitted lines, oldest first.
    public private(set) var history: [String]
    /// Entries kept at most.
    public let historyLimit: Int
    /// Which history entry is shown (nil: the line being typed).
    private var historyIndex: Int?
    /// The line being typed, kept while browsing history.
    private var draft: [Character] = []

    public init(prompt: String = "", text: String = "", history: [String] = [], historyLimit: Int = 100) {
        self.prompt = prompt
        self.characters = Array(text)
        self.cursor = characters.count
        self.historyLimit = max(0, historyLimit)
        self.history = Array(history.suffix(max(0, historyLimit)))
    }

    /// The text being edited.
    public var text: String { String(characters) }

    /// Applies one key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let c):
            insert(c)
        case .enter:
            let line = text
            record(line)
            reset()
            return .submitted(line)
        case .escape, .control("c"), .control("g"):
            reset()
            return .cancelled
        case .backspace, .control("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            deleteWordBeforeCursor()
        case .up, .control("p"):
            browseHistory(-1)
        case .down, .control("n"):
            browseHistory(+1)
        default:
            break
        }
        return .editing
    }

    /// Replaces the text (cursor at the end) and leaves history browsing.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        historyIndex = nil
    }

    /// Draws prompt, text and a reverse-video cursor into one row of `area`,
    /// scrolling the text sideways so the cursor is always visible.
    public func render(into grid: inout Grid, area: Rect, style: Style = .normal,
                       promptStyle: Style = Style(.accent, bold: true), glyphs: Glyphs = .unicode) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        grid.fill(line, style: style)
        // A long prompt is cut so that at least 20 columns (or half a narrow row) stay for typing.
        let typingRoom = min(20, line.width / 2)
        var shownPrompt = prompt
        if TextWidth.of(prompt) > line.width - typingRoom {
            let separator = prompt.hasSuffix(": ") ? ": " : ""
            shownPrompt = TextWidth.truncate(String(prompt.dropLast(separator.count)),
                                             toWidth: line.width - typingRoom - separator.count,
                                             ellipsis: glyphs.ellipsis) + separator
        }
        let textX = grid.write(shownPrompt, x: line.x, y: line.y, style: promptStyle, clip: line)
        let room = line.maxX - textX
        guard room > 0 else { return }
        // Start as far left as possible while the cursor cell still fits.
        var start = 0
        while start < cursor, width(from: start, to: cursor) + 1 > room { start += 1 }
        var x = textX
        for i in start..<characters.count {
            let w = TextWidth.of(characters[i])
            guard w > 0 else { continue }
            if x + w > line.maxX { break }
            grid.put(characters[i], x: x, y: line.y, style: i == cursor ? style.reversed : style, clip: line)
            x += w
        }
        if cursor == characters.count, x < line.maxX {
            grid.put(" ", x: x, y: line.y, style: style.reversed, clip: line)
        }
    }

    // MARK: Editing helpers

    private mutating func insert(_ c: Character) {
        if TextWidth.of(c) == 0 {
            // A lone combining mark joins the grapheme before the cursor (if that makes
            // one grapheme); control characters are dropped, as they would corrupt the line.
            guard cursor > 0 else { return }
            let combined = String(characters[cursor - 1]) + String(c)
            if combined.count == 1, let merged = combined.first { characters[cursor - 1] = merged }
            return
        }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    private mutating func record(_ line: String) {
        guard historyLimit > 0, !line.isEmpty, history.last != line else { return }
        history.append(line)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    private mutating func reset() {
        characters = []
        cursor = 0
        historyIndex = nil
        draft = []
    }

    /// Moves through history: -1 older, +1 newer; past the newest returns to the draft.
    private mutating func browseHistory(_ direction: Int) {
        guard !history.isEmpty else { return }
        switch (historyIndex, direction < 0) {
        case (nil, true):
            draft = characters
            historyIndex = history.count - 1
        case (nil, false):
            return
        case (let index?, true):
            historyIndex = max(0, index - 1)
        case (let index?, false):
            if index + 1 < history.count {
                historyIndex = index + 1
            } else {
                historyIndex = nil
                characters = draft
                cursor = characters.count
                return
            }
        }
        if let index = historyIndex {
            characters = Array(history[index])
            cursor = characters.count
        }
    }

    private func width(from start: Int, to end: Int) -> Int {
        characters[start..<end].reduce(0) { $0 + TextWidth.of($1) }
    }
}
