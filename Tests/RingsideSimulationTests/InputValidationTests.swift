import Testing
@testable import RingsideSimulation
import RingsideKernel

@Suite("Numbers are numbers and names start with a letter")
struct NumbersAndNamesTests {
    @Test func signedOrHalfNumericWordsAreNotNames() {
        #expect(scriptError("bits 7\nadd -3") == ScriptError(line: 2, column: 5, "'-3' is neither a node id (a whole number, no sign) nor a name (a name starts with a letter or '_')"))
        #expect(scriptError("bits 7\nadd 10 1abc") == ScriptError(line: 2, column: 8, "'1abc' is neither a node id (a whole number, no sign) nor a name (a name starts with a letter or '_')"))
        #expect(scriptError("bits 7\nadd +5")?.column == 5)
        #expect(scriptError("bits 7\nadd 10\njoin -5 via 10")?.line == 3)
        #expect(scriptError("bits 7\nadd 10\njoin -5 via 10")?.column == 6)
        #expect(scriptError("bits 7\nadd x=+3") == ScriptError(line: 2, column: 7, "'+3' is not a node id: an id is a whole number such as 42, with no sign"))
        #expect(scriptError("bits 7\nadd x=-3")?.column == 7)
        #expect(scriptError("bits 7\nadd -x=3")?.message == "'-x' is not a usable node name: a name starts with a letter or '_' (and has no '=')")
        #expect(scriptError("bits 7\nadd @home")?.message == "'@home' is not a usable node name: a name starts with a letter or '_'")
    }

    @Test func signedCountsAreErrors() {
        #expect(scriptError("bits +7") == ScriptError(line: 1, column: 6, "bits must be a whole number from 1 to 160, not '+7'"))
        #expect(scriptError("bits -0")?.column == 6)
        #expect(scriptError("seed +1")?.column == 6)
        #expect(scriptError("successors +2")?.column == 12)
        #expect(scriptError("bits 7\nadd A\nwrite A put k v at +5")?.column == 20)
    }

    @Test func namesInAnyScriptOrUnderscoreAreNodes() throws {
        let world = try run("bits 16\nadd _x ünï 日本 ä=5 Ω\n").world
        #expect(world.state.count == 5)
        #expect(world.state.index(ofName: "日本") != nil)
        #expect(world.state.index(ofName: "ä").map(world.state.id) == Identifier(5))
    }

    @Test func nodeReferencesAndKeysThatStartLikeNumbers() {
        #expect(scriptError("bits 7\nadd 10 32\nlookup 15 from -3") == ScriptError(line: 3, column: 16, "'-3' is not a node: name a node by its id (a whole number, no sign) or by its name"))
        #expect(scriptError("bits 7\nadd 10 32\nlookup 15 from 1x")?.column == 16)
        #expect(scriptError("bits 7\nadd 10 32\nfail +10")?.column == 6)
        #expect(scriptError("bits 7\nadd 10 32\nlookup -3 from 10") == ScriptError(line: 3, column: 8, "'-3' is not a key: a key is a whole number (no sign), or a word to hash that does not start with a digit, '+' or '-'"))
        #expect(scriptError("bits 7\nadd 10 32\nstore 5 7up")?.column == 9)
        // Words that start with something else are still hashed keys.
        #expect(scriptError("bits 7\nadd 10 32\nstore apple _x @home") == nil)
    }
}

@Suite("Errors never echo raw control characters")
struct ControlCharacterTests {
    @Test func escapeInAName() {
        let error = scriptError("bits 7\nadd \u{1b}[31mred")
        #expect(error?.line == 2)
        #expect(error?.column == 5)
        #expect(error?.message == "'\\x1b[31mred' is not a usable node name: a name starts with a letter or '_'")
        #expect(error?.formatted(file: "s.ringside").unicodeScalars.contains { $0.value < 0x20 } == false)
    }

    @Test func everyControlIsEscapedWhoeverRaisesTheError() {
        // Raised by the world when the command runs, quoting the node as written.
        let missing = scriptError("bits 7\nadd 10\nfail a\u{7f}\u{01}")
        #expect(missing?.message == "node a\\x7f\\x01 does not exist; nodes are 10")
        // An unknown command quotes its word.
        #expect(scriptError("frob\u{1b}]0;pwned\u{07}")?.message.hasPrefix("unknown command 'frob\\x1b]0;pwned\\x07'") == true)
        // C1 controls (U+009B is CSI on some terminals) too.
        #expect(scriptError("bits 7\nadd x\u{9b}2J") == ScriptError(line: 2, column: 5, "'x\\u{9b}2J' is not a usable node name: it holds a control character"))
        #expect(scriptError("bits 7\nadd 10\nfail x\u{9b}2J")?.message == "node x\\u{9b}2J does not exist; nodes are 10")
    }

    @Test func printableLeavesOrdinaryTextAlone() {
        #expect(ScriptError.printable("node 33 does not exist; ünï \\x") == "node 33 does not exist; ünï \\x")
        #expect(ScriptError.printable("a\u{0}b\tc\nd\u{1f}") == "a\\x00b\\x09c\\x0ad\\x1f")
        #expect(ScriptError(column: 1, "x").formatted(file: "evil\u{1b}.ringside") == "evil\\x1b.ringside:0:1: error: x")
    }
}

@Suite("Rings must fit in memory")
struct MemoryBudgetTests {
    @Test func theOldDocumentedWorstCaseDoesNotFit() {
        // 2,000,000 nodes × 1,024 successors × 160 fingers needed ~16 GB and trapped.
        let bytes = MemoryBudget.estimatedBytes(nodes: 2_000_000, successors: 1024, bits: 160)
        #expect(bytes > 16_000_000_000)
        #expect(throws: ScriptError.self) {
            try MemoryBudget.check(nodes: 2_000_000, successors: 1024, bits: 160, column: 1)
        }
        do {
            try MemoryBudget.check(nodes: 2_000_000, successors: 1024, bits: 160, column: 5)
        } catch {
            #expect(error.column == 5)
            #expect(error.message.hasPrefix("this ring would need about 22.8 GB (2000000 nodes × 1024 successors × 160 fingers); the limit is 4.5 GB"))
            #expect(error.message.contains("use fewer nodes, a shorter successor list or fewer bits"))
        }
    }

    @Test func theDefaultsFitAtTheNodeLimit() throws {
        try MemoryBudget.check(nodes: Limits.nodesMax, successors: World.defaultSuccessorListLength, bits: World.defaultBits, column: 1)
        #expect(MemoryBudget.estimatedBytes(nodes: Limits.nodesMax, successors: 3, bits: 160) <= MemoryBudget.limitBytes)
    }

    @Test func theLargestRingThatFitsFitsAndOneMoreDoesNot() throws {
        let fit = MemoryBudget.nodesThatFit(successors: 1024, bits: 160)
        #expect(fit > 100_000 && fit < Limits.nodesMax)
        try MemoryBudget.check(nodes: fit, successors: 1024, bits: 160, column: 1)
        #expect(throws: ScriptError.self) {
            try MemoryBudget.check(nodes: fit + 1, successors: 1024, bits: 160, column: 1)
        }
    }

    @Test func longListsOnASmallRingStillWork() throws {
        let world = try run("bits 160\nsuccessors 1024\nadd a b c d\nsuccessors 3\njoin e via a\n").world
        #expect(world.state.count == 5)
    }
}

@Suite("Version-2 commands that need a setting first")
struct Version2StubTests {
    @Test func dynamoCommandsSayWhatTheyNeed() {
        #expect(scriptError("bits 7\nadd 10 32\n  vnodes 4\n") == ScriptError(line: 3, column: 3, "vnodes is a Dynamo setting: give store-mode dynamo first"))
        #expect(scriptError("bits 7\nadd 10 32\n  handoff\n") == ScriptError(line: 3, column: 3, "handoff is Dynamo's hinted handoff: give store-mode dynamo first"))
        #expect(scriptError("bits 7\nadd 10 32\nfail 32\nmerkle-sync 10 32\n")?.column == 16)
        let switched = scriptError("bits 7\nadd 10 32\nput 5 v from 10\n  store-mode dynamo\n")
        #expect(switched?.line == 4 && switched?.column == 3)
        #expect(switched?.message.contains("only change while the key-value store is empty") == true)
        #expect(scriptError("bits 7\nadd 10 32\nstore-mode dynamo\nvnodes 4\nhandoff\nmerkle-sync 10 32\nstore-mode strict\n") == nil)
    }

    /// A UTF-8 byte-order mark before the first line is skipped, not read as part of the
    /// first command; one anywhere else is still text (and an error where a word is due).
    @Test func aByteOrderMarkBeforeTheFirstLineIsSkipped() throws {
        #expect(scriptError("\u{FEFF}bits 7\nadd 10 32\n") == nil)
        #expect(scriptError("bits 7\n\u{FEFF}add 10 32\n")?.line == 2)
        var runner = ScriptRunner()
        var dumps = 0
        try runner.run(bytes: Array("\u{FEFF}bits 7\nadd 10 32\ndump\n".utf8)) { if case .dump = $0 { dumps += 1 } }
        #expect(dumps == 1)
    }

    @Test func viewControlIsIgnoredHeadless() throws {
        let plain = try run("bits 7\nadd 10 32\nlookup 15 from 10\ndump\n").outputs
        let viewed = try run("bits 7\nadd 10 32\nselect 10\nfocus chord\nhighlight 10 N32\nlookup 15 from 10\nhighlight\nfocus all\ndump\n").outputs
        #expect(viewed == plain)
    }

    /// script.md: "the headless runner ignores them", so an unknown node in a view command
    /// is no error headless (it was one), and the dump is as without the command.
    @Test func viewControlNamingUnknownNodesIsIgnoredHeadless() throws {
        #expect(scriptError("bits 7\nadd 10 32\nselect 33") == nil)
        #expect(scriptError("bits 7\nadd 10 32\nhighlight 10 99") == nil)
        #expect(scriptError("bits 7\nadd 10 32\nfail 10\nselect 10") == nil)
        let plain = try run("bits 7\nadd 10 32\ndump\n").outputs
        #expect(try run("bits 7\nadd 10 32\nselect 33\nhighlight 99 N7\ndump\n").outputs == plain)
        // Their syntax is still checked: a view command is a command.
        #expect(scriptError("bits 7\nadd 10 32\nselect") != nil)
    }
}
