import Foundation
import Testing
@testable import RingsideSimulation
import RingsideKernel
import Chord

/// `ringside explore`: the bounded model checker (CI runs these small bounds in a debug build).
struct ExploreTests {
    /// Small bounds: 3 nodes, r = 2, one crash, one join.
    static func small(zave: Bool, depth: Int = 7) -> ExploreSettings {
        var settings = ExploreSettings()
        settings.zave = zave
        settings.nodes = 3
        settings.successors = 2
        settings.failures = 1
        settings.joins = 1
        settings.depth = depth
        return settings
    }

    /// What `ringside run` prints for the script's `invariants` lines.
    static func reports(_ script: String) throws -> [String] {
        try run(script).outputs.compactMap { output in
            if case let .report(text) = output { return text }
            return nil
        }
    }

    @Test func originalViolatesAndTheScriptReplays() throws {
        let settings = Self.small(zave: false)
        let result = try Explorer(settings: settings).run()
        let violation = try #require(result.violation)
        #expect(ExploreSettings.invariantNames.contains(violation.invariant))
        #expect(violation.depth <= settings.depth)
        let script = violation.script(settings: settings)
        let reports = try Self.reports(script)
        #expect(reports.last?.hasPrefix("invariant violated: \(violation.invariant): ") == true, "\(reports)\n\(script)")
        #expect(script.split(separator: "\n").last == "invariants")
    }

    @Test func eachTargetedInvariantReplays() throws {
        // ConnectedAppendages: the original joiner knows one successor, which then crashes.
        var settings = Self.small(zave: false)
        settings.target = "ConnectedAppendages"
        let result = try Explorer(settings: settings).run()
        let violation = try #require(result.violation)
        #expect(violation.invariant == "ConnectedAppendages")
        let reports = try Self.reports(violation.script(settings: settings))
        #expect(reports.contains { $0.hasPrefix("invariant violated: ConnectedAppendages: ") })
    }

    @Test func zaveHasNoViolationWithinTheSameBounds() throws {
        let result = try Explorer(settings: Self.small(zave: true)).run()
        #expect(result.violation == nil, "\(result.violation?.script(settings: Self.small(zave: true)) ?? "")")
        #expect(result.states > 100)
        #expect(result.summary.contains { $0.hasPrefix("no violation") })
    }

    @Test func theSearchIsDeterministic() throws {
        let settings = Self.small(zave: false)
        let a = try Explorer(settings: settings).run()
        let b = try Explorer(settings: settings).run()
        #expect(a.states == b.states)
        #expect(a.transitions == b.transitions)
        #expect(a.violation?.script(settings: settings) == b.violation?.script(settings: settings))
    }

    @Test func boundsAreReported() throws {
        var settings = Self.small(zave: true, depth: 3)
        let result = try Explorer(settings: settings).run()
        #expect(result.violation == nil)
        #expect(result.boundHit?.hasPrefix("depth") == true)
        settings.depth = 30
        settings.maxStates = 50
        let capped = try Explorer(settings: settings).run()
        #expect(capped.boundHit?.hasPrefix("states") == true)
        #expect(capped.states == 50)
        #expect(capped.summary.contains("no violation within bounds"))
    }

    @Test func badBoundsAreExplained() {
        var settings = ExploreSettings()
        settings.nodes = 2
        settings.successors = 2
        #expect(settings.problem()?.contains("--successors + 1") == true)
        settings = ExploreSettings()
        settings.target = "Ordered"
        #expect(settings.problem()?.contains("--invariant must be one of") == true)
        settings = ExploreSettings()
        settings.depth = 0
        #expect(settings.problem() != nil)
        #expect(ExploreSettings().problem() == nil)
    }

    /// The timers transition fires every pending timer and delivers nothing else: what the
    /// timers' handlers send stays in flight.
    @Test func firingTimersDeliversNothingElse() throws {
        var state = try Explorer(settings: Self.small(zave: false)).rootState()
        _ = try state.apply(ExploreMove(kind: .fail, a: 21, b: 0))
        let stabilize = try state.apply(ExploreMove(kind: .start, a: 0, b: 0))
        #expect(stabilize.losses.count == 1)  // 0 asks its dead successor 21
        #expect(state.moves(Self.small(zave: false)).contains { $0.kind == .fireTimers })
        _ = try state.apply(ExploreMove(kind: .fireTimers, a: 0, b: 0))
        #expect(state.lost.isEmpty)
        let inFlight = state.world.inFlightPackets()
        #expect(inFlight.count == 1)  // the retry to the next successor, 42
        #expect(inFlight.first.map { state.world.messageType($0) } == "get_predecessor")
    }

    /// Rotating the ring by one gap gives the same fingerprint (symmetry reduction).
    @Test func rotatedStatesShareAFingerprint() throws {
        let settings = Self.small(zave: false)
        #expect(ExploreState.symmetries(settings) == [0, 21, 42] || ExploreState.symmetries(settings) == [0])
        var a = try Explorer(settings: settings).rootState()
        var b = a
        _ = try a.apply(ExploreMove(kind: .start, a: 0, b: 0))
        _ = try b.apply(ExploreMove(kind: .start, a: 21, b: 0))
        if ExploreState.symmetries(settings).count > 1 {
            #expect(a.fingerprint(settings) == b.fingerprint(settings))
        }
        var c = try Explorer(settings: settings).rootState()
        _ = try c.apply(ExploreMove(kind: .fail, a: 21, b: 0))
        #expect(c.fingerprint(settings) != a.fingerprint(settings))
    }
}
