import RingsideKernel

/// Random walks through the same state space (`ringside explore --walks W`): where the
/// breadth-first search runs out of memory or time a few levels down, a walk goes to depth
/// 100 and more. Each walk starts at the ideal ring and takes moves drawn (by the seeded
/// generator) from those the state allows, judging every state it passes, as the search
/// does. Evidence, not proof: a walk finds a violation or does not; the path it
/// finds is a real one but not the shortest.
extension Explorer {
    /// Called every `walkProgressEvery` walks (walks done, distinct states seen, transitions).
    public typealias WalkProgress = (_ walks: Int, _ states: Int, _ transitions: Int) -> Void

    static let walkProgressEvery = 1_000

    public func walk(progress: WalkProgress? = nil) throws(ExploreError) -> ExploreResult {
        let clock = ContinuousClock()
        let started = clock.now
        var result = ExploreResult(settings: settings)
        var random = SplitMix64(seed: settings.seed)
        let root = try rootState()
        // Distinct states seen, counted up to the --states bound (past it, walks go on
        // uncounted: the set is for the report, not for pruning).
        var seen = Set<Fingerprint>()
        seen.insert(root.fingerprint(settings))
        if let violation = judge(root) {
            result.violation = try counterexample(violation, path: [], depth: 0)
            return result
        }
        for walk in 0..<settings.walks {
            var state = root
            var path: [ExploreMove] = []
            // Swarm testing: each walk weighs the kinds of move differently (1 to 16), so
            // some walks crash and join early, others deliver everything first; uniform
            // draws would be dominated by deliveries, the most numerous moves.
            let weights = (0..<Self.moveKinds).map { _ in UInt64(1) << random.next(below: 5) }
            for _ in 0..<settings.depth {
                let moves = state.moves(settings)
                guard !moves.isEmpty else { break }
                let move = Self.draw(moves, weights: weights, &random)
                path.append(try state.apply(move))
                result.transitions += 1
                if seen.count < settings.maxStates { seen.insert(state.fingerprint(settings)) }
                if let violation = judge(state) {
                    result.states = seen.count
                    result.depth = max(result.depth, path.count)
                    result.walksDone = walk + 1
                    result.violation = try counterexample(violation, path: path, depth: path.count)
                    result.seconds = Self.seconds(clock.now - started)
                    return result
                }
            }
            result.depth = max(result.depth, path.count)
            result.walksDone = walk + 1
            if (walk + 1) % Self.walkProgressEvery == 0 { progress?(walk + 1, seen.count, result.transitions) }
        }
        result.states = seen.count
        result.seconds = Self.seconds(clock.now - started)
        return result
    }

    private static let moveKinds = 5

    /// A move drawn with probability proportional to its kind's weight.
    private static func draw(_ moves: [ExploreMove], weights: [UInt64], _ random: inout SplitMix64) -> ExploreMove {
        let total = moves.reduce(0) { $0 + weights[Int($1.kind.rawValue)] }
        var pick = random.next(below: total)
        for move in moves {
            let weight = weights[Int(move.kind.rawValue)]
            if pick < weight { return move }
            pick -= weight
        }
        return moves[moves.count - 1]
    }
}
