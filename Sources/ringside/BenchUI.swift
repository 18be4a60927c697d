import ArgumentParser
import Foundation
import RingsideUI

/// `ringside bench ui`: frame times of the terminal view, measured without a terminal.
struct UIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Render F frames (model to grid, plus the diff a terminal would write) and print their times.",
        discussion: "Without --nodes it renders the built-in demo; with it, a random ring of N nodes."
    )

    @Option(parsing: .unconditional, help: "Nodes in a random ring (1 to 100000); omit for the built-in demo.") var nodes: Int?
    @Option(parsing: .unconditional, help: "Screen width in cells.") var width: Int = 200
    @Option(parsing: .unconditional, help: "Screen height in cells.") var height: Int = 60
    @Option(parsing: .unconditional, help: "Frames to render.") var frames: Int = 500
    @Option(help: "The main view: ring (ring, finger table, Bayou logs) space-time (the diagram of recent messages) or convergence (version vectors and plots over the run).")
    var view: String = "ring"
    @Option(name: .customLong("in-flight"), parsing: .unconditional, help: "Lookups started at once from nodes round the ring, so about this many messages are on the wire (0 to 10000).")
    var inFlight: Int = 0

    func validate() throws {
        if let nodes, !(1...100_000).contains(nodes) { throw ValidationError("--nodes must be from 1 to 100000") }
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--width and --height must be from 1 to 1000")
        }
        guard (1...1_000_000).contains(frames) else { throw ValidationError("--frames must be from 1 to 1000000") }
        guard (0...10_000).contains(inFlight) else { throw ValidationError("--in-flight must be from 0 to 10000") }
        guard mainView != nil else { throw ValidationError("--view must be ring, space-time or convergence") }
    }

    func run() throws {
        let model = UIBenchmark.model(nodes: nodes, view: mainView ?? .ring, inFlight: inFlight)
        let result = UIBenchmark.run(model: model, size: Size(width: width, height: height), frames: frames)
        let fields: [(String, String)] = [
            ("frames", String(result.frames)),
            ("nodes", String(result.nodes)),
            ("width", String(result.size.width)),
            ("height", String(result.size.height)),
            ("view", "\"\(view)\""),
            ("inFlight", String(result.inFlight)),
            ("medianFrameMillis", format(result.medianFrameMillis, 3)),
            ("p99FrameMillis", format(result.p99FrameMillis, 3)),
            ("convergenceSampleMillis", format(result.sampleMillis, 3)),
        ]
        printJSONLine(fields)
    }

    /// The `--view` value as a view ("space-time" is `MainView.spaceTime`).
    private var mainView: MainView? {
        switch view {
        case "ring": .ring
        case "space-time": .spaceTime
        case "convergence": .convergence
        default: nil
        }
    }
}
