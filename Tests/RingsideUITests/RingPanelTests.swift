import RingsideSimulation
import Testing
@testable import RingsideUI

@Suite struct RingPanelTests {
    let area = Rect(x: 0, y: 0, width: 46, height: 22)

    private func render(_ model: AppModel, glyphs: Glyphs = .unicode, width: Int? = nil) -> Grid {
        let area = Rect(x: 0, y: 0, width: width ?? self.area.width, height: self.area.height)
        var grid = Grid(size: area.size)
        RingPanel(model: model, glyphs: glyphs).render(into: &grid, area: area)
        return grid
    }

    @Test func lectureRingGolden() throws {
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "10")
        let grid = render(model)
        Snapshot.assert(grid.trimmed, matches: Snapshots.lectureRingPanel, named: "lectureRingPanel")
        // Every node is labelled with its id, and the stored keys are marked.
        let text = grid.lines().joined(separator: "\n")
        for id in ["10", "32", "60", "90", "105", "120"] {
            #expect(text.contains(id), "label \(id)")
        }
        #expect(text.filter { $0 == "●" }.count == 6)
        #expect(text.filter { $0 == "○" }.count == 4)
        #expect(grid.trimmed[0].hasPrefix("┌─ Ring · m=7 · 6 live "))
        // The selected node's successor arc (10 → 32) and its fingers stand out from the circle.
        var brailleRoles = Set<Role>()
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                guard let cell = grid[x: x, y: y], let scalar = cell.character.unicodeScalars.first,
                      (0x2800...0x28FF).contains(scalar.value) else { continue }
                brailleRoles.insert(cell.style.role)
            }
        }
        #expect(brailleRoles == [.border, .dim, .accent])
    }

    @Test func asciiRingUsesOnlyASCII() throws {
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "10")
        let grid = render(model, glyphs: .ascii)
        Snapshot.assert(grid.trimmed, matches: Snapshots.lectureRingPanelASCII, named: "lectureRingPanelASCII")
        let text = grid.lines().joined()
        #expect(text.allSatisfy { $0.isASCII })
    }

    @Test func nodesSitAtTheirAnglesClockwiseFromTheTop() throws {
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "10")
        let scene = RingScene(model: model, area: RingPanel.canvasArea(in: area), glyphs: .unicode)
        let byLabel = Dictionary(uniqueKeysWithValues: scene.marks.map { ($0.label, $0.cell) })
        let center = scene.cell(of: (Int(scene.center.x), Int(scene.center.y)))
        let n10 = try #require(byLabel["10"]), n32 = try #require(byLabel["32"])
        let n60 = try #require(byLabel["60"]), n90 = try #require(byLabel["90"])
        // 10 and 32 are in the upper right quarter, 60 just below the bottom, 90 on the left.
        #expect(n10.x > center.x && n10.y < center.y)
        #expect(n32.x > center.x && n32.y < n60.y)
        #expect(n60.y > center.y)
        #expect(n90.x < center.x)
        #expect(scene.bucketed == 0)
    }

    @Test func selectionFailureAndLookupAreStyled() throws {
        var model = try Fixtures.model(Fixtures.lectureRing + ["fail 105"], selecting: "90")
        var world = model.world
        let statement = try #require(try Parser.parse(line: "lookup 15 from 90", number: 1))
        _ = try world.begin(statement)
        _ = try world.step()
        _ = try world.step()
        model.world = world
        model.digest = WorldDigest(world)
        model.lookupFocus = 0
        let grid = render(model)
        let roles = grid.roles(in: area)
        #expect(roles.contains(.selected))
        #expect(roles.contains(.failed))
        #expect(roles.contains(.hopDone))
        #expect(roles.contains(.hopActive))
        #expect(grid.lines().joined().contains("✕"))
        #expect(grid.trimmed.last?.contains("lookup 15: 90 → 10 → …") == true)
    }

    @Test func bigRingsAggregateIntoBuckets() {
        let model = UIBenchmark.model(nodes: 2000)
        let scene = RingScene(model: model, area: RingPanel.canvasArea(in: area), glyphs: .unicode)
        #expect(scene.bucketed > 0)
        #expect(scene.marks.contains { $0.label.hasPrefix("×") })
        #expect(scene.marks.count < 100)
        // Every node is accounted for, in a bucket or on its own.
        let placed = scene.marks.reduce(0) { $0 + $1.nodes.count }
        #expect(placed == 2000)
    }

    @Test func zoomingShowsAnArcAroundTheSelection() {
        var model = UIBenchmark.model(nodes: 2000)
        let whole = RingScene(model: model, area: RingPanel.canvasArea(in: area), glyphs: .unicode)
        model.zoom = 6
        let zoomed = RingScene(model: model, area: RingPanel.canvasArea(in: area), glyphs: .unicode)
        let shown = zoomed.marks.reduce(0) { $0 + $1.nodes.count }
        #expect(shown < 2000 / 16)  // about 2000 / 64 nodes are in a 1/64 arc
        #expect(shown > 0)
        #expect(zoomed.bucketed < whole.bucketed)
        // The selection sits at the top.
        let selected = zoomed.marks.first { $0.isSelected }
        #expect(selected.map { abs($0.angle) < 0.2 } == true)
        let grid = render(model, width: 80)
        #expect(grid.trimmed[0].contains("zoom ×64"))
    }

    @Test func clickingALabelFindsItsNode() throws {
        let model = try Fixtures.model(Fixtures.lectureRing, selecting: "10")
        let scene = RingScene(model: model, area: RingPanel.canvasArea(in: area), glyphs: .unicode)
        for mark in scene.marks {
            #expect(scene.node(atX: mark.labelCell.x, y: mark.labelCell.y) == mark.nodes.first)
            #expect(scene.node(atX: mark.cell.x, y: mark.cell.y) == mark.nodes.first)
        }
        #expect(scene.node(atX: -5, y: -5) == nil)
    }

    @Test func wideIdentifiersAreAbbreviated() throws {
        let model = try Fixtures.model(["bits 160", "add alice bob carol dave"], selecting: nil)
        let grid = render(model)
        let text = grid.lines().joined(separator: "\n")
        for name in ["alice", "bob", "carol", "dave"] {
            #expect(text.contains(name), "\(name)")
        }
        let plain = try Fixtures.model(["bits 160", "add 1461501637330902918203684832716283019655932542975"], selecting: nil)
        #expect(render(plain).lines().joined().contains("14615…"))
    }
}

/// Labels on a crowded ring do not run into one another.
@Suite struct RingLabelTests {
    /// converging-32 at 120×40 drew "244252 AFA 12 B" above the top of the circle: four
    /// labels on one row, each over the last. Now no two labels share a cell or touch.
    @Test(arguments: [(120, 40), (200, 60), (80, 24), (160, 50)])
    func labelsOfThirtyTwoNodesDoNotOverlap(_ size: (Int, Int)) throws {
        let names = (0..<32).map { i in i < 26 ? String(UnicodeScalar(65 + i)!) : "A" + String(UnicodeScalar(65 + i - 26)!) }
        let add = "add " + names.enumerated().map { "\($1)=\(4 + 8 * $0)" }.joined(separator: " ")
        let model = try Fixtures.model(["bits 8", add], selecting: "4")
        let layout = AppView.layout(model, size: Size(width: size.0, height: size.1))
        let scene = RingScene(model: model, area: RingPanel.canvasArea(in: layout.ring), glyphs: .unicode)
        let labels = scene.marks.map { (y: $0.labelCell.y, x0: $0.labelCell.x, x1: $0.labelCell.x + TextWidth.of($0.label)) }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.y == b.y {
                #expect(a.x1 < b.x0 || b.x1 < a.x0, "\(size): labels at \(a) and \(b)")
            }
        }
    }
}
