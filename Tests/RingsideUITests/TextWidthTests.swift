import Testing
@testable import RingsideUI

@Suite struct TextWidthTests {
    @Test func asciiIsOneCell() {
        #expect(TextWidth.of("a") == 1)
        #expect(TextWidth.of("hello") == 5)
    }

    @Test func cjkAndEmojiAreTwoCells() {
        #expect(TextWidth.of("日") == 2)
        #expect(TextWidth.of("日本語") == 6)
        #expect(TextWidth.of("한") == 2)
        #expect(TextWidth.of("😀") == 2)
        #expect(TextWidth.of("Ａ") == 2)  // fullwidth A
    }

    @Test func ringGlyphsAreOneCell() {
        for glyph in ["●", "○", "✕", "→", "∈", "∉", "∞", "…", "▶", "‖", "×", "·", "▸", "─", "│", "┌"] {
            #expect(TextWidth.of(glyph) == 1, "\(glyph)")
        }
    }

    @Test func combiningMarksJoinTheirBase() {
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("\u{301}") == 0)
        #expect(TextWidth.of("a\u{200B}b") == 2)  // zero-width space
    }

    @Test func controlCharactersHaveNoWidth() {
        #expect(TextWidth.of("\u{7}") == 0)
        #expect(TextWidth.of("\n") == 0)
        #expect(TextWidth.of("\u{9B}") == 0)
    }

    @Test func truncateAddsEllipsisOnlyWhenCutting() {
        #expect(TextWidth.truncate("hello", toWidth: 5) == "hello")
        #expect(TextWidth.truncate("hello world", toWidth: 6) == "hello…")
        #expect(TextWidth.truncate("日本語", toWidth: 4) == "日…")
        #expect(TextWidth.truncate("hello", toWidth: 0) == "")
        #expect(TextWidth.truncate("hello", toWidth: -3) == "")
        #expect(TextWidth.truncate("hello", toWidth: 2, ellipsis: "...") == "he")
    }

    @Test func padFillsToExactWidth() {
        #expect(TextWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(TextWidth.pad("日本", toWidth: 3) == "日 ")
        #expect(TextWidth.pad("abc", toWidth: 0) == "")
    }
}
