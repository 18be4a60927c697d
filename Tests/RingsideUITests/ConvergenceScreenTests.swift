import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// The convergence view on whole screens, played through the front end as in class:
/// golden screens at 80×24, 120×40 and 200×60, time travel, and any size.
@Suite struct ConvergenceScreenTests {
    /// The 32-replica scenario played to just after its third round, in the convergence view.
    static func scenario(rounds: Int = 3) throws -> FrontEnd {
        let text = try ConvergenceTests.scenarioText()
        var (frontEnd, _) = try Fixtures.scripted(text, name: "converging-32.ringside")
        // Each N finishes one statement (a pause waits for a key: N again), until the
        // caption of the round after the last one wanted, or the end.
        let stop = "Round \(rounds + 1):"
        for _ in 0..<400 where frontEnd.model.scriptRemaining > 0 {
            if frontEnd.model.caption?.hasPrefix(stop) == true { break }
            frontEnd.press(.character("N"))
        }
        frontEnd.press(.character("v"))
        frontEnd.press(.character("v"))
        return frontEnd
    }

    @Test func convergence80x24() throws {
        let lines = try Self.scenario().screen(Size(width: 80, height: 24))
        #expect(lines.first?.contains("Convergence") == true)
        Snapshot.assert(lines, matches: Snapshots.convergence80x24, named: "convergence80x24")
    }

    @Test func convergence120x40() throws {
        let lines = try Self.scenario().screen(Size(width: 120, height: 40))
        Snapshot.assert(lines, matches: Snapshots.convergence120x40, named: "convergence120x40")
    }

    @Test func convergence200x60() throws {
        let lines = try Self.scenario(rounds: 5).screen(Size(width: 200, height: 60))
        #expect(lines.contains { $0.contains("identical since t=") })
        Snapshot.assert(lines, matches: Snapshots.convergence200x60, named: "convergence200x60")
    }

    /// Chord after churn: 8 of 32 nodes crash, lookups then answer wrongly or fail, and
    /// stabilize rounds bring successors and fingers back to 100%.
    static func churn() throws -> FrontEnd {
        var lines = ["bits 8", "successors 2", "add " + (0..<32).map { String($0 * 8 + 3) }.joined(separator: " ")]
        lines.append("say Eight of 32 nodes crash")
        lines += [11, 19, 27, 83, 91, 99, 163, 171].map { "fail \($0)" }
        lines += (0..<6).map { "lookup \($0 * 40 + 12) from 3" }
        lines += ["stabilize", "lookup 20 from 3", "stabilize", "fix-fingers", "check-predecessor", "lookup 100 from 3",
                  "stabilize", "fix-fingers", "lookup 170 from 3"]
        var (frontEnd, _) = try Fixtures.scripted(lines.joined(separator: "\n") + "\n", name: "churn.ringside")
        for _ in 0..<400 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("N"))
        }
        frontEnd.press(.character("v"))
        frontEnd.press(.character("v"))
        return frontEnd
    }

    @Test func chordConvergenceAfterChurn120x40() throws {
        let frontEnd = try Self.churn()
        let lines = frontEnd.screen(Size(width: 120, height: 40))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Chord · 24 live nodes"))
        #expect(lines.contains { $0.contains("successors") && $0.hasSuffix("100%│") })
        Snapshot.assert(lines, matches: Snapshots.chordConvergence120x40, named: "chordConvergence120x40")
    }

    /// After `u` the plots end at the cursor; `U` brings the later samples back.
    @Test func samplesFollowTheTimeTravelCursor() throws {
        var frontEnd = try Self.scenario(rounds: 5)
        let newest = frontEnd.model.timeline.cursor
        let all = ConvergenceSeries(model: frontEnd.model).samples
        #expect(all.last?.step == newest)
        for _ in 0..<5 { frontEnd.press(.character("u")) }
        let cursor = frontEnd.model.timeline.cursor
        #expect(cursor < newest)
        let back = ConvergenceSeries(model: frontEnd.model).samples
        #expect(back.last?.step == cursor)
        #expect(back.allSatisfy { $0.step <= cursor })
        // The newest samples are gone; each step on the way back got one (the world there).
        #expect(Array(back.dropLast()) == all.filter { $0.step < cursor })
        #expect(frontEnd.screen().first?.contains("to step \(cursor)") == true)
        frontEnd.press(.character("U"))
        #expect(ConvergenceSeries(model: frontEnd.model).samples.last?.step == cursor + 1)
    }

    @Test func noTrapAtAnySizeAndAsciiStaysAscii() throws {
        OddSizes.check(try Self.scenario()) { model, glyphs, grid in
            ConvergencePanel(model: model, glyphs: glyphs).render(into: &grid, area: grid.area)
        }
    }

    @Test func anEmptyWorldSaysWhatToDo() {
        var model = AppModel()
        model.mainView = .convergence
        let lines = AppView.render(model, size: Size(width: 80, height: 24), glyphs: .unicode).trimmed
        #expect(lines.contains { $0.contains("no live nodes yet") })
    }

    /// The benchmark's 2,000-node ring: rows that fit, the rest counted; fingers sampled.
    @Test func aRingOfTwoThousandNodes() {
        let model = UIBenchmark.model(nodes: 2000, view: .convergence)
        let lines = AppView.render(model, size: Size(width: 200, height: 60), glyphs: .unicode).trimmed
        // The benchmark failed one more node and stabilized round it.
        #expect(lines.contains { $0.contains("1998 live nodes") })
        #expect(lines.contains { $0.contains("no writes yet") })
        #expect(lines.contains { $0.contains("fingers of 64 nodes spread round the ring") })
    }
}
