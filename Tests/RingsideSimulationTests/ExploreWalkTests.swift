import Testing
@testable import RingsideSimulation

/// `ringside explore --walks`: random walks through the explorer's state space.
struct ExploreWalkTests {
    static func walking(zave: Bool, walks: Int, depth: Int, seed: UInt64 = 0) -> ExploreSettings {
        var settings = ExploreSettings()
        settings.zave = zave
        settings.walks = walks
        settings.depth = depth
        settings.seed = seed
        return settings
    }

    @Test func aWalkFindsOriginalsConnectedAppendagesAndItsScriptReplays() throws {
        let settings = Self.walking(zave: false, walks: 2_000, depth: 10)
        let result = try Explorer(settings: settings).walk()
        let violation = try #require(result.violation)
        #expect(violation.invariant == "ConnectedAppendages")
        #expect(result.walksDone <= settings.walks)
        let script = violation.script(settings: settings)
        #expect(script.hasPrefix("# Found by `ringside explore --protocol original"))
        #expect(script.contains("a random walk's path"))
        let reports = try ExploreTests.reports(script)
        #expect(reports.last?.hasPrefix("invariant violated: ConnectedAppendages: ") == true, "\(script)")
        #expect(result.summary.contains { $0.contains("not the shortest") })
    }

    @Test func zaveWalksFindNothing() throws {
        let settings = Self.walking(zave: true, walks: 300, depth: 30)
        let result = try Explorer(settings: settings).walk()
        #expect(result.violation == nil)
        #expect(result.walksDone == 300)
        #expect(result.transitions > 300)
        #expect(result.states > 100)
        #expect(result.summary.last?.hasPrefix("no violation on any walk") == true)
    }

    @Test func walksAreDeterministicAndTheSeedMatters() throws {
        let a = try Explorer(settings: Self.walking(zave: true, walks: 50, depth: 20, seed: 7)).walk()
        let b = try Explorer(settings: Self.walking(zave: true, walks: 50, depth: 20, seed: 7)).walk()
        let c = try Explorer(settings: Self.walking(zave: true, walks: 50, depth: 20, seed: 8)).walk()
        #expect((a.states, a.transitions) == (b.states, b.transitions))
        #expect(a.states != c.states || a.transitions != c.transitions)
    }

    @Test func walksOutOfRangeAreAUsageProblem() {
        var settings = ExploreSettings()
        settings.walks = -1
        #expect(settings.problem()?.contains("--walks") == true)
    }
}
