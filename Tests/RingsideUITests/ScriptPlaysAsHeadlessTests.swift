import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// A scenario stepped with `n` in the terminal view ends where `ringside run` ends: the
/// script's `async` commands let the next statements (`step`, `drop mID`) act on their
/// messages in flight, as headless (found with quorum-k14, whose `drop m12` failed in the
/// TUI because the put had already finished).
@Suite struct ScriptPlaysAsHeadlessTests {
    static func headless(_ text: String) throws -> World {
        var world = World()
        for statement in try Parser.parse(script: text) { _ = try world.execute(statement) }
        return world
    }

    static func scenario(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Assets/scenarios/\(name).ringside"), encoding: .utf8)
    }

    /// Presses `key` until the script has run out and the world is idle, stopping at the
    /// first error; then the world must be the one `ringside run` ends in.
    static func playToTheEnd(_ name: String, pressing key: Character, pressesMax: Int) throws {
        let text = try Self.scenario(name)
        var (frontEnd, _) = try Fixtures.scripted(text, name: "\(name).ringside")
        var presses = 0
        while presses < pressesMax, frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character(key))
            presses += 1
            if frontEnd.model.status?.isError == true { break }
        }
        #expect(presses < pressesMax)
        #expect(frontEnd.model.status?.isError != true, "\(frontEnd.model.status?.text ?? "")")
        let expected = StateJSON.encode(try Self.headless(text))
        #expect(StateJSON.encode(frontEnd.model.world) == expected)
    }

    @Test(arguments: ["quorum-k14", "reverse-order-k14", "partitioned-bayou", "lecture-ring", "converging-32"])
    func steppingTheScenarioEndsInTheHeadlessState(name: String) throws {
        try Self.playToTheEnd(name, pressing: "n", pressesMax: 20_000)
    }

    /// `N` finishes the command under way as `ringside run` would, not every message in
    /// flight: it took explore-at-most-one-ring's async `m8` during `sync 0 -> 5`, and the
    /// script's `deliver m8` then stopped the scenario with "m8 is not in flight".
    @Test(arguments: ["explore-at-most-one-ring", "explore-connected-appendages", "quorum-k14", "reverse-order-k14",
                      "timeouts-disorder-ring"])
    func finishingEachCommandEndsInTheHeadlessState(name: String) throws {
        try Self.playToTheEnd(name, pressing: "N", pressesMax: 2_000)
    }
}
