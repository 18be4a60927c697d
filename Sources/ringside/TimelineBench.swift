import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench timeline`: the memory of a run's checkpoints and the time of a jump to
/// any of its steps (the terminal view's time travel wants ≤ 50 ms).
struct TimelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Record S steps of the demo or of an N-node ring in a timeline, then jump to J random steps."
    )

    @Option(help: "Starting world: demo or ring.") var world: String = "demo"
    @Option(parsing: .unconditional, help: "Ring size for --world ring (1 to 100000).") var nodes: Int = 1000
    @Option(parsing: .unconditional, help: "Steps to record (1 to 1000000).") var steps: Int = 10_000
    @Option(parsing: .unconditional, help: "Random jumps to time (1 to 100000).") var jumps: Int = 200
    @Option(parsing: .unconditional, help: "Checkpoints kept at most (2 to 4096).") var checkpoints: Int = Timeline.defaultCheckpointLimit
    @Option(parsing: .unconditional, help: "PRNG seed.") var seed: UInt64 = 1

    func validate() throws {
        guard TimelineBenchmark.Start(rawValue: world) != nil else { throw ValidationError("--world must be demo or ring") }
        guard (1...100_000).contains(nodes) else { throw ValidationError("--nodes must be from 1 to 100000") }
        guard (1...1_000_000).contains(steps) else { throw ValidationError("--steps must be from 1 to 1000000") }
        guard (1...100_000).contains(jumps) else { throw ValidationError("--jumps must be from 1 to 100000") }
        guard (2...4096).contains(checkpoints) else { throw ValidationError("--checkpoints must be from 2 to 4096") }
    }

    func run() throws {
        let start = TimelineBenchmark.Start(rawValue: world) ?? .demo
        let clock = ContinuousClock()
        var timeline = Timeline(world: TimelineBenchmark.world(start, nodes: nodes, seed: seed),
                                checkpointLimit: checkpoints)
        let before = ResidentMemory.currentBytes()
        let recordTime = clock.measure { TimelineBenchmark.record(&timeline, steps: steps, seed: seed) }
        let after = ResidentMemory.currentBytes()
        var times: [Double] = []
        for target in TimelineBenchmark.jumpTargets(count: jumps, steps: steps, seed: seed) {
            times.append(clock.measure { timeline.goTo(step: target) }.seconds * 1000)
        }
        // The terminal view's usual move: one step back at a time from the newest.
        timeline.goTo(step: steps)
        var backTimes: [Double] = []
        for _ in 0..<min(jumps, steps) {
            backTimes.append(clock.measure { timeline.stepBack() }.seconds * 1000)
        }
        times.sort()
        backTimes.sort()
        let count = timeline.checkpointSteps.count
        let grown = max(0, after - before)
        let fields: [(String, String)] = [
            ("world", "\"\(start.rawValue)\""),
            ("nodes", String(timeline.world.state.count)),
            ("steps", String(timeline.stepCount)),
            ("checkpoints", String(count)),
            ("checkpointInterval", String(timeline.checkpointInterval)),
            ("recordSeconds", format(recordTime.seconds, 3)),
            ("residentGrowthBytes", String(grown)),
            ("bytesPerCheckpoint", String(grown / max(1, count))),
            ("jumpMeanMs", format(times.reduce(0, +) / Double(times.count), 3)),
            ("jumpP99Ms", format(percentile(times, 99), 3)),
            ("jumpMaxMs", format(times.last ?? 0, 3)),
            ("stepBackMaxMs", format(backTimes.last ?? 0, 3)),
            ("replayDiverged", timeline.replayDivergence == nil ? "false" : "true"),
            ("peakRSSBytes", String(PeakMemory.residentBytes())),
        ]
        printJSONLine(fields)
    }

    private func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}

/// Resident set size now, from /proc/self/statm (Linux; 0 elsewhere).
enum ResidentMemory {
    static func currentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
