import Testing
@testable import RingsideSimulation
import RingsideKernel

/// The command one line parses to.
private func parsed(_ line: String) throws -> Command? {
    try Parser.parse(line: Substring(line), number: 1)?.command
}


private func ref(_ text: String, _ column: Int) -> NodeRef { NodeRef(Token(text, column: column)) }

/// The node texts of a partition, without columns.
private func groups(_ line: String) throws -> [[String]]? {
    guard case let .partition(groups) = try parsed(line) else { return nil }
    return groups.map { $0.map(\.token.text) }
}

@Suite("Version 2: network and fault commands parse")
struct ParserNetworkTests {
    @Test func latency() throws {
        #expect(try parsed("latency 1..9") == .latency(min: 1, max: 9))
        #expect(try parsed("latency 5..5") == .latency(min: 5, max: 5))
        #expect(try parsed("latency 1..60000") == .latency(min: 1, max: 60000))
        #expect(parseError("latency 5")?.message == "latency is written MIN..MAX in virtual ms, e.g. latency 1..9 (a fixed latency: 5..5), not '5'")
        #expect(parseError("latency 5")?.column == 9)
        #expect(parseError("latency 0..3")?.message.contains("at least 1 virtual ms") == true)
        #expect(parseError("latency 9..1") == ScriptError(line: 1, column: 9, "latency MIN..MAX needs MIN <= MAX, not 9..1"))
        #expect(parseError("latency 1..60001") == ScriptError(line: 1, column: 12, "latency is at most 60000 virtual ms, not 60001"))
        #expect(parseError("latency 1..x")?.column == 12)
        #expect(parseError("latency +1..9")?.column == 9)
        #expect(parseError("latency") == ScriptError(line: 1, column: 9, "latency is missing the latency range MIN..MAX in virtual ms, e.g. 1..9; usage: latency MIN..MAX"))
        #expect(parseError("latency 1..9 10")?.message == "unexpected '10' after latency; usage: latency MIN..MAX")
    }

    @Test func timeout() throws {
        #expect(try parsed("timeout 30") == .timeout(30))
        #expect(parseError("timeout 0") == ScriptError(line: 1, column: 9, "timeout (in virtual ms) must be a whole number from 1 to 600000, not '0'"))
        #expect(parseError("timeout 600001")?.message.contains("600000") == true)
        #expect(parseError("timeout +5")?.column == 9)
        #expect(parseError("timeout 18446744073709551616")?.column == 9)
    }

    @Test func loss() throws {
        #expect(try parsed("loss 0") == .loss(0))
        #expect(try parsed("loss 1") == .loss(1))
        #expect(try parsed("loss 0.25") == .loss(0.25))
        #expect(try parsed("loss .5") == .loss(0.5))
        #expect(try parsed("loss 1.0") == .loss(1))
        #expect(try parsed("loss 001.000") == .loss(1))
        for bad in ["1.0000000000000000001", "1.5", "nan", "inf", "1e-3", "-0.1", "+0.5", "10%", ".", "0x1p-3", "0.5.5"] {
            #expect(parseError("loss \(bad)") == ScriptError(line: 1, column: 6, "loss is a probability from 0 to 1 such as 0.1, not '\(bad)'"), "loss \(bad)")
        }
    }

    @Test func partitionInEverySpacing() throws {
        #expect(try parsed("partition 10,32 | 60,90") == .partition([[ref("10", 11), ref("32", 14)], [ref("60", 19), ref("90", 22)]]))
        let expected = [["10", "32"], ["60"]]
        #expect(try groups("partition 10,32 | 60") == expected)
        #expect(try groups("partition 10, 32 | 60") == expected)
        #expect(try groups("partition 10,32|60") == expected)
        #expect(try groups("partition 10 ,32| 60") == expected)
        #expect(try groups("partition 10 , 32 |60") == expected)
        #expect(try groups("partition a,b | c | d") == [["a", "b"], ["c"], ["d"]])
        // One group: the nodes named in no group form the other.
        #expect(try groups("partition 10") == [["10"]])
        // Columns of words split out of one token point at the word.
        #expect(try parsed("partition 10,32|60") == .partition([[ref("10", 11), ref("32", 14)], [ref("60", 17)]]))
    }

    @Test func partitionErrors() {
        #expect(parseError("partition")?.column == 11)
        #expect(parseError("partition")?.message.hasPrefix("partition needs at least one group of nodes") == true)
        #expect(parseError("partition 10 32")?.column == 14)
        #expect(parseError("partition 10 32")?.message.hasPrefix("expected ',' or '|' before '32'") == true)
        #expect(parseError("partition 10,,32")?.column == 14)
        #expect(parseError("partition 10,,32")?.message.hasPrefix("expected a node before ','") == true)
        #expect(parseError("partition | 10")?.message.hasPrefix("expected a node before '|'") == true)
        #expect(parseError("partition 10 | | 32")?.column == 16)
        #expect(parseError("partition 10 |")?.message.hasPrefix("partition ends with a separator") == true)
        #expect(parseError("partition 10,32,10") == ScriptError(line: 1, column: 17, "node 10 is named twice in the partition; a node belongs to one group"))
        #expect(parseError("partition 10 | -3")?.column == 16)
        #expect(parseError("partition 10 | -3")?.message.hasPrefix("'-3' is not a node") == true)
    }

    @Test func healAndRecover() throws {
        #expect(try parsed("heal") == .heal)
        #expect(parseError("heal 10")?.message == "unexpected '10' after heal; heal takes no arguments")
        #expect(try parsed("recover 10 via 32") == .recover(ref("10", 9), via: ref("32", 16)))
        #expect(parseError("recover 10 by 32") == ScriptError(line: 1, column: 12, "expected 'via' here, found 'by'; usage: recover NODE via OTHER"))
        #expect(parseError("recover 10 via") == ScriptError(line: 1, column: 16, "recover is missing the node to join through; usage: recover NODE via OTHER"))
    }
}

@Suite("Version 2: message stepping commands parse")
struct ParserSteppingTests {
    @Test func async() throws {
        let statement = try Parser.parse(line: "  async lookup 15 from 90", number: 4)
        #expect(statement?.column == 3)
        guard case let .async(.lookup(key, from)) = statement?.command else {
            Issue.record("expected async lookup, got \(String(describing: statement))")
            return
        }
        #expect(key.form == .id(Identifier(15)))
        #expect(from == ref("90", 24))
        #expect(try parsed("async say hello  world") == .async(.say("hello  world")))
        #expect(try parsed("async settle") == .async(.settle))
    }

    @Test func asyncErrors() {
        #expect(parseError("async") == ScriptError(line: 1, column: 7, "async is missing the command to start, e.g. async lookup 15 from 90"))
        #expect(parseError("async async lookup 15 from 90")?.column == 7)
        #expect(parseError("async async lookup 15 from 90")?.message.contains("'async async'") == true)
        #expect(parseError("async frobnicate")?.column == 7)
        #expect(parseError("async frobnicate")?.message.hasPrefix("unknown command 'frobnicate'") == true)
        #expect(parseError("async lookup 15") == ScriptError(line: 1, column: 17, "lookup is missing 'from'; usage: lookup KEY from NODE"))
        #expect(parseError("async dump now")?.message == "unexpected 'now' after dump; dump takes no arguments")
    }

    @Test func step() throws {
        #expect(try parsed("step") == .step(1))
        #expect(try parsed("step 5") == .step(5))
        #expect(try parsed("step 1000000") == .step(1_000_000))
        #expect(parseError("step 0") == ScriptError(line: 1, column: 6, "step must be a whole number from 1 to 1000000, not '0'"))
        #expect(parseError("step 1000001")?.column == 6)
        #expect(parseError("step +2")?.column == 6)
        #expect(parseError("step two")?.column == 6)
    }

    @Test func deliverAndDrop() throws {
        #expect(try parsed("deliver m12") == .deliver(12, column: 9))
        #expect(try parsed("drop m3") == .drop(3, column: 6))
        #expect(parseError("deliver 12") == ScriptError(line: 1, column: 9, "deliver takes a message id as the trace shows it, m12, not '12'"))
        #expect(parseError("drop 3")?.message == "drop takes a message id as the trace shows it, m3, not '3'")
        // m0 and ids past 2^64 are ids no message has: the run's error names those in flight.
        #expect(try parsed("deliver m0") == .deliver(0, column: 9))
        #expect(try parsed("drop m99999999999999999999") == .drop(.max, column: 6))
        #expect(parseError("deliver M3")?.column == 9)
        #expect(parseError("deliver m+3") != nil)
        #expect(parseError("deliver m") != nil)
        #expect(parseError("deliver") == ScriptError(line: 1, column: 9, "deliver is missing the message to deliver, e.g. m12; usage: deliver mID"))
    }

    @Test func waitInvariantsMaintenance() throws {
        #expect(try parsed("wait") == .wait)
        #expect(try parsed("invariants") == .invariants)
        #expect(try parsed("maintenance original") == .maintenance(zave: false))
        #expect(try parsed("maintenance zave") == .maintenance(zave: true))
        #expect(parseError("maintenance eager") == ScriptError(line: 1, column: 13, "maintenance is 'original' or 'zave', not 'eager'"))
        #expect(parseError("wait 3")?.message == "unexpected '3' after wait; wait takes no arguments")
    }
}

@Suite("Version 2: view control and storage commands parse")
struct ParserViewAndStoreTests {
    @Test func viewControl() throws {
        #expect(try parsed("select 10") == .select(ref("10", 8)))
        for target in FocusTarget.allCases {
            #expect(try parsed("focus \(target.rawValue)") == .focus(target))
        }
        #expect(parseError("focus ring") == ScriptError(line: 1, column: 7, "focus is chord, bayou, time, store or all, not 'ring'"))
        #expect(try parsed("highlight") == .highlight([]))
        #expect(try parsed("highlight 10 alice") == .highlight([ref("10", 11), ref("alice", 14)]))
        #expect(parseError("highlight 10 -1")?.column == 14)
        #expect(parseError("select")?.column == 8)
    }

    @Test func replicationAndQuorum() throws {
        #expect(try parsed("replication 3") == .replication(3))
        #expect(parseError("replication 0")?.message == "replication must be a whole number from 1 to 32, not '0'")
        #expect(parseError("replication 33")?.column == 13)
        #expect(try parsed("quorum 2 1") == .quorum(w: 2, r: 1))
        // W and R above N are judged when the command runs, against `replication`.
        #expect(try parsed("quorum 5 5") == .quorum(w: 5, r: 5))
        #expect(parseError("quorum 0 1") == ScriptError(line: 1, column: 8, "quorum W must be a whole number from 1 to 32, not '0'"))
        #expect(parseError("quorum 1 x") == ScriptError(line: 1, column: 10, "quorum R must be a whole number from 1 to 32, not 'x'"))
        #expect(parseError("quorum 2") == ScriptError(line: 1, column: 10, "quorum is missing the read quorum R; usage: quorum W R"))
    }

    @Test func modes() throws {
        #expect(try parsed("lookup-mode recursive") == .lookupMode(iterative: false))
        #expect(try parsed("lookup-mode iterative") == .lookupMode(iterative: true))
        #expect(parseError("lookup-mode eager")?.message == "lookup-mode is 'recursive' or 'iterative', not 'eager'")
        #expect(try parsed("store-mode strict") == .storeMode(dynamo: false))
        #expect(try parsed("store-mode dynamo") == .storeMode(dynamo: true))
        #expect(parseError("store-mode cassandra")?.column == 12)
    }

    @Test func putAndGet() throws {
        guard case let .put(key, value, from) = try parsed("put cart apples from 10") else {
            Issue.record("expected put")
            return
        }
        #expect(key.form == .hashed("cart"))
        #expect(value == "apples")
        #expect(from == ref("10", 22))
        guard case let .get(getKey, getFrom) = try parsed("get 42 from alice") else {
            Issue.record("expected get")
            return
        }
        #expect(getKey.form == .id(Identifier(42)))
        #expect(getFrom == ref("alice", 13))
        // A value is any word, even one that looks like a number with a sign.
        #expect(try parsed("put k -3 from 10") != nil)
        #expect(parseError("put k v 10") == ScriptError(line: 1, column: 9, "expected 'from' here, found '10'; usage: put KEY VALUE from NODE"))
        #expect(parseError("put k v from") == ScriptError(line: 1, column: 14, "put is missing the node that coordinates the put; usage: put KEY VALUE from NODE"))
        #expect(parseError("get -3 from 10")?.column == 5)
        #expect(parseError("get k from 10 now")?.message == "unexpected 'now' after get; usage: get KEY from NODE")
    }

    @Test func vnodesHandoffMerkle() throws {
        #expect(try parsed("vnodes 8") == .vnodes(8))
        #expect(parseError("vnodes 65")?.message == "vnodes must be a whole number from 1 to 64, not '65'")
        #expect(try parsed("handoff") == .handoff(nil))
        #expect(try parsed("handoff 10") == .handoff(ref("10", 9)))
        #expect(try parsed("merkle-sync 10 32") == .merkleSync(ref("10", 13), ref("32", 16)))
        #expect(parseError("merkle-sync 10 10")?.column == 16)
        #expect(parseError("merkle-sync 10") == ScriptError(line: 1, column: 16, "merkle-sync is missing a second node: merkle-sync A B; usage: merkle-sync A B"))
    }

    @Test func misspelledVersion2CommandsAreSuggested() {
        #expect(parseError("delivr m3")?.message.contains("did you mean 'deliver'?") == true)
        #expect(parseError("merkle m3")?.message.contains("merkle-sync") == true)
    }
}

@Suite("The lexer: spaces and tabs separate")
struct LexerTests {
    /// Swift joins a combining mark to the space before it into one character; the space
    /// still separates (script.md: "Tokens are separated by spaces or tabs"), and the mark
    /// starts the next token. `#` with a mark still starts a comment.
    @Test func aCombiningMarkAfterASpaceDoesNotJoinTheTokens() {
        let tokens = Lexer.tokens(of: "write A put x \u{20}\u{301}v")
        #expect(tokens.map(\.text) == ["write", "A", "put", "x", "\u{301}v"])
        #expect(tokens.map(\.column) == [1, 7, 9, 13, 16])  // columns count code points
        #expect(Lexer.tokens(of: "add a\t\u{301}b").map(\.text) == ["add", "a", "\u{301}b"])
        #expect(Lexer.tokens(of: "add a #\u{301} comment").map(\.text) == ["add", "a"])
        #expect(Lexer.tokens(of: "add  é  x").map(\.text) == ["add", "é", "x"])
    }

    /// Audit: `#`, `,` and `|` followed by a combining mark were one character to Swift, so
    /// `say`'s comment was kept and the partition was not split; a lone carriage return
    /// split tokens though only spaces and tabs separate.
    @Test func separatorsAreCodePointsAndALoneCarriageReturnSeparatesNothing() throws {
        #expect(try parsed("say hi #\u{301} x") == .say("hi"))
        #expect(try groups("partition A,\u{301}B | C") == [["A", "\u{301}B"], ["C"]])
        #expect(try groups("partition A|\u{301}B") == [["A"], ["\u{301}B"]])
        #expect(Lexer.tokens(of: "add 10\rsay x").map(\.text) == ["add", "10\rsay", "x"])
        #expect(Lexer.tokens(of: "add 10 20\r").map(\.text) == ["add", "10", "20"])  // CRLF
        #expect(parseError("add 10\rsay x") != nil)
        // Columns count code points: e + U+0301 is two.
        #expect(parseError("add e\u{301} 5a")?.column == 8)
        #expect(parseError("add é 5a")?.column == 7)
    }

    /// A NAME starts with a letter: Ⅻ (a letter-like number, category Nl) is not one.
    @Test func aLetterLikeNumberDoesNotStartAName() {
        #expect(parseError("add Ⅻ")?.column == 5)
        #expect(parseError("add Ⅻ=5")?.column == 5)
        #expect(parseError("add ǅx ʰy 名") == nil)  // Lt, Lm, Lo
    }
}

@Suite("Extension: next")
struct NextEventTests {
    /// After a crash, stabilize's message to the dead node is lost at `step`; with nothing
    /// left in flight `step` does nothing more, and `next` fires the sender's timer.
    @Test func nextFiresATimerThatStepCannotReach() throws {
        var world = World()
        for line in ["bits 7", "add 10 32 60", "fail 32", "async stabilize 10", "step"] { _ = try world.execute(line: line) }
        let n10 = try #require(world.state.index(ofID: 10))
        #expect(world.inFlightCount == 0)
        var stepped = world
        _ = try stepped.execute(line: "step")
        #expect(stepped.state.successor(n10).map(stepped.state.id) == 32, "step reaches no timer")
        _ = try world.execute(line: "next")
        #expect(world.state.successor(n10).map(world.state.id) == 60, "the timeout dropped 32")
        #expect(try parsedCommand("next") == .nextEvent)
        // Nothing left to run: nothing happens.
        var idle = World()
        _ = try idle.execute(line: "bits 7")
        _ = try idle.execute(line: "next")
    }

    private func parsedCommand(_ line: String) throws -> Command? {
        try Parser.parse(line: Substring(line), number: 1)?.command
    }
}
