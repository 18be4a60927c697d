import Testing
@testable import RingsideSimulation

/// The papers' figures at tiny sizes: numbers in the papers' range, and the same numbers
/// for the same seed (the figures are measurements, so they must be reproducible).
@Suite("The papers' figures")
struct FigureTests {
    @Test func pathLengthIsAboutHalfLog2NPlusTheLastHop() {
        let point = PathLengthFigure.point(exponent: 10, lookups: 2000, seed: 7)
        // ½·log2 N visited by find_predecessor, plus the hop to the owner: 6 at N = 2^10.
        #expect(abs(point.hops.mean - 6) <= 0.2 * 6, "mean \(point.hops.mean)")
        #expect(point.hops.p01 < Int(point.hops.mean.rounded(.down)))
        #expect(point.hops.p99 > Int(point.hops.mean.rounded(.up)))
        #expect(point.hops.count == 2000)
        #expect(PathLengthFigure.point(exponent: 10, lookups: 2000, seed: 7) == point)
        #expect(PathLengthFigure.point(exponent: 10, lookups: 2000, seed: 8) != point)
    }

    @Test func pathLengthGrowsWithLogN() {
        let small = PathLengthFigure.point(exponent: 4, lookups: 500, seed: 1)
        let large = PathLengthFigure.point(exponent: 12, lookups: 500, seed: 1)
        // Eight doublings add about four hops.
        #expect(large.hops.mean - small.hops.mean > 3 && large.hops.mean - small.hops.mean < 5)
    }

    @Test func failuresWithOneSuccessorAreAboutPAndSettlingWithLongListsRepairsAll() {
        let p = 0.25
        let short = FailureFigure.point(nodes: 64, successors: 1, fraction: p, lookups: 400, settleRoundsMax: 40, seed: 3)
        #expect(short.crashed == 16)
        // Keys whose owner crashed: ≈ p (400 draws: ± 0.1 is over four standard deviations).
        #expect(abs(short.immediate.lostFraction - p) < 0.1, "lost \(short.immediate.lostFraction)")
        // With r = 1, a lookup whose owner crashed has no list entry to fall back on.
        #expect(abs(short.immediate.failedFraction - p) < 0.12, "failed \(short.immediate.failedFraction)")

        let long = FailureFigure.point(nodes: 64, successors: 12, fraction: p, lookups: 400, settleRoundsMax: 40, seed: 3)
        #expect(long.settledStable)
        #expect(long.settled.failed == 0)
        // r = 2·log2 N: the list bridges every run of crashed nodes even before repair.
        #expect(long.immediate.failed == 0)
        #expect(FailureFigure.point(nodes: 64, successors: 1, fraction: p, lookups: 400, settleRoundsMax: 40, seed: 3) == short)
    }

    @Test func keysPerNodeMeanIsExactAndVirtualNodesNarrowTheSpread() {
        let one = KeysPerNodeFigure.points(nodes: 1000, virtualNodes: 1, keyCounts: [20_000, 5_000], seed: 2)
        let ten = KeysPerNodeFigure.points(nodes: 1000, virtualNodes: 10, keyCounts: [20_000], seed: 2)
        #expect(one.map(\.keys) == [5_000, 20_000])
        #expect(one.map(\.perNode.mean) == [5.0, 20.0])
        #expect(ten[0].perNode.mean == 20.0)
        // One id per node: arcs are about exponential, p99 ≈ ln 100 ≈ 4.6× the mean.
        #expect(one[1].p99OverMean > 3.5 && one[1].p99OverMean < 6, "\(one[1].p99OverMean)")
        #expect(ten[0].p99OverMean < 2.2, "\(ten[0].p99OverMean)")
        #expect(ten[0].perNode.p01 > one[1].perNode.p01)
        #expect(KeysPerNodeFigure.points(nodes: 1000, virtualNodes: 10, keyCounts: [20_000], seed: 2) == ten)
    }

    @Test func pushAntiEntropyTakesAboutLog2NPlusLnN() {
        let push = AntiEntropyFigure.point(replicas: 100, mode: .push, trials: 20, seed: 5)
        // log2 100 + ln 100 ≈ 11.2 (Pittel: + O(1)).
        #expect(abs(push.rounds.mean - push.log2PlusLn) < 3, "push \(push.rounds.mean)")
        let pull = AntiEntropyFigure.point(replicas: 100, mode: .pull, trials: 20, seed: 5)
        let both = AntiEntropyFigure.point(replicas: 100, mode: .pushPull, trials: 20, seed: 5)
        #expect(pull.rounds.mean < push.rounds.mean)
        #expect(both.rounds.mean < pull.rounds.mean)
        #expect(AntiEntropyFigure.point(replicas: 100, mode: .push, trials: 20, seed: 5) == push)
    }

    @Test func demersRecurrencesOrderTheModes() {
        let push = AntiEntropyFigure.recurrenceRounds(replicas: 1000, mode: .push)
        let pull = AntiEntropyFigure.recurrenceRounds(replicas: 1000, mode: .pull)
        let both = AntiEntropyFigure.recurrenceRounds(replicas: 1000, mode: .pushPull)
        #expect(abs(Double(push) - (9.97 + 6.91)) < 2.5, "push \(push)")
        #expect(both < pull && pull < push)
        #expect(AntiEntropyFigure.rounds(replicas: 1, mode: .push, seed: 1) == 0)
    }
}
