import Testing
@testable import RingsideSimulation

/// A missing or unexpected word ends its error with the command's form, from the one
/// table the help draws too: `join 50` said only "join is missing 'via'".
@Suite struct UsageErrorTests {
    @Test func missingWordsEndWithTheCommandsForm() {
        #expect(parseError("join 50") == ScriptError(line: 1, column: 9, "join is missing 'via'; usage: join SPEC via NODE"))
        #expect(parseError("lookup")?.message == "lookup is missing the key to look up; usage: lookup KEY from NODE")
        #expect(parseError("lookup 5 to 10")?.message == "expected 'from' here, found 'to'; usage: lookup KEY from NODE")
    }

    @Test func anArgumentToACommandThatTakesNoneSaysSo() {
        #expect(parseError("commit 60") == ScriptError(line: 1, column: 8, "unexpected '60' after commit; commit takes no arguments"))
        #expect(parseError("fail 10 20")?.message == "unexpected '20' after fail; usage: fail NODE")
    }

    @Test func everyCommandHasOneFormStartingWithItsName() {
        #expect(Parser.commandNames.count == Set(Parser.commandNames).count)
        for (name, form) in Parser.commandForms {
            #expect(form == name || form.hasPrefix(name + " "), "\(name): \(form)")
        }
        // Every name in the table is a command the parser knows (not "unknown command").
        for name in Parser.commandNames {
            #expect(parseError(name)?.message.hasPrefix("unknown command") != true, "\(name)")
        }
    }
}
