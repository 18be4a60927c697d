import Testing
@testable import RingsideSimulation

/// The words of `ringside check`'s summary.
@Suite("Check: the summary's words")
struct CheckReportTests {
    func chordLine(_ settings: CheckSettings) throws -> String {
        let lines = CheckReport.summary([SeedCheck.run(seed: 2, settings: settings)], settings: settings)
        return try #require(lines.first { $0.hasPrefix("Chord ring invariants:") })
    }

    /// Zave's protocol has no flaws of original's to report; it used to say it had.
    @Test func reportedCausesArePerProtocol() throws {
        var settings = CheckSettings()
        settings.scheduleLength = 10
        #expect(try chordLine(settings).contains("original's flaws"))
        settings.zave = true
        let zave = try chordLine(settings)
        #expect(!zave.contains("original"), "\(zave)")
        #expect(zave.contains("outside Zave's assumptions"), "\(zave)")
        settings.strictChord = true
        #expect(try !chordLine(settings).contains("original's flaws"))
    }
}
