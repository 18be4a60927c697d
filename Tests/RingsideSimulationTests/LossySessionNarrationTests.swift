import Testing
@testable import RingsideSimulation

/// A session item's caption quotes the receiver's own version vector on arrival, and counts
/// items from 1 (user test: after item 4 was lost, item 5 said "B's VV[A]=4" where B had 3,
/// and "item 4 … but item 3 did not").
@Suite struct LossySessionNarrationTests {
    @Test func aLostItemLeavesTheQuotedEntryWhereTheReceiverIs() throws {
        let script = """
        bits 7
        add P=10 A=32 B=60
        write A put a 1
        write A put b 2
        write A put c 3
        write A put d 4
        write A put e 5
        loss 0.3
        sync A -> B

        """
        let trace = traceText(try run(script, seed: 2).world)
        #expect(trace.contains("A→B anti-entropy: sending ∞:5:A w(e,5) (B's VV[A]=3) → rejected: item 5 of session 1 arrived but item 4 did not: the session ends here"), "\(trace)")
    }

    @Test func aCutHandoffSaysHowManyCommittedWritesArrived() throws {
        let error = scriptError("bits 7\nadd P=10 A=32 B=60\nwrite P put x 1\ncommit\nloss 1\nprimary A\n")
        #expect(error?.message.contains("A holds 0 of P's 1 committed write (CSN 1), so P stays the primary") == true, "\(String(describing: error))")
    }
}
