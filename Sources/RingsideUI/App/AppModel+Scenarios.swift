import RingsideSimulation

/// The scenario menu's state: what the folder held when it opened, and the choice.
public struct ScenarioMenu: Hashable, Sendable {
    public var listing: ScenarioListing
    public var selected = 0
    /// The first row shown.
    public var scroll = 0

    mutating func move(by offset: Int) {
        guard !listing.files.isEmpty else { return }
        selected = min(listing.files.count - 1, max(0, selected + offset))
    }

    mutating func scrollToSelection(rows: Int) {
        guard rows > 0 else { return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
    }
}

/// The scenario menu (`o`): Assets/scenarios, each file with its first caption; Enter
/// plays the chosen one from its start in place of the current script.
extension AppModel {
    /// Handles a scenario-menu action; nil for any other action.
    mutating func performScenarioMenu(_ action: Action, size: Size) -> [AppEffect]? {
        switch action {
        case .scenarios:
            if overlay == .scenarios {
                closeScenarioMenu()
                return []
            }
            return [.listScenarios]
        case .scenarioUp, .scenarioDown:
            scenarioMenu?.move(by: action == .scenarioUp ? -1 : 1)
            scenarioMenu?.scrollToSelection(rows: ScenarioMenuPanel.rows(in: ScreenLayout(size: size, bits: world.space.bits)))
            return []
        case .closeScenarios:
            closeScenarioMenu()
            status = nil
            return []
        case .playScenario:
            guard let menu = scenarioMenu, menu.listing.files.indices.contains(menu.selected) else {
                closeScenarioMenu()
                return []
            }
            return [.playScenario(menu.listing.files[menu.selected])]
        default:
            return nil
        }
    }

    /// Opens the menu on `listing`, or says why there is nothing to pick.
    mutating func showScenarios(_ listing: ScenarioListing) {
        if let problem = listing.problem, listing.files.isEmpty {
            fail(problem)
            return
        }
        isHelpVisible = false
        var menu = ScenarioMenu(listing: listing)
        // The script playing now is the one chosen first, when it is listed.
        if let index = listing.files.firstIndex(where: { $0.name == title }) { menu.selected = index }
        scenarioMenu = menu
        overlay = .scenarios
        status = StatusMessage("\u{2191}\u{2193} pick a scenario, Enter plays it from the start, Esc closes")
    }

    /// A fresh model for `file`, keeping the speed and keys; the engine loads the script.
    mutating func play(_ file: ScenarioFile, bytes: [UInt8]) -> [AppEffect] {
        var fresh = AppModel(world: World(), title: file.name, speed: speed, keyMap: keyMap, projector: isProjector)
        fresh.now = now
        fresh.requestsOutstanding = requestsOutstanding + 1
        fresh.note("\u{203A} scenario \(file.name)", role: .key)
        fresh.status = StatusMessage("playing \(file.name): n steps, Space plays, o picks another")
        self = fresh
        return [.engine(.load(name: file.name, bytes: bytes))]
    }

    mutating func cannotRead(_ file: ScenarioFile) {
        closeScenarioMenu()
        fail("cannot read \(file.path)")
    }

    private mutating func closeScenarioMenu() {
        scenarioMenu = nil
        if overlay == .scenarios { overlay = nil }
    }
}
