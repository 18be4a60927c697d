import Chord
import RingsideInvariants
import RingsideKernel

/// One checked run: script lines executed one at a time on a World, with every invariant
/// evaluated after each command, lookups judged for safety, and the event log hashed.
///
/// The same type runs a generated schedule, its replay (the determinism check) and every
/// candidate the shrinker tries, so all three judge a script by the same rules.
public struct CheckExecution: Sendable {
    public static let chordInvariants = ChordInvariants.names
    public static let bayouInvariants = ["PrefixProperty", "CommittedPrefix", "LogOrder", "VersionVector", "DatabaseReplay"]
    /// Steps one command may take (far above any real command of a 20-node schedule).
    public static let stepLimit = 200_000

    public private(set) var world: World
    /// Every line executed so far (the reproduction's text).
    public private(set) var lines: [String] = []
    public internal(set) var failure: CheckFailure?
    public internal(set) var stats = CheckStats()
    /// SHA-1 chained over the event log's JSON lines, command by command.
    public private(set) var digest: [UInt8] = []
    /// A loss, partition, drop or latency past the timeout happened: Chord may split for
    /// good, so only its safety is judged.
    public private(set) var networkFaulted = false
    /// A crash broke Zave's assumptions (the generator avoids it; a shrunk script may not).
    public private(set) var assumptionsBroken = false
    /// A `fail` or `leave` the generator never writes: one that leaves fewer than r + 1
    /// live nodes or takes some node's last live successor-list entry. The shrinker rejects
    /// such candidates, so a reproduction stays within the run's fault assumptions.
    public private(set) var crashOutsideSchedules = false
    let chordJudging: ChordJudging
    var monitor = InvariantMonitor()
    /// Lookups not yet judged (still running), by record index; and the first never seen.
    /// Lookups not yet answered, with who was alive when each started.
    var pendingLookups: [(record: Int, aliveAtStart: [Bool])] = []
    var lookupsSeen = 0
    /// Test hook: runs after every command (e.g. to corrupt a replica and see it caught).
    var afterCommand: (@Sendable (inout World, Int) -> Void)?

    public init(chordJudging: ChordJudging = .withinZaveAssumptions) {
        self.chordJudging = chordJudging
        world = World()
        world.narrates = false
        world.recordsEvents = true
    }

    /// Chord is judged for the ideal ring (and its invariants are failures) only when the
    /// run's faults are crashes that keep Zave's assumptions.
    public var judgesIdealRing: Bool { !networkFaulted && !assumptionsBroken }

    /// Whether a broken Chord invariant or a missed ideal ring fails the run now.
    public var judgesChord: Bool {
        switch chordJudging {
        case .never: false
        case .withinZaveAssumptions: judgesIdealRing
        case .always: true
        }
    }

    public var hashHex: String { SHA1.hex(digest) }

    /// Executes one line and checks everything after it; nothing once a failure is found.
    public mutating func perform(_ line: String) {
        guard failure == nil else { return }
        lines.append(line)
        let number = lines.count
        let aliveBefore = world.state.alive
        do {
            guard let statement = try Parser.parse(line: Substring(line), number: number) else { return }
            judgeFaults(statement.command)
            let completed = try world.runBounded(statement, stepLimit: Self.stepLimit)
            hashEvents()
            guard completed else {
                failure = CheckFailure(name: "Termination", detail: "`\(line)` still running after \(Self.stepLimit) steps", line: number)
                return
            }
        } catch {
            hashEvents()
            failure = CheckFailure(name: "ScriptError", detail: "`\(line)`: \(error.message)", line: number)
            return
        }
        afterCommand?(&world, number)
        stats.commands += 1
        checkInvariants(line: number)
        if failure == nil { checkLookups(aliveBefore: aliveBefore, line: number) }
    }

    mutating func fail(_ name: String, _ detail: String, line: Int) {
        if failure == nil { failure = CheckFailure(name: name, detail: detail, line: line) }
    }

    /// Which judgement the command's faults allow, decided before it runs (a crash is
    /// judged against the state it hits).
    private mutating func judgeFaults(_ command: Command) {
        switch command {
        case let .loss(p) where p > 0: networkFaulted = true
        case .partition, .drop: networkFaulted = true
        case let .latency(_, max) where max >= world.networkConfig.timeout: networkFaulted = true
        case let .fail(ref), let .leave(ref):
            if let victim = try? world.resolve(ref), !world.chord.crashKeepsZaveAssumptions(victim) {
                assumptionsBroken = true
                // The generator's own rule (`ScheduleGenerator.canCrash`) is the state's,
                // without the join dependencies: a crash mid-join is a fault it draws.
                if !world.state.crashKeepsZaveAssumptions(victim) { crashOutsideSchedules = true }
            }
        case let .recover(ref, _):
            // Zave's guarantees are for crash faults only: a node that comes back under its
            // old identifier while live nodes still list it is not a crash-stop fault (its
            // old neighbours take the reborn, empty node for the one they knew). Once no
            // list names it, a recovery is an ordinary join.
            if let node = try? world.resolve(ref), world.state.isListedByALiveNode(node) {
                assumptionsBroken = true
            }
        case let .async(inner): judgeFaults(inner)
        default: break
        }
    }

    private mutating func checkInvariants(line: Int) {
        stats.invariantChecks += 1
        for violation in world.invariantViolations(monitor: &monitor) {
            // Before the schedule's first `add` there is no ring to judge (AtLeastOneRing
            // would report the empty system, as `invariants` does).
            if world.state.count == 0, Self.chordInvariants.contains(violation.name) { continue }
            // A node mid-join has no successor yet, so with work under way Chord's
            // invariants are judged only once every command has completed.
            if let index = Self.chordInvariants.firstIndex(of: violation.name), !judgesChord || !world.isIdle {
                stats.splitsReported[index] += 1
                continue
            }
            fail(violation.name, violation.detail, line: line)
            return
        }
    }

    /// Safety: a lookup names a node that was alive while the lookup ran — at its start,
    /// or before or after the command during which it was answered. (An `async` lookup's
    /// owner may answer and then crash while the answer is in flight: that is no fault.)
    private mutating func checkLookups(aliveBefore: [Bool], line: Int) {
        let lookups = world.chord.lookups
        while lookupsSeen < lookups.count {
            pendingLookups.append((lookupsSeen, aliveBefore))
            lookupsSeen += 1
        }
        var stillRunning: [(record: Int, aliveAtStart: [Bool])] = []
        for pending in pendingLookups {
            let record = lookups[pending.record]
            if record.failed { continue }
            guard let owner = record.owner else { stillRunning.append(pending); continue }
            func alive(_ flags: [Bool]) -> Bool { Int(owner) < flags.count && flags[Int(owner)] }
            if !alive(pending.aliveAtStart) && !alive(aliveBefore) && !world.state.isAlive(owner) {
                let state = world.state
                fail("LookupSafety", "lookup \(record.key) from \(state.id(record.from)) answered \(state.id(owner)), which is down", line: line)
            }
        }
        pendingLookups = stillRunning
    }

    private mutating func hashEvents() {
        let events = world.takeEvents()
        guard !events.isEmpty else { return }
        var text = ""
        let labels = NodeLabels(world.state)
        for event in events {
            if event.kind == .send { stats.messages += 1 }
            EventJSONLines.append(event, labels: labels, to: &text)
        }
        digest = SHA1.digest(digest + Array(text.utf8))
    }
}
