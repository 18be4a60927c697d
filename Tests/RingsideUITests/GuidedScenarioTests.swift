import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// Guided scenarios in the terminal view (issue 8, item 5): captions that stay, and the
/// scenario menu `o`.
@Suite struct GuidedScenarioTests {
    static let size = Size(width: 120, height: 40)

    static var scenarioFolder: String {
        URL(fileURLWithPath: BayouPanelTests.scenarioPath("x")).deletingLastPathComponent().path
    }

    private func promptLine(_ frontEnd: FrontEnd) -> String {
        let layout = ScreenLayout(size: Self.size, bits: frontEnd.model.world.space.bits)
        return frontEnd.render(size: Self.size, glyphs: .unicode).text(in: layout.promptLine).joined()
    }

    // MARK: Captions

    /// A `pause` keeps the caption on screen beside the pause notice; stepping, notes and
    /// status messages leave it there until the next `say`.
    @Test func aCaptionStaysUntilTheNextCaption() throws {
        var (frontEnd, _) = try Fixtures.scripted("""
            bits 7
            add 10 32 60 90 105 120
            say predict the route of key 15 from 90
            pause
            lookup 15 from 90
            stabilize
            say the owner is 32
            """)
        #expect(frontEnd.model.isWaitingAtPause)
        #expect(promptLine(frontEnd).contains("predict the route of key 15 from 90"))
        #expect(promptLine(frontEnd).contains("press n"))
        frontEnd.press(.character("n"))  // past the pause
        for _ in 0..<3 { frontEnd.press(.character("n")) }
        #expect(!frontEnd.model.world.isIdle || frontEnd.model.scriptRemaining > 0)
        #expect(promptLine(frontEnd).contains("predict the route of key 15 from 90"))
        frontEnd.press(.character("Y"))  // an unbound key: a status message, not a caption
        #expect(promptLine(frontEnd).contains("predict the route of key 15 from 90"))
        for _ in 0..<300 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
        }
        #expect(promptLine(frontEnd).contains("the owner is 32"))
        #expect(!promptLine(frontEnd).contains("predict"))
    }

    /// A pause with no caption before it still says so.
    @Test func aPauseWithoutACaptionSaysItWaits() throws {
        let (frontEnd, _) = try Fixtures.scripted("bits 7\nadd 10 32\npause\nlookup 15 from 10")
        #expect(promptLine(frontEnd).contains("paused by the script"))
    }

    // MARK: The scenario menu

    @Test func firstCaptionIsTheFirstSay() {
        let text = "# say not this\nbits 7\n  say   hello world  # a comment\nsay later"
        #expect(ScenarioFile.firstCaption(in: Array(text.utf8)) == "hello world")
        #expect(ScenarioFile.firstCaption(in: Array("bits 7\nsaying 3".utf8)) == nil)
    }

    @Test func theFolderListsEveryScenarioWithItsFirstCaption() throws {
        let listing = ScenarioFolder(candidates: ["/nonexistent/Assets/scenarios", Self.scenarioFolder]).list()
        #expect(listing.problem == nil)
        #expect(listing.folder == Self.scenarioFolder)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.scenarioFolder)
            .filter { $0.hasSuffix(".ringside") }.sorted()
        #expect(listing.files.map(\.name) == names)
        let fingers = try #require(listing.files.first { $0.name == "successor-vs-fingers.ringside" })
        let text = try String(contentsOfFile: fingers.path, encoding: .utf8)
        let firstSay = try #require(text.split(separator: "\n").first { $0.hasPrefix("say ") })
        #expect(fingers.caption == String(firstSay.dropFirst(4)).trimmingCharacters(in: .whitespaces))
    }

    private func frontEnd(folder: String) throws -> FrontEnd {
        let world = World()
        let script = try ScenarioScript(name: "demo", text: Demo.script)
        let engine = SynchronousEngine(core: EngineCore(world: world, script: script))
        var frontEnd = FrontEnd(model: AppModel(world: world, title: "demo"), engine: engine,
                                scenarios: ScenarioFolder(candidates: [folder]))
        frontEnd.start()
        return frontEnd
    }

    @Test func oOpensTheMenuAndEnterPlaysTheChosenScenario() throws {
        var frontEnd = try frontEnd(folder: Self.scenarioFolder)
        frontEnd.press(.character("o"))
        #expect(frontEnd.model.overlay == .scenarios)
        let menu = try #require(frontEnd.model.scenarioMenu)
        let screen = frontEnd.screen(Self.size).joined(separator: "\n")
        #expect(screen.contains("Scenarios"))
        #expect(screen.contains("bayou-lecture.ringside"))
        let target = try #require(menu.listing.files.firstIndex { $0.name == "finger-table-80.ringside" })
        for _ in 0..<target { frontEnd.press(.down) }
        #expect(frontEnd.model.scenarioMenu?.selected == target)
        frontEnd.press(.enter)
        #expect(frontEnd.model.overlay == nil)
        #expect(frontEnd.model.title == "finger-table-80.ringside")
        // The scenario's own opening ran on a fresh world: it selects node 80.
        #expect(frontEnd.model.selection.map { frontEnd.model.world.commandReference($0) } == "80")
        #expect(frontEnd.model.world.space.bits == 7)
        #expect(frontEnd.screen(Self.size).contains { $0.contains("Fingers of 80") })
    }

    @Test func escOrOClosesTheMenu() throws {
        var frontEnd = try frontEnd(folder: Self.scenarioFolder)
        frontEnd.press(.character("o"))
        frontEnd.press(.escape)
        #expect(frontEnd.model.overlay == nil)
        frontEnd.press(.character("o"))
        frontEnd.press(.character("o"))
        #expect(frontEnd.model.overlay == nil)
        #expect(frontEnd.model.title == "demo")
    }

    @Test func aMissingFolderSaysSo() throws {
        var frontEnd = try frontEnd(folder: "/nonexistent/Assets/scenarios")
        frontEnd.press(.character("o"))
        #expect(frontEnd.model.overlay == nil)
        #expect(frontEnd.model.status?.isError == true)
        #expect(frontEnd.model.status?.text.contains("Assets/scenarios") == true)
    }
}

/// Golden screens of the scenario menu at the three lecture sizes. The folder is given
/// as `swift test` sees it from the package root, so the title reads the same everywhere.
@Suite struct ScenarioMenuScreenTests {
    private func menuOpen() throws -> FrontEnd {
        let world = World()
        let engine = SynchronousEngine(core: EngineCore(world: world, script: try ScenarioScript(name: "demo", text: Demo.script)))
        let folder = FileManager.default.fileExists(atPath: "Assets/scenarios") ? "Assets/scenarios" : GuidedScenarioTests.scenarioFolder
        var frontEnd = FrontEnd(model: AppModel(world: world, title: "demo"), engine: engine,
                                scenarios: ScenarioFolder(candidates: [folder]))
        frontEnd.start()
        frontEnd.press(.character("o"))
        frontEnd.press(.down)
        return frontEnd
    }

    /// User test at 120×40: the Fingers and Bayou borders showed at the menu's right edge
    /// (`│─┘`, `│─┐`). The margin round the menu is cleared with it.
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func nothingShowsThroughTheMenusMargin(width: Int, height: Int) throws {
        let size = Size(width: width, height: height)
        let grid = try menuOpen().render(size: size, glyphs: .unicode)
        let layout = ScreenLayout(size: size)
        let menu = ScenarioMenuPanel.area(in: layout)
        let main = ScenarioMenuPanel.covered(in: layout)
        for y in main.minY..<main.maxY {
            for x in main.minX..<main.maxX where !menu.contains(x: x, y: y) {
                #expect(grid[x: x, y: y]?.character == " ", "\(x),\(y)")
            }
        }
    }

    /// User test at 100×30: four scenarios were below the fold, and the frame said nothing.
    @Test func theFooterCountsTheScenariosOutOfView() throws {
        var frontEnd = try menuOpen()
        let size = Size(width: 100, height: 30)
        let count = try #require(frontEnd.model.scenarioMenu).listing.files.count
        let rows = ScenarioMenuPanel.rows(in: ScreenLayout(size: size))
        try #require(count > rows)
        var lines = frontEnd.screen(size)
        #expect(lines.contains { $0.contains("\u{2193} \(count - rows) more") }, "\(lines.joined(separator: "\n"))")
        for _ in 0..<count { frontEnd.press(.down, size: size) }
        lines = frontEnd.screen(size)
        #expect(lines.contains { $0.contains("\u{2191} \(count - rows) more") && !$0.contains("\u{2193}") })
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func scenarioMenu(width: Int, height: Int) throws {
        let lines = try menuOpen().screen(Size(width: width, height: height))
        #expect(lines.contains { $0.contains("consecutive-failures.ringside") })
        let stored: String
        switch width {
        case 80: stored = Snapshots.scenarioMenu80x24
        case 120: stored = Snapshots.scenarioMenu120x40
        default: stored = Snapshots.scenarioMenu200x60
        }
        Snapshot.assert(lines, matches: stored, named: "scenarioMenu\(width)x\(height)")
    }
}
