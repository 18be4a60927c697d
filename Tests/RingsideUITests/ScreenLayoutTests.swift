import RingsideSimulation
import Testing
@testable import RingsideUI

@Suite struct ScreenLayoutTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
    /// A cell no panel ever draws, so any change outside a panel's rect shows.
    static let sentinel = Cell("§", style: Style(.flash, underline: true))

    /// Models that exercise every panel: the demo mid-lookup with help-worthy state, a
    /// 2,000-node ring, and 160-bit ids with names.
    static func models() throws -> [(String, AppModel)] {
        var (demo, _) = try Fixtures.demo(selecting: "90")
        demo.press(.character("l"))
        demo.type("15")
        demo.press(.enter)
        demo.press(.character("n"))
        demo.press(.character("n"))
        demo.press(.character("x"))
        let wide = try Fixtures.model(["bits 160", "add alice bob carol dave", "store k1 k2 k3", "fail bob"], selecting: "alice")
        return [("demo", demo.model), ("2000 nodes", UIBenchmark.model(nodes: 2000)), ("160 bits", wide)]
    }

    typealias PanelRenderer = (AppModel, inout Grid, Rect) -> Void

    static var panels: [(String, (ScreenLayout) -> Rect, PanelRenderer)] {[
        ("ring", \.ring, { RingPanel(model: $0, glyphs: .unicode).render(into: &$1, area: $2) }),
        ("fingers", \.fingers, { FingerTablePanel(model: $0, glyphs: .unicode).render(into: &$1, area: $2) }),
        ("bayou", \.bayou, { BayouPanel(model: $0, glyphs: .unicode).render(into: &$1, area: $2) }),
        ("events", \.events, { EventsPanel(model: $0, glyphs: .unicode).render(into: &$1, area: $2) }),
        ("prompt", \.promptLine, { AppView.renderPromptLine($0, into: &$1, area: $2, glyphs: .unicode) }),
        ("status", \.status, { AppView.statusLine($0, glyphs: .unicode).render(into: &$1, area: $2) }),
    ]}

    @Test(arguments: sizes)
    func panelsNeverWriteOutsideTheirRects(size: Size) throws {
        for (modelName, model) in try Self.models() {
            let layout = ScreenLayout(size: size, bits: model.world.space.bits)
            for (panelName, rectOf, render) in Self.panels {
                let rect = rectOf(layout)
                var grid = Grid(size: size, fill: Self.sentinel)
                render(model, &grid, rect)
                var outside = 0, inside = 0
                for y in 0..<size.height {
                    for x in 0..<size.width {
                        let cell = grid[x: x, y: y]
                        if rect.contains(x: x, y: y) {
                            if cell != Self.sentinel { inside += 1 }
                        } else if cell != Self.sentinel {
                            outside += 1
                        }
                    }
                }
                #expect(outside == 0, "\(panelName) wrote \(outside) cells outside \(rect) at \(size) (\(modelName))")
                #expect(inside > 0, "\(panelName) drew nothing at \(size) (\(modelName))")
            }
        }
    }

    @Test(arguments: sizes)
    func panelsTileTheScreen(size: Size) {
        let layout = ScreenLayout(size: size)
        #expect(!layout.isTooSmall)
        let panels = layout.panels
        for (i, a) in panels.enumerated() {
            #expect(Rect(size: size).intersection(a) == a, "\(a) leaves the screen")
            for b in panels[(i + 1)...] {
                #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b)")
            }
        }
        let covered = panels.reduce(0) { $0 + $1.area }
        #expect(covered == size.width * size.height)
    }

    /// The lecture ring on the smallest screen the layout is made for. (Chord only, so
    /// the golden does not change when Bayou's logs fill the demo's replicas.)
    @Test func theLectureScreenAt80x24() throws {
        let script = (Fixtures.lectureRing + ["seed 1", "say Welcome to Ringside: press l to look up a key, n to step, ? for help"])
            .joined(separator: "\n")
        let (frontEnd, _) = try Fixtures.scripted(script)
        let lines = frontEnd.screen(Size(width: 80, height: 24))
        Snapshot.assert(lines, matches: Snapshots.lectureScreen80x24, named: "lectureScreen80x24")
        #expect(lines.count == 24)
        #expect(lines[1].contains("k  start  interval"))
        #expect(lines[23].hasPrefix(" ‖ paused  2 msg/s  t=0  seed 1  ● 10"))
    }

    /// Without UTF-8 every panel, trace line and caption falls back to ASCII.
    @Test func asciiScreensAreASCII() throws {
        for (name, model) in try Self.models() {
            for size in Self.sizes {
                let text = AppView.render(model, size: size, glyphs: .ascii).lines().joined()
                let stray = text.filter { !$0.isASCII }
                #expect(stray.isEmpty, "\(name) at \(size): \(String(stray.prefix(20)))")
            }
        }
    }

    /// Every size from nothing to a very large terminal, on the demo: no trap, exact size.
    @Test func anySizeRendersOnTheDemo() throws {
        let (demo, _) = try Fixtures.demo(selecting: "90")
        var sizes: [Size] = []
        for width in stride(from: 0, through: 300, by: 7) {
            for height in stride(from: 0, through: 100, by: 9) { sizes.append(Size(width: width, height: height)) }
        }
        sizes += [Size(width: 59, height: 16), Size(width: 60, height: 15), Size(width: 60, height: 16),
                  Size(width: 1, height: 100), Size(width: 300, height: 1), Size(width: 300, height: 100)]
        for size in sizes {
            for glyphs in [Glyphs.unicode, .ascii] {
                let grid = demo.render(size: size, glyphs: glyphs)
                #expect(grid.size == size)
            }
        }
        let tooSmall = demo.screen(Size(width: 59, height: 16))
        #expect(tooSmall.contains { $0.contains("need 60×16, have 59×16") })
    }

    /// 2,000 nodes at a spread of sizes, each also zoomed and with help open.
    @Test func anySizeRendersWith2000Nodes() {
        var model = UIBenchmark.model(nodes: 2000)
        let sizes = [(0, 0), (1, 1), (60, 16), (61, 17), (80, 24), (97, 31), (120, 40), (149, 45), (150, 45),
                     (200, 60), (233, 71), (300, 100), (300, 16), (60, 100)]
        for (width, height) in sizes {
            let size = Size(width: width, height: height)
            model.zoom = 0
            #expect(AppView.render(model, size: size, glyphs: .unicode).size == size)
            model.zoom = 9
            #expect(AppView.render(model, size: size, glyphs: .ascii).size == size)
        }
        model.isHelpVisible = true
        #expect(AppView.render(model, size: Size(width: 120, height: 40), glyphs: .unicode).trimmed[0].hasPrefix("┌─ Keys"))
    }
}
