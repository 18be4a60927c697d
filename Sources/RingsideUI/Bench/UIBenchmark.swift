import RingsideKernel
import RingsideSimulation

/// `ringside bench ui`: how long a frame takes, from the model to a Grid and its diff
/// against the previous frame (what the terminal would write), with no terminal.
public enum UIBenchmark {
    public struct Result: Sendable {
        public var frames: Int
        public var nodes: Int
        public var size: Size
        public var medianFrameMillis: Double
        public var p99FrameMillis: Double
        /// Messages on the wire in the frames' world.
        public var inFlight: Int
        /// Median time of one convergence sample of the world: what every engine report
        /// costs the front end on top of its frame, in whichever view.
        public var sampleMillis: Double
    }

    /// A stabilized ring of `nodes` random ids placed with one `add`, some stored keys
    /// and a failed node: what a class sees on a big ring.
    public static func randomRing(nodes: Int, bits: Int = 32, seed: UInt64 = 1) -> World {
        var world = World(seed: seed)
        var rng = SplitMix64(seed: seed ^ 0xB16_B00B5)
        let space = IdentifierSpace(bits: bits)
        var seen = Set<Identifier>()
        var ids: [String] = []
        while ids.count < nodes {
            let id = rng.identifier(in: space)
            if seen.insert(id).inserted { ids.append(id.description) }
        }
        let keys = (0..<min(64, nodes)).map { "key\($0)" }
        var lines = ["bits \(bits)", "add " + ids.joined(separator: " "), "store " + keys.joined(separator: " ")]
        if ids.count > 2 { lines.append("fail \(ids[1])") }
        for line in lines { _ = try? world.execute(line: line) }
        return world
    }

    /// The demo (nodes nil) or a random ring, with a lookup hop in flight and the
    /// lookup's start node selected, showing `view`. For the space-time view the world
    /// first records some traffic (lookups from nodes all round the ring, and a Bayou
    /// session on the demo), so the diagram has a full window of events to draw.
    ///
    /// `inFlight` > 0 first starts that many lookups (async) from nodes spread round the
    /// ring and delivers a few, so the ring draws that many messages on their chords.
    public static func model(nodes: Int?, view: MainView = .ring, inFlight: Int = 0) -> AppModel {
        var world = nodes.map { randomRing(nodes: $0) } ?? Demo.world()
        if view == .spaceTime {
            world.recordsEvents = true
            recordTraffic(in: &world)
        }
        let from = world.state.liveRing.nodes.last.map { world.commandReference($0) } ?? "0"
        // Started and stepped twice: the route's second hop is in flight.
        if let statement = try? Parser.parse(line: Substring(nodes == nil ? "lookup 15 from 90" : "lookup key7 from \(from)"), number: 1) {
            _ = try? world.begin(statement)
            _ = try? world.step()
            _ = try? world.step()
        }
        startLookups(inFlight, in: &world)
        var convergence = ConvergenceHistory()
        var steps = 0
        if view == .convergence {
            steps = recordConvergence(in: &world, into: &convergence)
        }
        var recent = RecentEvents()
        recent.append(world.takeEvents(), step: 1)
        var model = AppModel(world: world)
        model.mainView = view
        if view == .convergence {
            model.convergence = convergence
            model.timeline = TimelinePosition(cursor: steps, steps: steps)
        }
        model.recentEvents = recent.window(upTo: 1, limit: EventWindow.limit)
        model.selection = world.chord.lookups.last?.from ?? model.selection
        model.lookupFocus = world.chord.lookups.isEmpty ? nil : world.chord.lookups.count - 1
        return model
    }

    /// Lookups run to completion from 24 live nodes spread round the ring (and a session
    /// between two replicas, if the world has them).
    static func recordTraffic(in world: inout World) {
        let live = world.state.liveRing.nodes
        guard !live.isEmpty else { return }
        let stride = max(1, live.count / 24)
        for i in 0..<min(24, live.count) {
            let from = world.commandReference(live[(i * stride) % live.count])
            _ = try? world.execute(line: "lookup key\(i) from \(from)")
        }
        if world.state.index(ofName: "A") != nil, world.state.index(ofName: "B") != nil {
            _ = try? world.execute(line: "sync A B")
        }
    }

    /// `count` lookups begun at once from live nodes spread round the ring, a tenth delivered.
    static func startLookups(_ count: Int, in world: inout World) {
        let live = world.state.liveRing.nodes
        guard count > 0, !live.isEmpty else { return }
        for i in 0..<count {
            let from = world.commandReference(live[i * live.count / count % live.count])
            _ = try? world.execute(line: "async lookup key\(i) from \(from)")
        }
        _ = try? world.execute(line: "step \(max(1, count / 10))")
    }

    /// Churn and anti-entropy, one convergence sample per command: on the demo writes at
    /// two replicas and sessions between them; on a big ring a crash, then stabilize
    /// rounds at the nodes around it. Returns the steps recorded.
    static func recordConvergence(in world: inout World, into history: inout ConvergenceHistory) -> Int {
        var lines: [String] = []
        let live = world.state.liveRing.nodes
        if world.state.index(ofName: "A") != nil, world.state.index(ofName: "B") != nil {
            lines = ["write A put x 1", "write B put y 2", "sync A B", "lookup 70 from 10"]
        }
        if live.count > 8 {
            let victim = world.commandReference(live[live.count / 2])
            lines.append("fail \(victim)")
            for offset in -3...3 {
                lines.append("stabilize \(world.commandReference(live[(live.count / 2 + offset + live.count) % live.count]))")
            }
        }
        for (step, line) in lines.enumerated() {
            _ = try? world.execute(line: line)
            history.record(world, step: step + 1)
        }
        return lines.count
    }

    /// Renders `frames` frames, alternating the selection so each diff has real changes.
    public static func run(model: AppModel, size: Size, frames: Int, glyphs: Glyphs = .unicode) -> Result {
        var model = model
        let clock = ContinuousClock()
        var previous: Grid?
        var millis: [Double] = []
        millis.reserveCapacity(frames)
        var changed = 0
        for frame in 0..<max(1, frames) {
            model.moveSelection(by: frame % 2 == 0 ? 1 : -1)
            var grid = Grid(size: .zero)
            let elapsed = clock.measure {
                grid = AppView.render(model, size: size, glyphs: glyphs)
                changed &+= grid.diff(from: previous).count
            }
            previous = grid
            let (seconds, attoseconds) = elapsed.components
            millis.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        millis.sort()
        var samples: [Double] = []
        for step in 0..<50 {
            let (seconds, attoseconds) = clock.measure {
                _ = ConvergenceSample(world: model.world, step: step, previous: nil)
            }.components
            samples.append(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        samples.sort()
        return Result(frames: millis.count, nodes: model.world.state.count, size: size,
                      medianFrameMillis: percentile(millis, 50), p99FrameMillis: percentile(millis, 99),
                      inFlight: model.world.inFlightCount, sampleMillis: percentile(samples, 50))
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
