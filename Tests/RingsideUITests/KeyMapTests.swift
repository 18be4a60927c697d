import Testing
@testable import RingsideUI

@Suite struct KeyMapTests {
    let keyMap = KeyMap.default

    @Test func everyActionHasAKey() {
        #expect(keyMap.unboundActions() == [])
        for action in Action.allCases {
            #expect(keyMap.bindings.filter { $0.action == action }.count == 1, "\(action) needs exactly one row")
        }
    }

    @Test func noKeyIsBoundTwice() {
        #expect(keyMap.duplicateKeys() == [])
    }

    @Test func duplicatesAreDetectedAndTheFirstBindingWins() {
        let clash = KeyMap([
            KeyBinding([.character("x")], .fail, label: "fail", help: "", group: .chord),
            KeyBinding([.character("x"), .tab], .leave, label: "leave", help: "", group: .chord),
        ])
        #expect(clash.duplicateKeys() == [.character("x")])
        #expect(clash.action(for: .character("x")) == .fail)
        #expect(clash.action(for: .tab) == .leave)
        #expect(clash.unboundActions().contains(.quit))
    }

    @Test func theDocumentedKeysDispatch() {
        let expected: [(Key, Action)] = [
            (.space, .playPause), (.character("n"), .step), (.character("."), .step),
            (.character("+"), .faster), (.character("-"), .slower),
            (.tab, .nextNode), (.right, .nextNode), (.down, .nextNode),
            (.backTab, .previousNode), (.left, .previousNode), (.up, .previousNode),
            (.character("j"), .join), (.character("l"), .lookup), (.character("s"), .stabilize),
            (.character("f"), .fixFingers), (.character("x"), .fail), (.character("L"), .leave),
            (.character("w"), .write), (.character("a"), .antiEntropy), (.character("c"), .commit),
            (.character(":"), .commandLine), (.character("?"), .help), (.character("q"), .quit),
            (.ctrlC, .quit), (.character("z"), .zoomIn), (.character("Z"), .zoomOut),
            (.escape, .escape),
        ]
        for (key, action) in expected {
            #expect(keyMap.action(for: key) == action, "\(key)")
        }
        #expect(keyMap.action(for: .character("Y")) == nil)
        #expect(keyMap.action(for: .function(1)) == nil)
    }

    @Test func promptsAskForTheArguments() {
        #expect(keyMap.binding(for: .join)?.prompt == "id or name (Enter = random)")
        #expect(keyMap.binding(for: .lookup)?.prompt == "key")
        #expect(keyMap.binding(for: .write)?.prompt == "put KEY VALUE | delete KEY | book SLOT[,SLOT] for WHO")
        #expect(keyMap.binding(for: .antiEntropy)?.prompt == "partner")
        #expect(keyMap.binding(for: .commandLine)?.prompt == ":")
        #expect(keyMap.binding(for: .stabilize)?.prompt == nil)
    }

    @Test func everyGroupHasBindingsAndLabelsAreShort() {
        for group in ActionGroup.allCases {
            #expect(!keyMap.bindings(in: group).isEmpty)
        }
        for binding in keyMap.bindings {
            #expect(!binding.label.isEmpty && binding.label.count <= 12)
            #expect(!binding.help.isEmpty && TextWidth.of(binding.help) <= 60, "\(binding.action) help fits 80 columns")
        }
    }

    @Test func keyLabelsFollowTheGlyphSet() {
        let next = keyMap.binding(for: .nextNode)
        #expect(next?.keysLabel() == "Tab → ↓")
        #expect(next?.keysLabel(glyphs: .ascii) == "Tab Right Down")
        #expect(keyMap.binding(for: .quit)?.keysLabel() == "q Ctrl-C")
        #expect(Key.space.label() == "Space")
        #expect(Key.function(5).label() == "F5")
    }

    @Test func hintsComeFromTheTable() {
        #expect(keyMap.hints([.help, .playPause, .quit]) == [
            KeyHint(key: "?", label: "help"),
            KeyHint(key: "Space", label: "play"),
            KeyHint(key: "q", label: "quit"),
        ])
        let empty = KeyMap([])
        #expect(empty.hints([.help]) == [])
    }
}
