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
    }

    @Test func bTogglesItAndTheScreenHasNoDimCells() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "10")
        #expect(!frontEnd.model.isProjector)
        frontEnd.press(.character("b"))
        #expect(frontEnd.model.isProjector)
        let grid = frontEnd.render(size: Self.size, glyphs: .unicode)
        #expect(!grid.roles(in: grid.area).contains(.dim))
        let text = grid.text(in: grid.area).joined(separator: "\n")
        #expect(text.contains("Fingers of 10"))
        #expect(!text.contains("Bayou"))
        frontEnd.press(.character("b"))
        #expect(!frontEnd.model.isProjector)
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
