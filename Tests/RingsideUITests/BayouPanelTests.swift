import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

@Suite struct BayouPanelTests {
    /// The lecture's replicas P, A, B (P the primary) as script commands.
    static let lectureSetup = ["bits 7", "add P=10 A=32 B=60", "primary P"]
    static let lectureWrites = [
        "write P put X 4 at 1", "write P put Y 8 at 7", "write B put Z 8 at 5",
        "write A put X 3 at 7", "write A put Y 4 at 12",
    ]

    private func render(_ model: AppModel, width: Int = 96, height: Int = 14) -> Grid {
        var grid = Grid(width: width, height: height)
        BayouPanel(model: model, glyphs: .unicode).render(into: &grid, area: grid.area)
        return grid
    }

    /// The columns of the block whose header names `replica` (blocks sit side by side).
    private func block(_ replica: String, in grid: Grid) -> [String] {
        let header = grid.trimmed[1]
        guard let range = header.range(of: "▸ " + replica + " ") ?? header.range(of: replica + " ") else { return [] }
        let start = header.distance(from: header.startIndex, to: range.lowerBound)
        return grid.text(in: Rect(x: start, y: 1, width: 25, height: grid.height - 2))
    }

    /// Before any write every replica of a small ring shows, its version vector whole:
    /// an entry per replica, each 0 (`P: 7` alone beside a log read as a vector cut short).
    @Test func replicasWithoutWritesShowEmptyLogsAndZeroVectors() throws {
        let grid = render(try Fixtures.model(Self.lectureSetup, selecting: "10"))
        let lines = grid.trimmed
        #expect(lines[0].hasPrefix("┌─ Bayou logs · primary P "))
        #expect(lines[1].contains("P 10 primary"))
        #expect(lines[1].contains("A 32"))
        #expect(lines[1].contains("B 60"))
        let p = block("P", in: grid)
        #expect(p.contains { $0.contains("(empty log)") })
        let vector = p.joined(separator: " ")
        for name in ["P", "A", "B"] {
            #expect(vector.contains("\(name):0") || vector.contains("\(name): 0"), "\(p)")
        }
        #expect(p.contains { $0.contains("db empty") })
    }

    /// Issue 8: Tab to 105 in the demo (6 nodes, P A B hold writes): its replica shows,
    /// beside those with writes, and the panel scrolls to it on a small screen.
    @Test func thePanelFollowsTheSelection() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "105")
        let size = Size(width: 100, height: 30)
        let layout = ScreenLayout(size: size, bits: frontEnd.model.world.space.bits)
        let panel = frontEnd.render(size: size, glyphs: .unicode).text(in: layout.bayou)
        #expect(panel.contains { $0.contains("▸ N105") })
        // A ring of 6 shows every replica, writer or not; what does not fit is counted.
        let shown = panel.reduce(0) { $0 + $1.components(separatedBy: "clock ").count - 1 }
        let hidden = panel.last.flatMap { $0.split(separator: "+").last?.split(separator: " ").first }.flatMap { Int($0) } ?? 0
        #expect(shown + hidden == 6, "\(panel)")
        frontEnd.select("10")
        #expect(frontEnd.render(size: size, glyphs: .unicode).text(in: layout.bayou).contains { $0.contains("▸ P 10") })
    }

    /// Issue 8: in the Bayou lecture at 100×30 (two replicas fit) the replicas just
    /// written or synced are the ones shown; before, B's write was "+1 not shown".
    @Test func theLectureShowsTheReplicasJustChangedAt100x30() throws {
        let text = try String(contentsOfFile: Self.scenarioPath("bayou-lecture.ringside"), encoding: .utf8)
        var (frontEnd, _) = try Fixtures.scripted(text, name: "bayou-lecture.ringside")
        let size = Size(width: 100, height: 30)
        func headers() -> String {
            let layout = ScreenLayout(size: size, bits: frontEnd.model.world.space.bits)
            return frontEnd.render(size: size, glyphs: .unicode).text(in: layout.bayou).joined(separator: "\n")
        }
        var steps = 0
        while frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle, steps < 400 {
            frontEnd.press(.character("n"), size: size)
            steps += 1
            let model = frontEnd.model
            func shown(_ node: NodeIndexValue) -> Bool {
                headers().contains(" \(model.world.state.name(node)) \(model.world.state.id(node))")
            }
            // Two replicas fit side by side: at least one the step changed shows (both for a sync's pair).
            #expect(model.bayouFocus.isEmpty || model.bayouFocus.contains(where: shown), "step \(steps)")
            if model.caption?.hasPrefix("Write after anti-entropy") == true {
                #expect(shown(try #require(model.world.state.index(ofName: "B"))), "B just wrote D(Y) \(model.bayouFocus) \(steps) \(headers())")
            }
        }
        #expect(frontEnd.model.scriptRemaining == 0)
    }

    /// Issue 8: "rollbacks are only text": in the lecture at 100×30 the entries a
    /// rollback redid flash on screen (the replica rolled back is the one shown).
    @Test func theLecturesRollbacksFlashOnScreen() throws {
        let text = try String(contentsOfFile: Self.scenarioPath("bayou-lecture.ringside"), encoding: .utf8)
        var (frontEnd, _) = try Fixtures.scripted(text, name: "bayou-lecture.ringside")
        let size = Size(width: 100, height: 30)
        var flashes = 0
        var now: Int64 = 0
        for _ in 0..<400 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            now += 2 * AppModel.flashMillis  // each step well after the last flash ended
            frontEnd.press(.character("n"), size: size, now: now)
            guard !frontEnd.model.flashUntil.isEmpty else { continue }
            let layout = ScreenLayout(size: size, bits: frontEnd.model.world.space.bits)
            #expect(frontEnd.render(size: size, glyphs: .unicode).roles(in: layout.bayou).contains(.flash), "\(frontEnd.model.flashUntil) \(frontEnd.model.bayouFocus) \(frontEnd.render(size: size, glyphs: .unicode).text(in: layout.bayou).joined(separator: "\n"))")
            flashes += 1
        }
        #expect(flashes > 0)
    }

    /// One report can change every replica (N finishes a sync and a commit): the one
    /// the newest Bayou event is about stays in view, here the committing primary.
    @Test func theNewestChangeStaysInView() throws {
        let text = try String(contentsOfFile: Self.scenarioPath("bayou-lecture.ringside"), encoding: .utf8)
        var (frontEnd, _) = try Fixtures.scripted(text, name: "bayou-lecture.ringside", selecting: "32")
        let size = Size(width: 100, height: 30)
        frontEnd.press(.character(":"), size: size)
        frontEnd.type("sync P A")
        frontEnd.press(.enter, size: size)
        frontEnd.press(.character("c"), size: size)
        frontEnd.press(.character("N"), size: size)
        let layout = ScreenLayout(size: size, bits: frontEnd.model.world.space.bits)
        let panel = frontEnd.render(size: size, glyphs: .unicode).text(in: layout.bayou).joined(separator: "\n")
        #expect(panel.contains("P 10 primary"))
        #expect(panel.contains("1:1:P w(X,4)"))
    }

    /// The mouse wheel over the panel scrolls it by a row of replicas; Tab follows the
    /// selection again.
    @Test func theWheelScrollsThePanel() throws {
        var lines = Self.lectureSetup
        lines.append("add 70 80 90 100 110")
        for id in ["P", "A", "B", "70", "80", "90", "100", "110"] { lines.append("write \(id) put K \(id)") }
        var (frontEnd, _) = try Fixtures.scripted(lines.joined(separator: "\n"), selecting: "10")
        let size = Size(width: 100, height: 30)
        let layout = ScreenLayout(size: size, bits: frontEnd.model.world.space.bits)
        func panel() -> String { frontEnd.render(size: size, glyphs: .unicode).text(in: layout.bayou).joined(separator: "\n") }
        #expect(panel().contains("P 10"))
        #expect(panel().contains("not shown"))
        let wheel = MouseEvent(x: layout.bayou.x + 2, y: layout.bayou.y + 2, button: .scrollDown)
        for _ in 0..<8 { frontEnd.press(.mouse(wheel), size: size) }
        #expect(!panel().contains("P 10"))
        #expect(panel().contains("N110"))
        frontEnd.press(.tab, size: size)  // A: the panel follows the selection again
        #expect(panel().contains("▸ A 32"))
    }

    static func scenarioPath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assets/scenarios/\(name)").path
    }

    /// The slides' anti-entropy example: after A and B sync, both hold B's and A's
    /// writes in timestamp order; P has committed nothing yet.
    @Test
    func lectureExampleInSlideNotation() throws {
        var model = try Fixtures.model(Self.lectureSetup + Self.lectureWrites + ["sync A B"], selecting: "10")
        var grid = render(model)
        let p = block("P", in: grid), a = block("A", in: grid), b = block("B", in: grid)
        #expect(p.contains { $0.hasPrefix("∞:1:P w(X,4)") })
        #expect(p.contains { $0.hasPrefix("∞:7:P w(Y,8)") })
        for replica in [a, b] {
            let log = replica.filter { $0.hasPrefix("∞:") }.map { String($0.prefix(13)).trimmingBlanks() }
            #expect(log == ["∞:5:B w(Z,8)", "∞:7:A w(X,3)", "∞:12:A w(Y,4)"])
            #expect(replica.contains { $0.contains("A: 12") })
            #expect(replica.contains { $0.contains("B: 5") })
            #expect(replica.contains { $0.contains("db X=3 Y=4 Z=8") })
        }
        #expect(!grid.roles(in: grid.area).contains(.committed))
        #expect(grid.roles(in: grid.area).contains(.tentative))

        // The primary commits: its writes get CSNs 1 and 2 and turn bold above a rule.
        var world = model.world
        _ = try world.execute(line: "commit")
        model.world = world
        grid = render(model)
        let committed = block("P", in: grid)
        #expect(committed.contains { $0.hasPrefix("1:1:P w(X,4)") })
        #expect(committed.contains { $0.hasPrefix("2:7:P w(Y,8)") })
        #expect(grid.roles(in: grid.area).contains(.committed))
    }

    /// Anti-entropy P → B brings B committed writes that reorder its log: B's redone
    /// writes flash.
    @Test
    func redoneWritesFlash() throws {
        let script = (Self.lectureSetup + Self.lectureWrites + ["sync A B", "commit", "sync P B"]).joined(separator: "\n")
        var (frontEnd, _) = try Fixtures.scripted(script)
        for _ in 0..<200 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
        }
        let b = try #require(frontEnd.model.world.state.index(ofName: "B"))
        #expect(frontEnd.model.flashUntil[b] != nil)
        let grid = render(frontEnd.model, width: 96, height: 14)
        #expect(grid.roles(in: grid.area).contains(.flash))
    }

    /// Issue 8: a failed primary's header keeps its clock (`P 10 primary down  clock 7`).
    @Test func aFailedPrimarysHeaderIsWhole() throws {
        let model = try Fixtures.model(Self.lectureSetup + Self.lectureWrites + ["fail P"], selecting: "32")
        let grid = render(model)
        #expect(grid.trimmed[1].contains("P 10 primary down  clock 7"))
    }

    /// The slide "Primary respects causality": after A–B, a commit, D(Y) at B and P–B.
    @Test func goldenAfterThePrimaryBSession() throws {
        let script = Self.lectureSetup + Self.lectureWrites + ["sync A B", "commit", "write B delete Y", "sync P B"]
        let grid = render(try Fixtures.model(script, selecting: "10"), width: 96, height: 12)
        Snapshot.assert(grid.lines(), matches: Snapshots.bayouAfterPrimaryBSession, named: "bayouAfterPrimaryBSession")
    }

    /// User test: B's six writes showed as `… 4 earlier` and three writes, since the
    /// rule between committed and tentative writes was counted as one. At every height,
    /// the count plus the writes shown is the log's length.
    @Test func earlierCountsWritesNotTheRule() throws {
        let writes = ["write P put X 1", "write P put X 2", "write P put X 3", "commit",
                      "write P put Y 1", "write P put Y 2", "write P put Y 3"]
        let model = try Fixtures.model(Self.lectureSetup + writes, selecting: "10")
        var cut = 0
        for height in 5...12 {
            let p = block("P", in: render(model, width: 96, height: height))
            let shown = p.filter { $0.hasPrefix("∞:") || $0.hasPrefix("↑") || $0.first?.isNumber == true }.count
            let earlier = p.compactMap { line -> Int? in
                if line.hasPrefix("↑"), let count = line.dropFirst().split(separator: " ").first { return Int(count) }
                guard line.hasPrefix("… "), let count = line.dropFirst(2).split(separator: " ").first else { return nil }
                return Int(count)
            }.first ?? 0
            if earlier > 0 { cut += 1 }
            if shown == 1 && p.contains(where: { $0.hasPrefix("↑") }) {
                // One row for the log: the newest write itself after `↑5`, the count of
                // those above it (the db line shows their effect).
                #expect(p.contains { $0.hasPrefix("↑5 ∞:6:P w(Y,3)") }, "height \(height): \(p)")
            }
            #expect(shown + earlier == 6, "height \(height): \(p)")
        }
        #expect(cut > 2)
    }

    /// A database wider than its block says how many entries are left, after whole ones:
    /// converging-32's "db exam=friday lunch=12:30" was cut at the block's edge and read as
    /// a database of two keys, not four.
    @Test func aDatabaseTooWideSaysHowManyEntriesAreLeft() throws {
        let writes = ["write P put exam friday", "write P put lunch 12:30", "write P put room lab", "write P put slides v2"]
        let model = try Fixtures.model(Self.lectureSetup + writes, selecting: "10")
        let node = try #require(model.world.state.index(ofName: "P"))
        let block = ReplicaBlock(model: model, node: node, glyphs: .unicode)
        func text(_ width: Int) -> String { block.databaseSpans(width: width).map(\.text).joined() }
        #expect(text(80) == "exam=friday lunch=12:30 room=lab slides=v2")
        #expect(text(31) == "exam=friday lunch=12:30 +2 more")
        #expect(text(30) == "exam=friday +3 more")
        #expect(text(20) == "exam=friday +3 more")
        #expect(text(8) == "+4 more")
        #expect(text(5) == "…")
        for width in 0...60 { #expect(TextWidth.of(text(width)) <= max(width, 1), "width \(width)") }
    }

    /// At 80×24 a block has one row for its log: it showed "… 2 earlier" and no write at
    /// all, then `…` and the newest write, which did not say writes were hidden, nor how
    /// many: now `↑1` and the newest write, and the whole vector after it.
    @Test func aOneRowLogShowsTheNewestWrite() throws {
        let model = try Fixtures.model(Self.lectureSetup + ["write P put X 1", "write P put Y 2"], selecting: "10")
        let grid = render(model, width: 96, height: 5)
        let p = block("P", in: grid)
        #expect(p.count == 3, "\(p)")
        #expect(p[1].hasPrefix("↑1 ∞:2:P w(Y,2)"), "\(p)")
        #expect(!p.contains { $0.hasPrefix("… ") })
        #expect(grid.trimmed[2].contains("↑1 ∞:2:P w(Y,2)  P:2 A:0 B:0"), "\(grid.trimmed)")
    }

    /// User test: `bits 32`, `add alice bob carol` showed `▸ alice alice primary`: the
    /// ring labels such a node by its name, so the header names it once; a short id
    /// still follows a name (`P 10`).
    @Test func aHashedNameIsNotRepeated() throws {
        let model = try Fixtures.model(["bits 32", "add alice bob carol", "write alice put X 1"], selecting: "alice")
        let header = render(model).trimmed[1]
        #expect(header.contains("▸ alice primary  clock 1"), "\(header)")
        #expect(!header.contains("alice alice") && !header.contains("bob bob"))
        let lecture = render(try Fixtures.model(Self.lectureSetup, selecting: "10")).trimmed[1]
        #expect(lecture.contains("▸ P 10 primary"))
    }

    @Test func manyReplicasShowTheSelectionPrimaryAndNeighbours() throws {
        let model = UIBenchmark.model(nodes: 2000)
        let candidates = BayouPanel.candidates(in: model)
        #expect(candidates.count <= BayouPanel.allShownMax)
        #expect(candidates.first == model.selection)
        #expect(candidates.contains(try #require(model.world.primary)))
        let grid = render(model)
        #expect(grid.trimmed.last?.contains("not shown") == true)
    }
}
