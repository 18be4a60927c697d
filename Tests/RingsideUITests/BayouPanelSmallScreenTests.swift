import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// User test of the Bayou panel at 80×24 and 100×30: a version vector cut to one entry
/// (`A: 12`), a log row gone without a mark, and the block of A shown while the status
/// line and the finger table named P as selected.
@Suite struct BayouPanelSmallScreenTests {
    static func scenario(_ name: String, selecting id: String? = nil) throws -> FrontEnd {
        let text = try String(contentsOfFile: BayouPanelTests.scenarioPath(name), encoding: .utf8)
        return try Fixtures.scripted(text, name: name, selecting: id).0
    }

    static func bayouRows(_ frontEnd: FrontEnd, _ size: Size) -> [String] {
        BayouPanelFitTests.bayouRows(frontEnd, size)
    }

    /// Steps `frontEnd` through its script with `n`, calling `check` after each step.
    static func play(_ frontEnd: inout FrontEnd, size: Size, check: (FrontEnd, Int) -> Void) {
        var steps = 0
        while frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle, steps < 400 {
            frontEnd.press(.character("n"), size: size)
            steps += 1
            check(frontEnd, steps)
        }
    }

    /// The selected node's block is shown, first, when not every block fits: at 80×24 one
    /// block fits, and the A–B session showed B's (or A's) beside "● 10 P" on the status line.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func theSelectedReplicaIsShownFirst(size: Size) throws {
        var frontEnd = try Self.scenario("bayou-lecture.ringside")
        var hidden = 0
        Self.play(&frontEnd, size: size) { frontEnd, step in
            let rows = Self.bayouRows(frontEnd, size)
            #expect(rows.count > 1 && rows[1].contains("▸ P 10 primary"), "step \(step): \(rows.joined(separator: "\n"))")
            if rows.last?.contains("not shown") == true { hidden += 1 }
        }
        #expect(hidden > 0, "some step hides a replica, and the footer counts it")
        // Another selection leads the panel in its turn.
        frontEnd.press(.tab, size: size)
        let rows = Self.bayouRows(frontEnd, size)
        #expect(rows[1].contains("▸ A 32"), "\(rows.joined(separator: "\n"))")
    }

    /// At 80×24 the block has one row beside its log: the vector showed one entry
    /// (`P: 7`, `A: 12`); each of P, A and B has an entry in every frame now.
    @Test func theVersionVectorIsWholeAt80x24() throws {
        let size = Size(width: 80, height: 24)
        for name in ["bayou-lecture.ringside", "meeting-room-commit.ringside", "partitioned-bayou.ringside"] {
            var frontEnd = try Self.scenario(name)
            let replicas = frontEnd.model.digest.nodesByID.map { frontEnd.model.world.state.name($0) }
            Self.play(&frontEnd, size: size) { frontEnd, step in
                let rows = Self.bayouRows(frontEnd, size)
                let body = rows.dropFirst().dropLast().joined(separator: " ")
                for replica in replicas {
                    #expect(body.contains(" \(replica):") || body.contains("\(replica): "),
                            "\(name) step \(step): no entry for \(replica) in \(rows.joined(separator: "\n"))")
                }
            }
        }
    }

    /// meeting-room-commit at 80×24: A's booking is wider than the block beside a vector,
    /// so the vector went on the one row the log had, and the log vanished without a mark.
    /// The log keeps its row (the newest write, after `↑N` when others are above) and the
    /// vector follows the header.
    @Test func aLogNeverVanishesAt80x24() throws {
        let size = Size(width: 80, height: 24)
        var frontEnd = try Self.scenario("meeting-room-commit.ringside")
        var writesSeen = 0
        Self.play(&frontEnd, size: size) { frontEnd, step in
            let rows = Self.bayouRows(frontEnd, size)
            guard rows.count >= 4, let selection = frontEnd.model.selection else { return }
            let log = frontEnd.model.world.bayouView(of: selection).log
            guard !log.isEmpty else { return }
            writesSeen += 1
            // The body row: the newest write, marked with the count above it.
            let newest = log[log.count - 1].notation
            let marker = log.count > 1 ? "↑\(log.count - 1) " : ""
            #expect(rows[2].contains("│ " + marker + String(newest.prefix(20))), "step \(step): \(rows.joined(separator: "\n"))")
            #expect(rows[1].contains("vv "), "step \(step): \(rows.joined(separator: "\n"))")
        }
        #expect(writesSeen > 0)
    }

    /// The 1,000-node scenario at 60×16: the panel keeps its frame, shows the selection and
    /// counts the rest; at 100×30 a replica without writes says `all: 0`, not a thousand zeros.
    @Test func aThousandNodesDoNotBreakThePanel() throws {
        var frontEnd = try Self.scenario("thousand-node-hops.ringside")
        for _ in 0..<3 { frontEnd.press(.character("n"), size: Size(width: 60, height: 16)) }
        let rows = Self.bayouRows(frontEnd, Size(width: 60, height: 16))
        #expect(rows.first?.contains("Bayou logs") == true, "\(rows)")
        #expect(rows.last?.contains("+999 not shown") == true, "\(rows)")
        #expect(rows.count < 2 || rows.dropFirst().first?.contains("▸") == true, "\(rows)")
        let wide = Self.bayouRows(frontEnd, Size(width: 100, height: 30))
        #expect(wide.contains { $0.contains("(empty log)") && $0.contains("all: 0") }, "\(wide.joined(separator: "\n"))")
        #expect(wide.last?.contains("not shown") == true)
    }

    /// Entries packed several to a line; what does not fit is counted, never cut mid-entry.
    @Test func packingCountsWhatIsLeftOut() {
        let entries = ["P:7", "A:12", "B:5"]
        #expect(ReplicaBlock.pack(entries, rows: 1, width: 12) == ["P:7 A:12 B:5"])
        #expect(ReplicaBlock.pack(entries, rows: 2, width: 8) == ["P:7 A:12", "B:5"])
        #expect(ReplicaBlock.pack(entries, rows: 1, width: 9) == ["P:7 +2"])
        #expect(ReplicaBlock.pack(entries, rows: 1, width: 3) == ["+3"])
        #expect(ReplicaBlock.pack(entries, rows: 1, width: 1) == ["…"])
        #expect(ReplicaBlock.pack(entries, rows: 2, width: 4) == ["P:7", "+2"])
        for width in 0...14 {
            for rows in 1...3 {
                for line in ReplicaBlock.pack(entries, rows: rows, width: width) {
                    #expect(TextWidth.of(line) <= max(width, 0), "width \(width) rows \(rows): \(line)")
                }
            }
        }
    }
}
