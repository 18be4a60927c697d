import Testing
@testable import RingsideTerminal
import RingsideUI

/// VT sequences that curses hands over raw (its terminfo entry lacks them): tmux with
/// TERM=xterm-256color sends End as `ESC [ 4 ~`, and Ringside read Esc, then `~ is not
/// bound to anything` (at a pause the Esc even went past it).
@Suite struct EscapeSequenceTests {
    static func inputs(_ text: String) -> [RawInput] {
        text.unicodeScalars.map { .character($0 == "^" ? 27 : $0.value) }  // `^` stands for Esc
    }

    static func keys(_ text: String) -> [Key?] { EscapeSequence.keys(inputs(text)) }

    @Test func homeAndEndInEveryCommonForm() {
        for home in ["^[1~", "^[7~", "^[H", "^OH", "^[1;5H", "^[1;2~"] { #expect(Self.keys(home) == [.home], "\(home)") }
        for end in ["^[4~", "^[8~", "^[F", "^OF", "^[1;5F"] { #expect(Self.keys(end) == [.end], "\(end)") }
    }

    @Test func pagesInsertDeleteArrowsAndFunctionKeys() {
        #expect(Self.keys("^[5~^[6~") == [.pageUp, .pageDown])
        #expect(Self.keys("^[2~^[3~") == [.insert, .delete])
        #expect(Self.keys("^[A^[B^[C^[D^OA^[1;5D") == [.up, .down, .right, .left, .up, .left])
        #expect(Self.keys("^OP^[15~^[24~^[Z") == [.function(1), .function(5), .function(12), .backTab])
    }

    /// A sequence Ringside does not know is swallowed whole: no Esc, no loose characters.
    @Test func anUnknownSequenceIsSwallowedWhole() {
        #expect(Self.keys("^[99~x") == [nil, .character("x")])
        #expect(Self.keys("^[?1049hq") == [nil, .character("q")])
        #expect(Self.keys("^OXq") == [nil, .character("q")])
        #expect(!Self.keys("^[200~").contains(.escape))
        #expect(!Self.keys("^[4~").contains(.character("~")))
    }

    /// Esc alone, Esc before an ordinary key, and a sequence cut short stay what they were.
    @Test func escapeAloneAndEscapeBeforeAKey() {
        #expect(Self.keys("^") == [.escape])
        #expect(Self.keys("^x") == [.escape, .character("x")])
        #expect(Self.keys("^^") == [.escape, .escape])
        #expect(Self.keys("^[") == [.escape, .character("[")])
        #expect(Self.keys("^[4") == [.escape, .character("["), .character("4")])
        #expect(EscapeSequence.keys([.character(27), .key(.up)]) == [.escape, .up])
        // A control code breaks a sequence off: it is swallowed up to there, the code stays.
        #expect(Self.keys("^[4\r") == [nil, .enter])
    }

    @Test func theDecoderOverCodes() {
        func codes(_ text: String) -> ArraySlice<UInt32> { text.unicodeScalars.map(\.value)[...] }
        #expect(EscapeSequence.decode(afterEscape: codes("")) == .incomplete)
        #expect(EscapeSequence.decode(afterEscape: codes("[4")) == .incomplete)
        #expect(EscapeSequence.decode(afterEscape: codes("[4~")) == .key(.end, consumed: 3))
        #expect(EscapeSequence.decode(afterEscape: codes("[1~rest")) == .key(.home, consumed: 3))
        #expect(EscapeSequence.decode(afterEscape: codes("x")) == .notASequence)
        #expect(EscapeSequence.decode(afterEscape: codes("[" + String(repeating: "1", count: 40))) == .key(nil, consumed: 32))
    }
}
