import Testing
@testable import RingsideSimulation
import RingsideKernel

/// A run recorded the plain way (a World, no timeline): each step's input, the dump
/// after it and the events it recorded. The reference the timeline must reproduce.
struct ReferenceRun {
    var start: World
    var inputs: [TimelineInput] = []
    /// dumps[i]: the state after i inputs (dumps[0]: the start).
    var dumps: [String]
    /// events[i]: what input i recorded (events[0] is empty: the start recorded nothing).
    var events: [[SimulationEvent]] = [[]]
    var world: World

    init(start: World) {
        var start = start
        _ = start.eventLog.take()
        self.start = start
        world = start
        dumps = [StateJSON.encode(start)]
    }

    mutating func apply(_ input: TimelineInput) {
        _ = world.replayForTest(input)
        inputs.append(input)
        dumps.append(StateJSON.encode(world))
        events.append(world.eventLog.take())
    }

    /// A fresh run of `inputs` from `start`, ending in its world.
    static func fresh(_ start: World, _ inputs: some Sequence<TimelineInput>) -> World {
        var world = start
        _ = world.eventLog.take()
        for input in inputs { _ = world.replayForTest(input) }
        return world
    }
}

extension World {
    /// Applies an input as a user would (a real `dump`, errors ignored): the plain run.
    mutating func replayForTest(_ input: TimelineInput) -> Bool {
        do {
            switch input {
            case .step: _ = try step()
            case let .begin(statement): _ = try begin(statement)
            }
            return false
        } catch {
            return true
        }
    }
}

/// Random inputs with faults, drawn from SplitMix64 while watching the world (a `drop`
/// or `deliver` names a message that is in flight at that moment).
struct FaultyScriptGenerator {
    var rng: SplitMix64
    let names = ["A", "B", "C", "D", "E", "F"]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static func setup(_ seed: UInt64) -> [String] {
        ["bits 8", "seed \(seed)", "successors 2", "add A=10 B=50 C=90 D=130 E=170 F=210",
         "store 5 60 100 200", "primary A"]
    }

    mutating func next(for world: World) -> TimelineInput {
        let roll = rng.index(below: 100)
        if roll < 55 { return .step }
        let a = pick(), b = pick()
        let line: String
        switch roll {
        case 55..<60: line = "loss \(["0.2", "0", "0.5"][rng.index(below: 3)])"
        case 60..<63: line = "partition \(a),\(b) | \(pick())"
        case 63..<66: line = "heal"
        case 66..<72: line = "async lookup \(rng.index(below: 256)) from \(a)"
        case 72..<74: line = "lookup \(rng.index(below: 256)) from \(a)"
        case 74..<76: line = "step \(1 + rng.index(below: 3))"
        case 76..<80:
            let flying = world.inFlightPackets()
            let verb = rng.index(below: 2) == 0 ? "drop" : "deliver"
            // Now and then an id that is not in flight: an error the timeline records too.
            let id = flying.isEmpty || rng.index(below: 8) == 0 ? 999 : flying[rng.index(below: flying.count)].id
            line = "\(verb) m\(id)"
        case 80..<82: line = "fail \(a)"
        case 82..<84: line = "recover \(a) via \(b)"
        case 84..<86: line = "async stabilize"
        case 86..<87: line = "settle"
        case 87..<91: line = "write \(a) put \(["X", "Y", "Z"][rng.index(below: 3)]) \(rng.index(below: 10))"
        case 91..<95: line = "async sync \(a) \(b)"
        case 95..<97: line = "commit"
        case 97..<98: line = "dump"
        case 98..<99: line = "invariants"
        default: line = "async fix-fingers \(a)"
        }
        return .begin(statement(line))
    }

    private mutating func pick() -> String { names[rng.index(below: names.count)] }
}

func statement(_ line: String) -> Statement {
    // Lines in these tests are well formed; a parse error would make every comparison fail.
    (try? Parser.parse(line: Substring(line), number: 1)) ?? Statement(command: .pause, line: 1, column: 1)
}

/// A recording world set up by `lines`, as a timeline's start.
func recordingWorld(_ lines: [String], seed: UInt64 = 0) -> World {
    var world = World(seed: seed)
    world.eventLog.isRecording = true
    for line in lines { _ = try? world.execute(statement(line)) }
    return world
}

extension Timeline {
    mutating func apply(_ input: TimelineInput) {
        switch input {
        case .step: _ = try? step()
        case let .begin(statement): _ = try? begin(statement)
        }
    }
}

@Suite("Timeline: checkpoints and exact replay")
struct TimelineTests {
    /// (checkpoint limit, first interval): tiny ones thin out often in a short run.
    static let policies = [(4, 2), (8, 1), (64, 16)]

    @Test(arguments: 0..<24)
    func goingBackAndForwardReproducesAFaultyRun(seed: UInt64) throws {
        let start = recordingWorld(FaultyScriptGenerator.setup(seed))
        var generator = FaultyScriptGenerator(seed: 900 + seed)
        var reference = ReferenceRun(start: start)
        let total = 120 + Int(seed % 5) * 40
        for _ in 0..<total { reference.apply(generator.next(for: reference.world)) }
        #expect(reference.events.joined().contains { $0.kind == .drop }, "the faults never lost a message")

        let (limit, interval) = Self.policies[Int(seed) % Self.policies.count]
        var timeline = Timeline(world: start, checkpointLimit: limit, firstInterval: interval)
        for (i, input) in reference.inputs.enumerated() {
            timeline.apply(input)
            #expect(timeline.takeEvents() == reference.events[i + 1], "events of step \(i + 1)")
        }
        #expect(StateJSON.encode(timeline.world) == reference.dumps[total])
        #expect(timeline.checkpointSteps.count <= limit)

        var draw = SplitMix64(seed: 77 + seed)
        let s = draw.index(below: total)
        // Back to S from the end, then from the start forward, then from a later point.
        timeline.goTo(step: s)
        #expect(timeline.cursor == s)
        #expect(StateJSON.encode(timeline.world) == reference.dumps[s])
        #expect(StateJSON.encode(ReferenceRun.fresh(start, reference.inputs[..<s])) == reference.dumps[s])
        timeline.goTo(step: 0)
        #expect(StateJSON.encode(timeline.world) == reference.dumps[0])
        timeline.goTo(step: s)
        #expect(StateJSON.encode(timeline.world) == reference.dumps[s])
        timeline.goTo(step: total)
        timeline.goTo(step: s)
        #expect(StateJSON.encode(timeline.world) == reference.dumps[s])
        #expect(timeline.takeEvents().isEmpty, "replay must not emit events again")

        // Forward again, one step at a time by replay: the same dumps, no events.
        var replayed = timeline
        for i in s...total {
            replayed.goTo(step: i)
            #expect(StateJSON.encode(replayed.world) == reference.dumps[i], "dump at \(i)")
        }
        #expect(replayed.takeEvents().isEmpty)

        // Forward again by acting: the same inputs redone give the same events, seq included.
        var redone = timeline
        for i in s..<total {
            redone.apply(reference.inputs[i])
            #expect(redone.takeEvents() == reference.events[i + 1], "redone events of step \(i + 1)")
        }
        #expect(StateJSON.encode(redone.world) == reference.dumps[total])
        #expect(redone.stepCount == total)

        // Acting after going back starts a new branch: it equals a fresh run of its inputs.
        var branch = timeline
        var other = FaultyScriptGenerator(seed: 5000 + seed)
        var newInputs: [TimelineInput] = []
        for _ in 0..<30 {
            let input = other.next(for: branch.world)
            newInputs.append(input)
            branch.apply(input)
        }
        let branchInputs = Array(reference.inputs[..<s]) + newInputs
        #expect(branch.stepCount == s + 30)
        #expect(branch.inputs == branchInputs)
        #expect(branch.checkpointSteps.allSatisfy { $0 <= branch.stepCount })
        #expect(StateJSON.encode(branch.world) == StateJSON.encode(ReferenceRun.fresh(start, branchInputs)))
        // ...and its own past is reachable too.
        let back = s + 15
        branch.goTo(step: back)
        #expect(StateJSON.encode(branch.world) == StateJSON.encode(ReferenceRun.fresh(start, branchInputs[..<back])))

        for run in [timeline, replayed, redone, branch] { #expect(run.replayDivergence == nil) }
    }

    @Test func stepsBeyondTheEndsAreClampedAndReturningToTheNewestIsExact() throws {
        let start = recordingWorld(["bits 7", "add 10 32 60 90 105 120"])
        var timeline = Timeline(world: start, checkpointLimit: 4, firstInterval: 2)
        _ = try timeline.begin(statement("lookup 100 from 10"))
        while try timeline.step() {}
        let newest = StateJSON.encode(timeline.world)
        let count = timeline.stepCount
        timeline.goTo(step: -5)
        #expect(timeline.cursor == 0)
        #expect(StateJSON.encode(timeline.world) == StateJSON.encode(start))
        timeline.goTo(step: count + 10)
        #expect(timeline.cursor == count)
        #expect(StateJSON.encode(timeline.world) == newest)
        timeline.stepBack()
        #expect(timeline.cursor == count - 1)
    }

    @Test func aFailedBeginIsAStepAndReplaysAsOne() throws {
        var timeline = Timeline(world: recordingWorld(["bits 7", "add 10 32 60"]))
        #expect(throws: ScriptError.self) { _ = try timeline.begin(statement("fail 33")) }
        _ = try timeline.begin(statement("lookup 40 from 10"))
        while try timeline.step() {}
        let end = StateJSON.encode(timeline.world)
        #expect(timeline.stepCount > 2)
        timeline.goTo(step: 1)
        timeline.goTo(step: timeline.stepCount - 1)
        timeline.goTo(step: timeline.stepCount)
        #expect(StateJSON.encode(timeline.world) == end)
        timeline.goTo(step: 0)
        timeline.goTo(step: timeline.stepCount - 1)
        _ = try timeline.step()
        #expect(StateJSON.encode(timeline.world) == end)
        #expect(timeline.replayDivergence == nil)
    }

    /// 10,000 steps of the demo: the checkpoints never exceed the limit, stay evenly
    /// spaced, and any step is reached exactly.
    @Test func checkpointsStayWithinTheBoundOverTenThousandSteps() throws {
        let names = ["P", "A", "B", "N90", "N105", "N120"]
        var rng = SplitMix64(seed: 2024)
        var timeline = Timeline(world: Demo.world())
        var reference = Demo.world()
        var dumps: [Int: String] = [:]
        let probes: Set<Int> = [1, 777, 4096, 5000, 9999, 10_000]
        var mostCheckpoints = 0
        while timeline.stepCount < 10_000 {
            let input: TimelineInput
            if reference.isIdle || rng.index(below: 4) == 0 {
                let a = names[rng.index(below: names.count)]
                let b = names[rng.index(below: names.count)]
                let lines = ["lookup \(rng.index(below: 128)) from \(a)", "stabilize", "fix-fingers \(a)",
                             "sync \(a) \(b)", "write \(a) put K \(rng.index(below: 9))", "commit"]
                input = .begin(statement(lines[rng.index(below: lines.count)]))
            } else {
                input = .step
            }
            timeline.apply(input)
            _ = reference.replayForTest(input)
            if probes.contains(timeline.stepCount) { dumps[timeline.stepCount] = StateJSON.encode(reference) }
            mostCheckpoints = max(mostCheckpoints, timeline.checkpointSteps.count)
        }
        #expect(mostCheckpoints <= Timeline.defaultCheckpointLimit)
        let steps = timeline.checkpointSteps
        #expect(steps.count >= Timeline.defaultCheckpointLimit / 2)
        #expect(steps.first == 0)
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $1 - $0 == timeline.checkpointInterval })
        #expect(timeline.checkpointInterval <= 2 * 10_000 / Timeline.defaultCheckpointLimit)
        for probe in probes.sorted().reversed() {
            timeline.goTo(step: probe)
            #expect(StateJSON.encode(timeline.world) == dumps[probe], "step \(probe)")
        }
        #expect(timeline.replayDivergence == nil)
    }

    @Test func thinningKeepsEveryOtherCheckpointAndDoublesTheInterval() {
        var policy = CheckpointPolicy(limit: 4, interval: 3)
        #expect(policy.thin([0, 3, 6, 9]) == [0, 3, 6, 9])
        #expect(policy.thin([0, 3, 6, 9, 12]) == [0, 6, 12])
        #expect(policy.interval == 6)
        #expect(policy.wantsCheckpoint(at: 18) && !policy.wantsCheckpoint(at: 15))
        var tight = CheckpointPolicy(limit: 0, interval: 0)
        #expect(tight.limit == 2 && tight.interval == 1)
        #expect(tight.thin([0, 1, 2]) == [0, 2])
    }
}
