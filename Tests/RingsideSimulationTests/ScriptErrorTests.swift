import Testing
@testable import RingsideSimulation
import RingsideKernel

@Suite("Script errors a student can act on")
struct ScriptErrorTests {
    @Test func missingNodeListsTheNodes() {
        let error = scriptError("bits 7\nadd 10 32 60 90 105 120\nlookup 15 from 33\n")
        #expect(error == ScriptError(line: 3, column: 16, "node 33 does not exist; nodes are 10 32 60 90 105 120"))
        #expect(error?.formatted(file: "demo.ringside") == "demo.ringside:3:16: error: node 33 does not exist; nodes are 10 32 60 90 105 120")
    }

    @Test func errorsPointAtTheOffendingWord() {
        #expect(scriptError("bits 200") == ScriptError(line: 1, column: 6, "bits must be a whole number from 1 to 160, not '200'"))
        #expect(scriptError("  stabilise")?.column == 3)
        #expect(scriptError("stabilise")?.message.contains("did you mean 'stabilize'?") == true)
        #expect(scriptError("bits 7\nadd 10\nadd 10") == ScriptError(line: 3, column: 5, "id 10 is already taken by node N10"))
        #expect(scriptError("bits 7\nadd 200")?.message == "id 200 is outside the identifier space 0 ..< 2^7")
        #expect(scriptError("bits 7\nadd 10\nbits 8")?.message == "bits can only be set before the first node is added")
        #expect(scriptError("bits 7\nadd 10 32\njoin 40 by 10") == ScriptError(line: 3, column: 9, "expected 'via' here, found 'by'; usage: join SPEC via NODE"))
        #expect(scriptError("bits 7\nadd 10 32\nlookup 5 from") == ScriptError(line: 3, column: 15, "lookup is missing the node the lookup starts at; usage: lookup KEY from NODE"))
        #expect(scriptError("dump now")?.message == "unexpected 'now' after dump; dump takes no arguments")
        #expect(scriptError("join-mode fast")?.message == "join-mode is 'eager' or 'stabilize', not 'fast'")
        #expect(scriptError("successors 0")?.column == 12)
        #expect(scriptError("bits 7\nadd 10 32\nfail 10\nlookup 3 from 10")?.message.hasPrefix("node 10 is down") == true)
        #expect(scriptError("store 5")?.message == "there is no live node to store keys on")
        #expect(scriptError("bits 7\nadd a=5 b=5")?.message.contains("clashes") == true)
        #expect(scriptError("add 1=5")?.message.contains("not a usable node name") == true)
    }

    @Test func nothingAfterAnErrorRunsButEarlierDumpsStayPrinted() {
        var runner = ScriptRunner()
        var printed: [ScriptOutput] = []
        let script = "bits 7\nadd 10\ndump\nfrobnicate\ndump\n"
        #expect(throws: ScriptError.self) {
            try runner.run(bytes: Array(script.utf8)) { printed.append($0) }
        }
        #expect(printed.count == 1)
    }

    @Test func commentsBlankLinesAndTabs() throws {
        let outputs = try run("# a comment\n\n\tbits\t7   # trailing\nadd 10 # node\nsay hello   world # not this\n").outputs
        #expect(outputs == [.say("hello   world")])
    }

    @Test func invalidUTF8IsAnErrorWithAColumn() {
        var runner = ScriptRunner()
        let bytes: [UInt8] = Array("bits 7\nadd ab".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        do {
            try runner.run(bytes: bytes) { _ in }
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 7)
            #expect(error.message == "the line is not valid UTF-8 text")
        }
    }

    @Test func badBytesAfterMultibyteTextPointAtTheirColumn() {
        var runner = ScriptRunner()
        // "say é€ " then a lone continuation byte, then a NUL on the next line.
        let bytes: [UInt8] = Array("say é€ ".utf8) + [0x80] + Array("\n".utf8)
        do {
            try runner.run(bytes: bytes) { _ in }
            Issue.record("expected an error")
        } catch {
            #expect(error == ScriptError(line: 1, column: 8, "the line is not valid UTF-8 text"))
        }
        #expect(scriptError("bits 7\nsay a\u{0}b") == ScriptError(line: 2, column: 6, "the line contains a NUL character"))
        #expect(scriptError("bits 7\r\nadd 10\r\nsay hi\r\nlookup 3 from 9\r\n")?.line == 4)
    }

    @Test func wideIDsAndNamesWork() throws {
        let outputs = try run("add alice bob\nstore photo\nlookup photo from alice\ndump").outputs
        guard case let .dump(json)? = outputs.last else {
            Issue.record("no dump")
            return
        }
        #expect(json.contains("\"bits\":160"))
        #expect(json.contains("\"id\":\"469099608771183077085495238363724627294301243880\""))
    }

    /// Hostile input: random bytes and random token soup never trap; they either run or
    /// stop with a located error.
    @Test(arguments: 0..<40)
    func randomInputNeverTraps(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let words = Parser.commandNames + ["10", "32", "-1", "via", "from", "->", "at", "for", "put", "delete", "book",
                                           "r1@10,r1@11", "999999999999999999999999999999999999999999999999999999",
                                           "x=3", "=", "#", "é", "\t", "N10", "0", "160", "7", "eager", "stabilize"]
        var script = seed % 2 == 0 ? "bits 7\nadd 10 32 60 90 105 120\n" : ""
        for _ in 0..<60 {
            if rng.index(below: 10) == 0 {
                script += String(decoding: (0..<rng.index(below: 12)).map { _ in UInt8(rng.next(below: 256)) }, as: UTF8.self)
            } else {
                script += (0..<(1 + rng.index(below: 5))).map { _ in words[rng.index(below: words.count)] }.joined(separator: " ")
            }
            script += "\n"
        }
        var runner = ScriptRunner()
        do {
            try runner.run(bytes: Array(script.utf8)) { _ in }
        } catch {
            #expect(error.line >= 1)
            #expect(error.column >= 1)
            #expect(!error.message.isEmpty)
        }
    }
}
