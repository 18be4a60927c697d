import Testing
@testable import RingsideSimulation
import RingsideKernel
import Chord

@Suite("primary NODE hands the committing role over")
struct PrimaryHandoffTests {
    /// The script that used to split the committed order: before the handoff, A numbered
    /// its own commit CSN 1 while P's X already had it.
    static let splitScript = """
        bits 8
        add P=1 A=2
        write P put X 1
        write P put Z 9
        commit
        primary A
        write A put Y 2
        commit
        sync P A
        sync P A
        dump
        """

    @Test func aHandoffAfterACommitKeepsOneCommittedOrder() throws {
        let stages = try BayouScriptTests.stages(Self.splitScript)
        let stage = try #require(stages.last)
        let log = ["1:1:P w(X,1)", "2:2:P w(Z,9)", "3:3:A w(Y,2)"]
        #expect(stage.logs["P"] == log)
        #expect(stage.logs["A"] == log)
        #expect(stage.vvs["P"] == ["P": 2, "A": 3])
        #expect(stage.vvs["A"] == ["P": 2, "A": 3])
        #expect(stage.dbs["P"] == ["X": "1", "Y": "2", "Z": "9"])
        #expect(stage.dbs["A"] == stage.dbs["P"])
        let state = try #require(try dumps(Self.splitScript).last)
        #expect(state["primary"] as? String == "A")
    }

    @Test func theHandoffSessionRunsBeforeTheRoleMoves() throws {
        let (_, world) = try run("bits 8\nadd P=1 A=2\nwrite P put X 1\ncommit\nprimary A\n")
        let lines = traceText(world)
        let handing = try #require(lines.firstIndex { $0.hasPrefix("P hands the primary role to A") })
        let moved = try #require(lines.firstIndex { $0.hasPrefix("A is now the primary") })
        let session = try #require(lines.firstIndex { $0.contains("P→A anti-entropy: sending 1:1:P w(X,1)") })
        #expect(handing < session && session < moved)
        #expect(world.replica(try #require(world.state.index(ofName: "A"))).highestCSN == 1)
    }

    @Test func aDownOldPrimaryIsAnErrorThatSaysToRecoverIt() throws {
        let error = try #require(scriptError("bits 8\nadd P=1 A=2 B=3\nwrite P put X 1\ncommit\nfail P\nprimary A\n"))
        #expect(error.line == 6)
        #expect(error.message.contains("P is down"))
        #expect(error.message.contains("recover P"))
    }

    @Test func aDownNewPrimaryIsAnErrorThatSaysToRecoverIt() throws {
        let error = try #require(scriptError("bits 8\nadd P=1 A=2 B=3\nwrite P put X 1\ncommit\nfail A\nprimary A\n"))
        #expect(error.line == 6)
        #expect(error.message.contains("recover A"))
    }

    /// Before any commit there is nothing to hand over: no session, the role moves at once,
    /// even to or from a node that is down (as before).
    @Test func beforeAnyCommitTheRoleMovesWithoutASession() throws {
        let (_, world) = try run("bits 8\nadd P=1 A=2\nwrite P put X 1\nfail P\nprimary A\ncommit\n")
        #expect(!traceText(world).contains { $0.contains("anti-entropy") })
        let a = try #require(world.state.index(ofName: "A"))
        #expect(world.primary == a)
        // A commits only what it holds: P's tentative X is not A's to number.
        #expect(world.replica(a).highestCSN == 0)
    }

    @Test func namingTheCurrentPrimaryChangesNothing() throws {
        let (_, world) = try run("bits 8\nadd P=1 A=2\nwrite P put X 1\ncommit\nprimary P\n")
        #expect(!traceText(world).contains { $0.contains("anti-entropy") })
        #expect(world.primary == world.state.index(ofName: "P"))
    }

    /// The session is numbered by the receiver: a second handoff (back to P) opens a new one.
    @Test func handingBackAndForthKeepsCSNsUnique() throws {
        let script = """
            bits 8
            add P=1 A=2 B=3
            write P put X 1
            commit
            primary A
            write A put Y 2
            commit
            primary P
            write B put W 3
            sync B P
            commit
            sync P A
            sync P B
            dump
            """
        let stage = try #require(try BayouScriptTests.stages(script).last)
        let log = ["1:1:P w(X,1)", "2:2:A w(Y,2)", "3:1:B w(W,3)"]
        #expect(stage.logs["P"] == log)
        #expect(stage.logs["A"] == log)
        #expect(stage.logs["B"] == log)
    }
}
