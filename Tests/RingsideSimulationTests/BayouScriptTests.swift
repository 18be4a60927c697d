import Testing
import RingsideUI
@testable import RingsideSimulation
import RingsideKernel
import Chord

@Suite("Bayou through the script language")
struct BayouScriptTests {
    /// Each replica's log in slide notation, VV and database at every dump.
    struct Stage: Equatable {
        var logs: [String: [String]] = [:]
        var vvs: [String: [String: Int]] = [:]
        var dbs: [String: [String: String]] = [:]
    }

    static func stages(_ script: String) throws -> [Stage] {
        try dumps(script).map { state in
            var stage = Stage()
            for node in state["nodes"] as? [[String: Any]] ?? [] {
                let name = node["name"] as? String ?? "?"
                let bayou = node["bayou"] as? [String: Any] ?? [:]
                stage.logs[name] = (bayou["log"] as? [[String: Any]] ?? []).map { entry in
                    let csn = (entry["csn"] as? Int).map(String.init) ?? "∞"
                    let op = entry["op"] as? String
                    let body = op == "put" ? "w(\(entry["key"]!),\(entry["value"]!))"
                        : op == "delete" ? "D(\(entry["key"]!))" : "book"
                    return "\(csn):\(entry["ts"]!):\(entry["origin"]!) \(body)"
                }
                stage.vvs[name] = bayou["vv"] as? [String: Int]
                stage.dbs[name] = bayou["db"] as? [String: String]
            }
            return stage
        }
    }

    @Test func theLectureExampleStageByStage() throws {
        let stages = try Self.stages(scenario("bayou-lecture"))
        #expect(stages.count == 7)
        // Writes accepted.
        #expect(stages[0].logs["P"] == ["∞:1:P w(X,4)", "∞:7:P w(Y,8)"])
        #expect(stages[0].logs["B"] == ["∞:5:B w(Z,8)"])
        #expect(stages[0].logs["A"] == ["∞:7:A w(X,3)", "∞:12:A w(Y,4)"])
        // Anti-entropy A & B.
        let ab = ["∞:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)"]
        #expect(stages[1].logs["A"] == ab)
        #expect(stages[1].logs["B"] == ab)
        #expect(stages[1].vvs["A"] == ["P": 0, "A": 12, "B": 5])
        // Primary commits its entries.
        #expect(stages[2].logs["P"] == ["1:1:P w(X,4)", "2:7:P w(Y,8)"])
        // D(Y) at B gets stamp 13.
        #expect(stages[3].logs["B"]?.last == "∞:13:B D(Y)")
        // Anti-entropy P & B: the slide's "Primary respects causality".
        let pb = ["1:1:P w(X,4)", "2:7:P w(Y,8)", "∞:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)", "∞:13:B D(Y)"]
        #expect(stages[4].logs["P"] == pb)
        #expect(stages[4].logs["B"] == pb)
        #expect(stages[4].logs["A"] == ab)
        #expect(stages[4].vvs["P"] == ["P": 7, "A": 12, "B": 13])
        #expect(stages[4].vvs["B"] == ["P": 7, "A": 12, "B": 13])
        #expect(stages[4].vvs["A"] == ["P": 0, "A": 12, "B": 5])
        // Primary commits: 1..6.
        let committed = ["1:1:P w(X,4)", "2:7:P w(Y,8)", "3:5:B w(Z,8)", "4:7:A w(X,3)", "5:12:A w(Y,4)", "6:13:B D(Y)"]
        #expect(stages[5].logs["P"] == committed)
        #expect(stages[5].logs["B"] == pb)
        // Convergence.
        for name in ["P", "A", "B"] {
            #expect(stages[6].logs[name] == committed, "\(name)")
            #expect(stages[6].vvs[name] == ["P": 7, "A": 12, "B": 13], "\(name)")
            #expect(stages[6].dbs[name] == ["X": "3", "Z": "8"], "\(name)")
        }
    }

    @Test func anExplanationPerItem() throws {
        let trace = traceText(try run(scenario("bayou-lecture")).world)
        #expect(trace.contains("A→B anti-entropy: sending ∞:7:A w(X,3) (B's VV[A]=0)"))
        #expect(trace.contains("B→A anti-entropy: sending ∞:5:B w(Z,8) (A's VV[B]=0) → rolled back 2, redid 2"))
        #expect(trace.contains("B: accepted ∞:13:B D(Y) (clock 13)"))
        #expect(trace.contains("P (primary) commits 4 writes: CSN 3…6"))
    }

    /// One commit number reads "CSN 1", not "CSN 1…1"; an empty range "no CSN", not "1…0".
    @Test func commitRangesReadAsSentences() throws {
        let trace = traceText(try run("bits 7\nadd P=10 A=32\nwrite A put X 1\nsync A P\ncommit\n").world)
        #expect(trace.contains("P (primary) commits 1 write: CSN 1"))
        let sim = World().simulation
        #expect(sim.csns(3, through: 6) == "CSN 3…6")
        #expect(sim.csns(2, through: 2) == "CSN 2")
        #expect(sim.csns(1, through: 0) == "no CSN")
    }

    @Test func theViewUsesSlideNotationAndFlagsRedoneWrites() throws {
        let world = try run("""
            bits 7
            add P=10 A=32 B=60
            write A put X 3 at 7
            write A put Y 4 at 12
            write B put Z 8 at 5
            sync B -> A
            """).world
        let a = try #require(world.state.index(ofName: "A"))
        let view = world.bayouView(of: a)
        #expect(view.log.map(\.notation) == ["∞:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)"])
        #expect(view.log.map(\.redone) == [false, true, true])
        #expect(view.undone == 2)
        #expect(view.database.map(\.key) == ["X", "Y", "Z"])
        #expect(view.versionVector.map(\.timestamp) == [0, 12, 5])
    }

    @Test func aMeetingRoomOutcomeFlipsWhenACommitReordersIt() throws {
        let script = """
            bits 7
            add P=10 A=32 B=60
            primary P
            write B book r1@10,r1@11 for bob at 3
            write A book r1@10,r1@11 for ann at 5
            sync A -> P
            commit
            sync B -> A
            dump
            sync P -> A
            dump
            """
        let states = try dumps(script)
        func bookings(_ state: [String: Any], _ name: String) -> [String: String?] {
            let node = (state["nodes"] as? [[String: Any]])?.first { $0["name"] as? String == name }
            let log = (node?["bayou"] as? [String: Any])?["log"] as? [[String: Any]] ?? []
            var result: [String: String?] = [:]
            for entry in log { result[entry["who"] as? String ?? "?"] = entry["outcome"] as? String }
            return result
        }
        // Tentatively at A, bob's older booking (ts 3) sorts first and takes r1@10.
        #expect(bookings(states[0], "A") == ["bob": "r1@10", "ann": "r1@11"])
        // P committed ann's booking first: once A learns it, ann has r1@10 and bob r1@11.
        #expect(bookings(states[1], "A") == ["ann": "r1@10", "bob": "r1@11"])
    }

    @Test func failedReplicasNeitherWriteNorSync() {
        let base = "bits 7\nadd P=10 A=32 B=60\nfail B\n"
        #expect(scriptError(base + "write B put X 1")?.message.hasPrefix("node B is down") == true)
        #expect(scriptError(base + "sync A B")?.column == 8)
        #expect(scriptError("bits 7\nadd P=10 A=32\nsync A A")?.message == "a replica cannot sync with itself; name two different nodes")
        #expect(scriptError("bits 7\nadd P=10\nwrite P put X 1 at 9\nwrite P put X 2 at 3")?.message.contains("clock") == true)
        #expect(scriptError("bits 7\nadd P=10 A=32\nfail P\ncommit")?.message == "the primary P is down, so nothing can commit")
        #expect(scriptError("commit")?.message == "there is no primary yet (add a node first)")
    }

    @Test func aSessionCutPartWayLeavesAConsistentPrefix() throws {
        var world = try run("""
            bits 7
            add P=10 A=32 B=60
            write A put a 1 at 1
            write A put b 2 at 2
            write A put c 3 at 3
            write A put d 4 at 4
            """).world
        _ = try world.begin(try #require(try Parser.parse(line: "sync A -> B", number: 1)))
        // Start, request B → A, then the first two items A → B.
        for _ in 0..<4 { _ = try world.step() }
        _ = try world.begin(try #require(try Parser.parse(line: "fail B", number: 2)))
        try world.runToCompletion()
        let b = try #require(world.state.index(ofName: "B"))
        let log = world.bayouView(of: b).log.map(\.notation)
        #expect(log == ["∞:1:A w(a,1)", "∞:2:A w(b,2)"])
        #expect(world.bayouView(of: b).versionVector.map(\.timestamp) == [0, 2, 0])
    }
}
