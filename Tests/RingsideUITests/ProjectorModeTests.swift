import RingsideSimulation
import Testing
@testable import RingsideUI

/// Projector mode (`--big`, `b`; issue 8, item 7): fewer, larger panels, a taller events
/// panel, high contrast.
@Suite struct ProjectorModeTests {
    static let size = Size(width: 120, height: 40)

    @Test func theLayoutHasFewerLargerPanelsAndTallerEvents() {
        let usual = ScreenLayout(size: Self.size)
        let big = ScreenLayout(size: Self.size, projector: true)
        #expect(big.events.height > usual.events.height)
        #expect(big.ring.width > usual.ring.width)
        #expect(big.bayou.isEmpty)
        #expect(!big.fingers.isEmpty)
        // With Bayou the newest work, the Bayou logs take the finger table's place, and half
        // the width (their lines are long).
        let bayou = ScreenLayout(size: Self.size, projector: true, projectorBayou: true)
        #expect(bayou.fingers.isEmpty)
        #expect(bayou.bayou.width >= Self.size.width / 2 - 1)
        #expect(bayou.events == big.events)
        #expect(ScreenLayout(size: Self.size, projectorBayou: true) == usual)
    }

    @Test func bTogglesItAndTheScreenHasNoDimCells() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "10")
        #expect(!frontEnd.model.isProjector)
        frontEnd.press(.character("b"))
        #expect(frontEnd.model.isProjector)
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        #expect(!grid.roles(in: grid.area).contains(.dim))
        let text = grid.text(in: grid.area).joined(separator: "\n")
        // The demo's newest work is its five Bayou writes: the Bayou logs beside the ring.
        #expect(text.contains("Bayou logs"))
        #expect(!text.contains("Fingers of"))
        frontEnd.press(.character("b"))
        #expect(!frontEnd.model.isProjector)
        let usual = frontEnd.render(size: Self.size, glyphs: .unicode).text(in: Rect(size: Self.size)).joined(separator: "\n")
        #expect(usual.contains("Fingers of 10") && usual.contains("Bayou logs"))
    }

    /// User test: `--big` on bayou-lecture drew the ring and the finger table only, so a
    /// teacher saw no Bayou log at all. While Bayou is the newest work (here, every step
    /// of the script), the Bayou logs are beside the ring.
    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func aBayouScenarioShowsTheBayouLogs(size: Size) throws {
        var frontEnd = try BayouPanelSmallScreenTests.scenario("bayou-lecture.ringside")
        frontEnd.press(.character("b"), size: size)
        #expect(frontEnd.model.isProjector)
        func screen() -> String { frontEnd.render(size: size, glyphs: .unicode).text(in: Rect(size: size)).joined(separator: "\n") }
        #expect(screen().contains("Bayou logs"), "\(screen())")
        #expect(!screen().contains("Fingers of"))
        BayouPanelSmallScreenTests.play(&frontEnd, size: size) { frontEnd, step in
            let text = frontEnd.render(size: size, glyphs: .unicode).text(in: Rect(size: size)).joined(separator: "\n")
            #expect(text.contains("Bayou logs ·") && text.contains("▸ P 10"), "step \(step): \(text)")
        }
    }

    /// A lookup is Chord's work: the finger table comes back beside the ring (its `lookup
    /// 15 here` is what the hops need); a write brings the Bayou logs again, and going back
    /// in time before the lookup shows what that step showed.
    @Test func theNewestWorkChoosesThePanel() throws {
        let size = Self.size
        var frontEnd = try BayouPanelSmallScreenTests.scenario("bayou-lecture.ringside")
        frontEnd.press(.character("b"), size: size)
        func screen() -> String { frontEnd.render(size: size, glyphs: .unicode).text(in: Rect(size: size)).joined(separator: "\n") }
        func run(_ line: String) {
            frontEnd.press(.character(":"), size: size)
            frontEnd.type(line)
            frontEnd.press(.enter, size: size)
            for _ in 0..<400 where !frontEnd.model.world.isIdle || frontEnd.model.requestsOutstanding > 0 {
                frontEnd.press(.character("n"), size: size)
            }
        }
        for _ in 0..<400 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"), size: size)
        }
        #expect(screen().contains("Bayou logs"))
        run("lookup 15 from P")
        #expect(screen().contains("Fingers of"), "\(screen())")
        #expect(!screen().contains("Bayou logs"))
        run("write A put Z 1")
        #expect(screen().contains("Bayou logs"), "\(screen())")
        #expect(!screen().contains("Fingers of"))
        frontEnd.press(.character("u"), size: size)
        frontEnd.press(.character("u"), size: size)
        #expect(screen().contains("Fingers of"), "back before the write: \(screen())")
    }

    @Test func theFlagStartsInProjectorMode() {
        let model = AppModel(world: World(), projector: true)
        #expect(model.isProjector)
        for width in [60, 80, 200] {
            for height in [16, 24, 60] {
                let grid = AppView.render(model, size: Size(width: width, height: height), glyphs: .ascii)
                #expect(grid.size == Size(width: width, height: height))
            }
        }
    }

    /// A scenario chosen from the menu keeps projector mode.
    @Test func aScenarioFromTheMenuKeepsProjectorMode() throws {
        var (frontEnd, _) = try Fixtures.demo()
        frontEnd.press(.character("b"))
        let file = ScenarioFile(name: "tiny.ringside", path: "/nowhere", caption: nil)
        _ = frontEnd.model  // the model plays the bytes the front end read
        var model = frontEnd.model
        let effects = model.play(file, bytes: Array("bits 7\nadd 10 32".utf8))
        #expect(model.isProjector)
        #expect(model.title == "tiny.ringside")
        #expect(effects == [.engine(.load(name: "tiny.ringside", bytes: Array("bits 7\nadd 10 32".utf8)))])
    }
}
