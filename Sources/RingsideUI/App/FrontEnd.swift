/// The model wired to an engine: events in, requests out, reports back in.
///
/// The terminal drives it with keys and ticks from its run loop; tests drive it with a
/// `SynchronousEngine` and read the screen with `render`. It owns no terminal.
public struct FrontEnd {
    public private(set) var model: AppModel
    public let engine: any EngineDriver
    /// Where the scenario menu (`o`) finds its scripts.
    public let scenarios: any ScenarioLibrary

    /// The model and where its requests go; call `start` before the first event.
    public init(model: AppModel, engine: any EngineDriver, scenarios: any ScenarioLibrary = ScenarioFolder.standard()) {
        self.model = model
        self.engine = engine
        self.scenarios = scenarios
    }

    /// Asks the engine to run the script's opening statements.
    public mutating func start(now: Int64 = 0) {
        dispatch(model.start(), now: now)
        collectReports(size: .zero, now: now)
    }

    /// Takes in finished reports, then `event` if any. Returns false when the user quits.
    @discardableResult
    public mutating func handle(_ event: AppEvent?, size: Size, now: Int64) -> Bool {
        collectReports(size: size, now: now)
        guard let event else { return true }
        let effects = model.update(event, size: size, now: now)
        let keepRunning = dispatch(effects, now: now)
        // An inline engine has already answered: show its report in this same frame.
        collectReports(size: size, now: now)
        return keepRunning
    }

    /// A key, as tests and the terminal deliver them.
    @discardableResult
    public mutating func press(_ key: Key, size: Size = Size(width: 120, height: 40), now: Int64 = 0) -> Bool {
        handle(.key(key), size: size, now: now)
    }

    /// The glyphs frames are drawn with (the terminal's): the help's scroll limit is
    /// measured with them, since an ASCII legend has other lines than a Unicode one.
    public mutating func useGlyphs(_ glyphs: Glyphs) {
        model.glyphs = glyphs
    }

    /// How soon the next tick is wanted (nil: sleep until a key).
    public var tickMilliseconds: Int? { model.tickMilliseconds }

    /// The frame for `size` (see `AppView.render`).
    public func render(size: Size, glyphs: Glyphs) -> Grid {
        AppView.render(model, size: size, glyphs: glyphs)
    }

    private mutating func collectReports(size: Size, now: Int64) {
        for report in engine.takeReports() {
            _ = model.update(.engine(report), size: size, now: now)
        }
    }

    @discardableResult
    private mutating func dispatch(_ effects: [AppEffect], now: Int64) -> Bool {
        var keepRunning = true
        for effect in effects {
            switch effect {
            case let .engine(request): engine.send(request)
            case .listScenarios: model.showScenarios(scenarios.list())
            case let .playScenario(file):
                // The model is started afresh only once the file could be read.
                if let bytes = scenarios.read(file) {
                    dispatch(model.play(file, bytes: bytes), now: now)
                } else {
                    model.cannotRead(file)
                }
            case .quit: keepRunning = false
            }
        }
        return keepRunning
    }
}
