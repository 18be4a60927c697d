import Testing
import RingsideTerminal

/// `--ascii` and RINGSIDE_ASCII: the only ways to the ASCII glyph set in a terminal
/// (LANG=C alone falls back to C.UTF-8).
@Suite struct AsciiChoiceTests {
    @Test func theFlagOrTheVariableAsksForAscii() {
        #expect(TerminalOptions.asciiRequested(flag: true, environment: [:]))
        #expect(!TerminalOptions.asciiRequested(flag: false, environment: [:]))
        #expect(TerminalOptions.asciiRequested(flag: false, environment: ["RINGSIDE_ASCII": "1"]))
        #expect(TerminalOptions.asciiRequested(flag: false, environment: ["RINGSIDE_ASCII": "yes"]))
        #expect(!TerminalOptions.asciiRequested(flag: false, environment: ["RINGSIDE_ASCII": "0"]))
        #expect(!TerminalOptions.asciiRequested(flag: false, environment: ["RINGSIDE_ASCII": ""]))
        #expect(!TerminalOptions.asciiRequested(flag: false, environment: ["LANG": "C", "LC_ALL": "C"]))
    }
}
