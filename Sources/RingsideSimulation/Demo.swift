/// The built-in demo `ringside` opens with no arguments: the lecture ring, whose nodes are
/// also Bayou replicas with a few writes in flight.
public enum Demo {
    public static let script = """
        # Ringside's built-in demo: the lecture ring (m = 7); nodes 10, 32 and 60 are also the
        # Bayou replicas P, A and B of the lecture's example, with its five writes.
        bits 7
        seed 1
        successors 3
        add P=10 A=32 B=60 90 105 120
        store 15 40 70 100
        primary P
        write P put X 4 at 1
        write P put Y 8 at 7
        write B put Z 8 at 5
        write A put X 3 at 7
        write A put Y 4 at 12
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
