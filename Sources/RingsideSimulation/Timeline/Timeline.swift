/// A run that can go back: the world after any earlier step, and forward again along the
/// same events (the base of the TUI's time travel).
///
/// A timeline owns the current world, every input since its start (a command begun or
/// one `World.step()`), and snapshots of the world every `checkpointInterval` steps
/// (`CheckpointPolicy`: at most `checkpointLimit` of them). `goTo(step:)` restores the
/// nearest checkpoint at or before the step and replays the recorded inputs from there;
/// the engine is deterministic, so the replayed worlds are those of the first time.
///
/// Branches: `begin` or `step` while the cursor is before the end forgets the inputs and
/// checkpoints after the cursor and starts a new branch from there. A viewer that wants
/// the old branch back keeps a copy of the timeline before acting (a value: copying it is
/// cheap, snapshots share storage).
///
/// Events: the world records events only if its `eventLog.isRecording` was on when the
/// timeline was made. Take them with `takeEvents()` after each `begin`/`step`; events
/// recorded while replaying are dropped (they were produced, and taken, the first time),
/// and so are untaken events of a world the cursor leaves. The log's sequence numbers are
/// part of the world, so the events of a step redone after going back carry the numbers
/// they had the first time: an exporter can tell a redo by its `seq`.
public struct Timeline: Sendable {
    /// The world at the cursor.
    public internal(set) var world: World
    /// The step the world is at: 0 is the starting world, `stepCount` the newest.
    public internal(set) var cursor = 0
    var recorded: [RecordedInput] = []
    /// Snapshots, ascending by step; the first is the starting world (step 0).
    var checkpoints: [(step: Int, world: World)]
    private var policy: CheckpointPolicy
    /// The newest world, kept while the cursor is back so that returning there is instant.
    var tip: World?
    /// The first step whose replay did not raise (or not raise) an error as the first run
    /// did. Determinism makes this impossible; it is kept so tests can check it stays nil.
    public internal(set) var replayDivergence: Int?

    /// Checkpoints kept at most, by default: see the README's Limits line for the memory.
    public static let defaultCheckpointLimit = 64
    /// Steps between checkpoints at first, by default (it doubles as the run grows).
    public static let defaultFirstInterval = 16

    public init(world: World, checkpointLimit: Int = Timeline.defaultCheckpointLimit,
                firstInterval: Int = Timeline.defaultFirstInterval) {
        var start = world
        start.discardPendingEvents()
        self.world = start
        checkpoints = [(0, start)]
        policy = CheckpointPolicy(limit: checkpointLimit, interval: firstInterval)
    }

    /// Steps taken on the current branch.
    public var stepCount: Int { recorded.count }
    /// The inputs of the current branch, oldest first.
    public var inputs: [TimelineInput] { recorded.map(\.input) }
    /// Steps at which a snapshot is kept, ascending.
    public var checkpointSteps: [Int] { checkpoints.map(\.step) }
    public var checkpointLimit: Int { policy.limit }
    /// Steps between checkpoints now; reaching any step replays fewer than this many inputs.
    public var checkpointInterval: Int { policy.interval }

    /// Begins `statement` (as `World.begin`) as the next step; ends the branch after the
    /// cursor first. An error is thrown as the world raised it, and the step still counts.
    public mutating func begin(_ statement: Statement) throws(ScriptError) -> [ScriptOutput] {
        startStep()
        do {
            let output = try world.begin(statement)
            finishStep(.begin(statement), threw: false)
            return output
        } catch {
            finishStep(.begin(statement), threw: true)
            throw error
        }
    }

    /// One event (as `World.step`) as the next step; false when the world was idle (the
    /// call still counts: an idle step can close lookups that will get no answer).
    public mutating func step() throws(ScriptError) -> Bool {
        startStep()
        do {
            let moved = try world.step()
            finishStep(.step, threw: false)
            return moved
        } catch {
            finishStep(.step, threw: true)
            throw error
        }
    }

    /// Events recorded since the last call (empty unless the world records events).
    public mutating func takeEvents() -> [SimulationEvent] {
        world.eventLog.take()
    }

    /// Acting while the cursor is back starts a new branch there.
    private mutating func startStep() {
        guard cursor < recorded.count else { return }
        recorded.removeSubrange(cursor...)
        checkpoints.removeAll { $0.step > cursor }
        tip = nil
    }

    private mutating func finishStep(_ input: TimelineInput, threw: Bool) {
        recorded.append(RecordedInput(input: input, threw: threw))
        cursor = recorded.count
        guard policy.wantsCheckpoint(at: cursor) else { return }
        var snapshot = world
        snapshot.discardPendingEvents()
        checkpoints.append((cursor, snapshot))
        let kept = policy.thin(checkpoints.map(\.step))
        if kept.count < checkpoints.count {
            checkpoints.removeAll { !policy.wantsCheckpoint(at: $0.step) }
        }
    }
}
