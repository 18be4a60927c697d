import Chord
import RingsideInvariants
import RingsideKernel

/// `ringside explore`: a bounded model checker for Chord's ring maintenance.
///
/// Breadth-first search over the states of a small ring, from the ideal ring the oracle
/// builds. A transition is one script step: start stabilize (or check-predecessor,
/// fix-fingers) at a live node, deliver one in-flight message (the head of its channel:
/// channels are FIFO), let the pending transport timers fire, crash a node, or join one.
/// Every reachable state within the bounds is visited once (states are hashed up to ring
/// rotation) and Chord's four invariants are judged in it; breadth-first order makes the
/// first violation found a shortest one, and its path is a script `ringside run` replays.
public struct Explorer: Sendable {
    public let settings: ExploreSettings

    public init(settings: ExploreSettings) {
        self.settings = settings
    }

    /// Called once per finished BFS level (depth, distinct states so far, transitions so far).
    public typealias Progress = (_ depth: Int, _ states: Int, _ transitions: Int) -> Void

    public func run(progress: Progress? = nil) throws(ExploreError) -> ExploreResult {
        let clock = ContinuousClock()
        let started = clock.now
        var result = ExploreResult(settings: settings)
        let root = try rootState()
        var visited = Set<Fingerprint>()
        visited.insert(root.fingerprint(settings))
        var parents: [Int32] = []
        var moves: [ExploreMove] = []
        var frontier: [(state: ExploreState, index: Int32)] = [(root, -1)]
        result.states = 1
        defer { result.seconds = Self.seconds(clock.now - started) }

        func finish(_ r: inout ExploreResult) { r.seconds = Self.seconds(clock.now - started) }

        if let violation = judge(root) {
            result.violation = try counterexample(violation, path: [], depth: 0)
            finish(&result)
            return result
        }
        var depth = 0
        while !frontier.isEmpty {
            if depth >= settings.depth {
                result.boundHit = "depth: \(frontier.count) state(s) at depth \(depth) not expanded (--depth \(settings.depth))"
                break
            }
            var next: [(state: ExploreState, index: Int32)] = []
            for entry in frontier {
                for move in entry.state.moves(settings) {
                    var successor = entry.state
                    let applied = try successor.apply(move)
                    result.transitions += 1
                    guard visited.insert(successor.fingerprint(settings)).inserted else { continue }
                    result.states += 1
                    parents.append(entry.index)
                    moves.append(applied)
                    let index = Int32(parents.count - 1)
                    if let violation = judge(successor) {
                        result.depth = depth + 1
                        let path = Self.path(to: index, parents: parents, moves: moves)
                        result.violation = try counterexample(violation, path: path, depth: depth + 1)
                        finish(&result)
                        return result
                    }
                    if result.states >= settings.maxStates {
                        result.depth = depth + 1
                        result.boundHit = "states: \(result.states) distinct states (--states \(settings.maxStates))"
                        finish(&result)
                        return result
                    }
                    next.append((successor, index))
                }
            }
            depth += 1
            if !next.isEmpty { result.depth = depth }
            frontier = next
            progress?(depth, result.states, result.transitions)
        }
        finish(&result)
        return result
    }

    // MARK: Pieces

    /// The ideal ring of the bounds, built by the prelude's lines.
    func rootState() throws(ExploreError) -> ExploreState {
        var world = World()
        world.narrates = false
        var state = ExploreState(world: world)
        for line in settings.prelude { try state.run(line) }
        return state
    }

    /// The first violated Chord invariant the search looks for, if the state is judged.
    func judge(_ state: ExploreState) -> Violation? {
        guard state.everyLiveNodeLinked else { return nil }
        for violation in ChordInvariants.violations(state.state) {
            if let target = settings.target, violation.name != target { continue }
            return violation
        }
        return nil
    }

    static func path(to index: Int32, parents: [Int32], moves: [ExploreMove]) -> [ExploreMove] {
        var path: [ExploreMove] = []
        var i = index
        while i >= 0 {
            path.append(moves[Int(i)])
            i = parents[Int(i)]
        }
        return path.reversed()
    }

    /// Replays the path from the root, writing each move as script lines (and, when asked,
    /// a `say` line that tells what it does), and checks that the violation is there.
    func counterexample(_ violation: Violation, path: [ExploreMove], depth: Int) throws(ExploreError) -> ExploreCounterexample {
        var state = try rootState()
        var body: [String] = []
        for move in path {
            if settings.narrate { body.append("say " + state.narration(of: move)) }
            body += state.lines(of: move)
            let applied = try state.apply(move)
            guard applied.losses == move.losses else {
                throw ExploreError("the replay of the counterexample lost other messages than the search did")
            }
            body += applied.losses.map { "deliver m\($0)" }
            if settings.narrate, !applied.losses.isEmpty {
                body.append("say " + applied.losses.map { "m\($0)" }.joined(separator: " ")
                            + (applied.losses.count == 1 ? " reaches a crashed node: lost, its sender's timer runs" : " reach a crashed node: lost, their senders' timers run"))
            }
        }
        guard let again = judge(state), again.name == violation.name else {
            throw ExploreError("the replay of the counterexample does not violate \(violation.name)")
        }
        return ExploreCounterexample(invariant: violation.name, detail: violation.detail, depth: depth,
                                     prelude: settings.prelude, body: body)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, atto) = duration.components
        return Double(s) + Double(atto) * 1e-18
    }
}

/// The shortest path to a violation, as a script.
public struct ExploreCounterexample: Sendable {
    public var invariant: String
    public var detail: String
    /// Transitions on the path.
    public var depth: Int
    public var prelude: [String]
    /// The path's lines (with `say` lines when narrated).
    public var body: [String]

    /// The whole script: a header, the prelude, the path, and `invariants`.
    public func script(settings: ExploreSettings) -> String {
        let path = settings.isWalking ? "a random walk's path" : "a shortest path"
        var lines = [
            "# Found by `ringside explore \(settings.flags)`: \(path) (\(depth) transitions)",
            "# to a state that violates \(invariant). `ringside run` on this file ends with",
            "# `# invariant violated: \(invariant): ...`.",
        ]
        lines += prelude
        lines += body
        lines.append("invariants")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What a search found and what it cost.
public struct ExploreResult: Sendable {
    public var settings: ExploreSettings
    /// Distinct states visited (the root included).
    public var states = 0
    /// Transitions executed (each a copy of the world and a few script lines).
    public var transitions = 0
    /// The deepest BFS level reached.
    public var depth = 0
    public var seconds = 0.0
    /// Random walks taken (walk mode).
    public var walksDone = 0
    /// Which bound stopped the search before it was exhausted, if one did.
    public var boundHit: String?
    public var violation: ExploreCounterexample?

    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public var statesPerSecond: Double { seconds > 0 ? Double(states) / seconds : 0 }

    /// The report `ringside explore` prints.
    public var summary: [String] {
        let rate = Int(statesPerSecond.rounded())
        var lines = [
            "explore \(settings.flags)",
            "  \(states) states, \(transitions) transitions, depth \(depth), "
                + Self.twoDecimals(seconds) + " s (\(rate) states/s)",
        ]
        if settings.isWalking {
            lines[1] = "  \(walksDone) random walks, \(transitions) transitions, \(states) distinct states, longest walk \(depth), "
                + Self.twoDecimals(seconds) + " s"
        }
        if let boundHit { lines.append("  bound hit: \(boundHit)") }
        if let violation {
            lines.append("violation: \(violation.invariant): \(violation.detail)")
            lines.append(settings.isWalking ? "  path: \(violation.depth) transitions (a random walk's: not the shortest)"
                                            : "  shortest path: \(violation.depth) transitions")
        } else if settings.isWalking {
            lines.append("no violation on any walk (evidence, not proof: walks sample the states)")
        } else if boundHit == nil {
            lines.append("no violation: every reachable state within the bounds was checked")
        } else {
            lines.append("no violation within bounds")
        }
        return lines
    }
}

extension ExploreState {
    /// A caption for a move, in the protocol's words (no `#`: it would start a comment).
    func narration(of move: ExploreMove) -> String {
        switch move.kind {
        case .start:
            return "\(move.a) starts \(ExploreMove.operations[Int(move.b)])"
        case .deliver:
            guard let packet = world.simulation.network.inFlight.first(where: { $0.id == move.a }) else {
                return "m\(move.a) arrives"
            }
            let text = "m\(move.a) \(idText(packet.from)) → \(idText(packet.to)): \(world.summary(packet)) arrives"
            return text.split(separator: "#", omittingEmptySubsequences: false).joined(separator: "no.")
        case .fireTimers:
            let ids = lost.map { "m\($0.id)" }.joined(separator: " ")
            return "time passes: the timers of \(ids) fire; each sender treats its silent peer as failed"
        case .fail:
            return "\(move.a) crashes"
        case .join:
            return "\(move.a) joins via \(move.b)"
        }
    }
}
