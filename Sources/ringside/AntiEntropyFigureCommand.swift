import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench figure anti-entropy`: Demers et al. 1987, rounds until one update is
/// everywhere, push vs pull vs push-pull, on Bayou replicas.
struct AntiEntropyFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anti-entropy",
        abstract: "Anti-entropy rounds until all replicas are identical vs replicas, for push, pull and push-pull."
    )

    @Option(parsing: .unconditional, help: "Largest replica count (2 to 100000); sizes 10, 30, 100, … up to it.") var maxReplicas = 10_000
    @Option(parsing: .unconditional, help: "Runs per (size, mode).") var trials = 10
    @OptionGroup var output: FigureOutput

    func validate() throws {
        guard (2...100_000).contains(maxReplicas) else { throw ValidationError("--max-replicas must be from 2 to 100000") }
        guard (1...10_000).contains(trials) else { throw ValidationError("--trials must be from 1 to 10000") }
    }

    /// 10, 30, 100, 300, … (half-decades) up to the maximum, which is always included.
    private var sizes: [Int] {
        var result: [Int] = []
        var decade = 10
        while decade <= maxReplicas {
            result.append(decade)
            if decade * 3 <= maxReplicas { result.append(decade * 3) }
            decade *= 10
        }
        if result.last != maxReplicas { result.append(maxReplicas) }
        return result
    }

    func run() throws {
        let clock = ContinuousClock()
        var points: [AntiEntropyFigure.Point] = []
        for n in sizes {
            for mode in AntiEntropyFigure.Mode.allCases {
                var point: AntiEntropyFigure.Point?
                let time = clock.measure {
                    point = AntiEntropyFigure.point(replicas: n, mode: mode, trials: trials, seed: output.seed)
                }
                guard let point else { continue }
                points.append(point)
                output.emit([
                    ("figure", jsonString("anti-entropy")), ("replicas", String(n)), ("mode", jsonString(mode.rawValue)),
                    ("trials", String(trials)), ("meanRounds", format(point.rounds.mean, 2)),
                    ("minRounds", String(point.rounds.min)), ("maxRounds", String(point.rounds.max)),
                    ("recurrenceRounds", String(point.recurrence)), ("log2PlusLn", format(point.log2PlusLn, 2)),
                    ("seconds", format(time.seconds, 3)),
                ])
            }
        }
        let rows = points.map { p in
            [String(p.replicas), p.mode.rawValue, format(p.rounds.mean, 2), String(p.rounds.min), String(p.rounds.max),
             String(p.recurrence), p.mode == .push ? format(p.log2PlusLn, 2) : ""]
        }
        func series(_ mode: AntiEntropyFigure.Mode, _ marker: Character) -> BraillePlot.Series {
            .init(name: mode.rawValue, marker: marker,
                  points: points.filter { $0.mode == mode }.map { (Double($0.replicas), $0.rounds.mean) })
        }
        let push = points.filter { $0.mode == .push }
        output.report(
            "Anti-entropy rounds until every Bayou replica holds one write\n"
            + "(\(trials) runs per cell)\n"
            + textTable(["replicas", "mode", "mean", "min", "max", "recurrence", "log2 n + ln n"], rows)
            + """
            Each round every replica picks a random other replica and runs a one-way
            Bayou session (version vectors) to it (push), from it (pull) or both
            (push-pull); a session sends what its sender held when the round began.
            recurrence = Demers' expected-value model (push p' = p·e^-(1-p), pull p' = p²,
            push-pull both) until under ½ replica is missing. Paper (Demers et al. 1987,
            §1.3, after Pittel): push takes log2 n + ln n + O(1) rounds; pull and
            push-pull finish faster at the end (p' = p² vs p' ≈ p/e once few lack it).

            """
            + BraillePlot(title: "Anti-entropy rounds to full convergence (Demers et al. 1987)", xLabel: "replicas",
                          yLabel: "rounds", logX: true).render([
                    .init(name: "log2 n + ln n", marker: "+", points: push.map { (Double($0.replicas), $0.log2PlusLn) }),
                    series(.push, "P"), series(.pull, "L"), series(.pushPull, "B"),
                ]))
    }
}
