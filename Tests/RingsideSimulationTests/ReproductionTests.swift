import Testing
@testable import RingsideSimulation

/// A failing seed's shrunk script: it stays within the run's fault assumptions, and what
/// `check` says about it is what replaying it shows.
@Suite("Check: shrunk reproductions")
struct ReproductionTests {
    static func strictCrashLatency() -> CheckSettings {
        var settings = CheckSettings()
        settings.faults = [.crash, .latency]
        settings.strictChord = true
        return settings
    }

    /// Seed 40 breaks AtLeastOneRing with nine live nodes and no cycle of best successors.
    /// The shrinker used to keep `add 718`, `fail 718`, `invariants`: a crash of the last
    /// node (no schedule leaves fewer than r + 1 live) and an empty world, which
    /// AtLeastOneRing reports too ("no node is alive"), but which is not the bug.
    @Test func shrunkScriptKeepsTheRunsFaultAssumptions() throws {
        let settings = Self.strictCrashLatency()
        let result = SeedCheck.run(seed: 40, settings: settings)
        let failure = try #require(result.failure)
        let shown = try #require(result.reproductionFailure)
        #expect(shown.name == failure.name)
        let commands = result.reproduction.filter { !$0.hasPrefix("#") && $0 != "invariants" }
        #expect(commands.count < result.script.count)
        let replayed = SeedCheck.replay(commands, settings: settings)
        let crashOutside = replayed.crashOutsideSchedules, live = replayed.world.state.liveCount
        #expect(!crashOutside, "\(result.reproduction)")
        #expect(live > settings.successorListLength, "\(result.reproduction)")
        #expect(!shown.detail.contains("no node is alive"), "\(shown.text)")
        #expect(replayed.failure == shown)
    }

    /// Seed 23's unshrunk run has four rings among eight nodes; its script keeps two of
    /// them. The message and the file's header used to name the unshrunk run's nodes.
    @Test func messageAndHeaderDescribeTheScriptsOwnViolation() throws {
        let settings = Self.strictCrashLatency()
        let result = SeedCheck.run(seed: 23, settings: settings)
        let failure = try #require(result.failure)
        let commands = result.reproduction.filter { !$0.hasPrefix("#") && $0 != "invariants" }
        let own = try #require(SeedCheck.replay(commands, settings: settings).failure)
        #expect(own.name == failure.name)
        let header = CheckReport.reproductionFile(result).split(separator: "\n").first.map(String.init)
        #expect(header == "# ringside check: seed 23: \(own.text)")
        let message = try #require(CheckReport.failure(result).first)
        #expect(message.hasSuffix(": \(own.text)"), "\(message)")
    }
}
