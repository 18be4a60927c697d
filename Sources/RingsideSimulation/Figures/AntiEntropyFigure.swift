// Only for log, exp and log1p (no I/O).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Bayou
import RingsideKernel

/// Demers et al. 1987 ("Epidemic algorithms for replicated database maintenance"):
/// rounds of anti-entropy until one update reaches every replica, for push, pull and
/// push-pull partner choice.
///
/// Real Bayou replicas and sessions: one write accepted at replica 0, then rounds in which
/// every replica picks a uniformly random other replica and runs a one-way Bayou session
/// (`Replica.sync(from:)`, version vectors and all) in the chosen direction. Rounds are
/// synchronous as in Demers' analysis: every session of a round sends what its sender held
/// when the round began, so news travels at most one hop per round.
public enum AntiEntropyFigure {
    public enum Mode: String, CaseIterable, Sendable {
        /// The initiator sends to its partner.
        case push
        /// The initiator receives from its partner.
        case pull
        /// Both directions in one exchange.
        case pushPull = "push-pull"
    }

    public struct Point: Hashable, Sendable {
        public let replicas: Int
        public let mode: Mode
        /// Rounds until every replica held the write, one per trial.
        public let rounds: Spread
        public let trials: Int
        /// Demers' push estimate, log2 n + ln n (Pittel 1987).
        public var log2PlusLn: Double { log2(Double(replicas)) + log(Double(replicas)) }
        /// Rounds Demers' expected-value recurrence for this mode needs (see `recurrenceRounds`).
        public var recurrence: Int { AntiEntropyFigure.recurrenceRounds(replicas: replicas, mode: mode) }
    }

    /// Rounds until all replicas hold the write in one run (0 for a single replica);
    /// nil if `roundsMax` ran out first.
    public static func rounds(replicas count: Int, mode: Mode, seed: UInt64, roundsMax: Int = 1000) -> Int? {
        guard count > 1 else { return 0 }
        var rng = SplitMix64(seed: seed)
        var replicas: [Replica] = []
        replicas.reserveCapacity(count)
        var used = Set<Identifier>()
        while replicas.count < count {
            let id = Identifier(rng.next())
            if used.insert(id).inserted { replicas.append(Replica(id: id)) }
        }
        // Accept only fails when timestamps run out, which one write cannot reach.
        guard (try? replicas[0].accept(.put(key: "x", value: "1"))) != nil else { return nil }
        var holders = 1
        var round = 0
        while holders < count {
            guard round < roundsMax else { return nil }
            round += 1
            // The round's start: copies share storage until a receiver writes (O(n) retains).
            let start = replicas
            for initiator in 0..<count {
                var partner = rng.index(below: count - 1)
                if partner >= initiator { partner += 1 }
                if mode != .pull { replicas[partner].sync(from: start[initiator]) }
                if mode != .push { replicas[initiator].sync(from: start[partner]) }
            }
            // With one write, a replica's log is identical to every other's once it holds it.
            holders = replicas.reduce(0) { $0 + ($1.logCount == 1 ? 1 : 0) }
        }
        return round
    }

    public static func point(replicas: Int, mode: Mode, trials: Int, seed: UInt64) -> Point {
        var all: [Int] = []
        for trial in 0..<trials {
            let trialSeed = seed &+ UInt64(trial) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(replicas)
            // A run that did not finish in 1000 rounds is recorded at the cap, visibly off the chart.
            all.append(rounds(replicas: replicas, mode: mode, seed: trialSeed) ?? 1000)
        }
        return Point(replicas: replicas, mode: mode, rounds: Spread(all), trials: trials)
    }

    /// Demers' recurrences for p_i, the expected fraction still lacking the update after
    /// round i (p_0 = 1 − 1/n): pull p' = p² (a susceptible site asks a susceptible one);
    /// push p' = p·(1 − 1/n)^(n(1−p)) (no infected site picked it); push-pull both at once.
    /// Returns the first round at which fewer than ½ replica is expected to lack it.
    public static func recurrenceRounds(replicas n: Int, mode: Mode) -> Int {
        guard n > 1 else { return 0 }
        let size = Double(n)
        var p = 1 - 1 / size
        var round = 0
        while p * size >= 0.5 && round < 1000 {
            round += 1
            let missedByPushes = exp(size * (1 - p) * log1p(-1 / (size - 1)))
            switch mode {
            case .push: p *= missedByPushes
            case .pull: p *= p
            case .pushPull: p = p * p * missedByPushes
            }
        }
        return round
    }
}
