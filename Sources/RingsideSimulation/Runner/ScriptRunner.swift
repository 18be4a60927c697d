/// Runs a whole script headless: line by line, so everything before an error has happened
/// (and been printed) when the error stops the run.
public struct ScriptRunner {
    public private(set) var world: World
    public init(world: World = World()) {
        self.world = world
    }

    /// The events the world recorded and nobody took yet (after an error stopped a run,
    /// those of the failed command).
    public mutating func takeEvents() -> [SimulationEvent] {
        world.takeEvents()
    }

    /// Executes `bytes` as a script; each output goes to `emit` as soon as it exists.
    /// `afterEachCommand` sees the world in place, so it can drain its event log.
    public mutating func run(
        bytes: [UInt8], afterEachCommand: (inout World) -> Void = { _ in }, emit: (ScriptOutput) -> Void
    ) throws(ScriptError) {
        try ScriptSource.forEachLine(in: bytes) { (number, line) throws(ScriptError) in
            guard let statement = try Parser.parse(line: Substring(line), number: number) else { return }
            let outputs = try world.execute(statement)
            afterEachCommand(&world)
            for output in outputs { emit(output) }
        }
    }
}
