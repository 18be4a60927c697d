/// Runs a whole script headless: line by line, so everything before an error has happened
/// (and been printed) when the error stops the run.
public struct ScriptRunner {
    public private(set) var world: World
    public init(world: World = World()) {
        self.world = world
    }

    /// Executes `bytes` as a script; each output goes to `emit` as soon as it exists.
    public mutating func run(
        bytes: [UInt8], afterEachCommand: (World) -> Void = { _ in }, emit: (ScriptOutput) -> Void
    ) throws(ScriptError) {
        try ScriptSource.forEachLine(in: bytes) { (number, line) throws(ScriptError) in
            guard let statement = try Parser.parse(line: Substring(line), number: number) else { return }
            let outputs = try world.execute(statement)
            afterEachCommand(world)
            for output in outputs { emit(output) }
        }
    }
}
