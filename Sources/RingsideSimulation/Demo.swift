/// The built-in demo `ringside` opens with no arguments: the lecture ring, whose nodes are
/// also Bayou replicas with a few writes in flight.
public enum Demo {
    public static let script = """
        # Ringside's built-in demo: the lecture ring (m = 7) and Bayou writes at three replicas.
        bits 7
        seed 1
        successors 3
        add 10 32 60 90 105 120
        store 15 40 70 100
        primary 10
        write 10 put X 4 at 1
        write 10 put Y 8 at 7
        write 60 put Z 8 at 5
        write 32 put X 3 at 7
        write 32 put Y 4 at 12
        say Welcome to Ringside: press l to look up a key, n to step, ? for help
        """

    /// The demo world, fully run.
    public static func world() -> World {
        var runner = ScriptRunner()
        do {
            try runner.run(bytes: Array(script.utf8)) { _ in }
        } catch {
            // The demo is fixed text exercised by the tests; a failure here is a bug there.
            assertionFailure("demo script failed: \(error)")
        }
        return runner.world
    }
}
