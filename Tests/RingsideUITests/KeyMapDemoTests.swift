import Testing
@testable import RingsideUI

@Suite struct KeyMapDemoTests {
    let size = Size(width: 80, height: 24)

    @Test func startsWithHelpAndAStatusLine() {
        let lines = KeyMapDemo().render(size: size).trimmed
        #expect(lines[0] == " Ringside · key map demo")
        #expect(lines[2].hasPrefix("┌─ Keys "))
        #expect(lines[23] == " ‖ paused  ×1  t=0  seed 42  ● N10           ? help  Space play  n step  q quit")
    }

    @Test func promptFlowRecordsTheAnswer() {
        var demo = KeyMapDemo()
        let runningAfterEscape = demo.update(.escape, size: size)
        #expect(runningAfterEscape)
        #expect(!demo.isHelpVisible)
        let runningAfterL = demo.update(.character("l"), size: size)
        #expect(runningAfterL)
        #expect(demo.prompt?.action == .lookup)
        #expect(demo.render(size: size).trimmed[22] == "key:")
        for character in "k7" { _ = demo.update(.character(character), size: size) }
        _ = demo.update(.enter, size: size)
        #expect(demo.prompt == nil)
        #expect(demo.log.last == "lookup k7")
        let lines = demo.render(size: size).trimmed
        #expect(lines.contains { $0.hasPrefix("│ lookup k7 ") })
        // The next prompt can recall the answer from history.
        _ = demo.update(.character(":"), size: size)
        _ = demo.update(.up, size: size)
        #expect(demo.prompt?.editor.text == "k7")
        _ = demo.update(.escape, size: size)
        #expect(demo.log.last == "commandLine cancelled")
    }

    @Test func viewKeysChangeTheModel() {
        var demo = KeyMapDemo()
        _ = demo.update(.tab, size: size)
        _ = demo.update(.tab, size: size)
        _ = demo.update(.backTab, size: size)
        #expect(demo.selected == 1)
        _ = demo.update(.up, size: size)  // help is open: arrows scroll it instead
        #expect(demo.selected == 1)
        _ = demo.update(.character("?"), size: size)
        _ = demo.update(.up, size: size)
        #expect(demo.selected == 0)
        _ = demo.update(.space, size: size)
        _ = demo.update(.character("+"), size: size)
        demo.tick()
        #expect(demo.isPlaying && demo.speed == 2 && demo.time == 2)
        let runningAfterQ = demo.update(.character("q"), size: size)
        #expect(!runningAfterQ)
    }

    @Test func smallTerminalsGetTheTooSmallScreen() {
        let lines = KeyMapDemo().render(size: Size(width: 59, height: 16)).trimmed
        #expect(lines.contains { $0.contains("need 60×16, have 59×16") })
        #expect(KeyMapDemo().render(size: .zero).lines() == [])
    }
}
