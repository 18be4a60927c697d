import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// "identical since" names the step at which the replicas became identical, whatever path
/// reached it: sampled once per screen update, stepping converging-32 with `n` said one
/// step and finishing each command with `N` another.
@Suite struct AgreementStepTests {
    /// Plays converging-32 to its end with `key`, then the convergence view's claim.
    static func identicalSince(pressing key: Character) throws -> (time: Int, step: Int, frontEnd: FrontEnd) {
        var (frontEnd, _) = try Fixtures.scripted(try ConvergenceTests.scenarioText(), name: "converging-32.ringside")
        var presses = 0
        while presses < 20_000, frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character(key))
            presses += 1
        }
        #expect(presses < 20_000)
        let since = try #require(ConvergenceSeries(model: frontEnd.model).identicalSince)
        return (Int(since.time), since.step, frontEnd)
    }

    @Test func theStepDoesNotDependOnHowTheRunGotThere() throws {
        let stepped = try Self.identicalSince(pressing: "n")
        let finished = try Self.identicalSince(pressing: "N")
        #expect(stepped.step == finished.step)
        #expect(stepped.time == finished.time)
    }

    /// The step named is exact: identical there, not one step before (reached with `u`).
    @Test func theStepIsTheFirstIdenticalOne() throws {
        var (_, step, frontEnd) = try Self.identicalSince(pressing: "N")
        while frontEnd.model.timeline.cursor > step { frontEnd.press(.character("u")) }
        #expect(frontEnd.model.timeline.cursor == step)
        #expect(ReplicaAgreement(frontEnd.model.world).isIdentical)
        #expect(ConvergenceSeries(model: frontEnd.model).identicalSince?.step == step)
        frontEnd.press(.character("u"))
        #expect(!ReplicaAgreement(frontEnd.model.world).isIdentical)
        // Back before the replicas agreed, the view says they differ.
        #expect(ConvergenceSeries(model: frontEnd.model).identicalSince == nil)
    }
}
