import Foundation
import Testing

/// `--out` is checked before any work: a sweep or a search may take minutes, and its
/// verdict used to be thrown away at the end (exit 2) when the file could not be written.
@Suite("--out targets are checked first")
struct OutPathTests {
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ringside-out-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    /// Ten million seeds would take hours: the answer comes at once.
    @Test func checkRejectsAFileAtOnce() throws {
        let file = try Self.scratch("file")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Executable.run(["check", "--seeds", "10000000", "--out", file.path])
        #expect(clock.now - start < .seconds(30))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("is not a directory"), "\(result.stderr)")
    }

    @Test func checkCreatesAMissingDirectory() throws {
        let dir = try Self.scratch("made").appendingPathComponent("deeper")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let result = try Executable.run(["check", "--seeds", "1", "--steps", "5", "--out", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        // The probe file that proved it writable is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A write that fails after the work (here a directory stands where the file goes)
    /// still prints the verdict, then the error, and exits with the verdict's status.
    @Test func aLateWriteFailureKeepsTheVerdict() throws {
        let dir = try Self.scratch("late")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seed-23.ringside"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Executable.run(["check", "--seed", "23", "--seeds", "1", "--faults", "crash,latency", "--strict-chord",
                                         "--jobs", "1", "--out", dir.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("seed 23: FAILED"))
        #expect(result.stdout.contains("reproduction"))
        #expect(result.stderr.contains("cannot write"), "\(result.stderr)")
    }

    /// The default search finds a violation in a second; a directory as its file was
    /// reported only then (`cannot write`), and under zave (no violation) never.
    @Test(arguments: ["original", "zave"])
    func exploreRejectsADirectoryBeforeSearching(_ name: String) throws {
        let dir = try Self.scratch("dir-\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Executable.run(["explore", "--protocol", name, "--quiet", "--out", dir.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("is a directory"), "\(result.stderr)")
    }

    /// With no violation nothing is written, and a file already there is said to be an
    /// earlier run's (it was left without a word, and could pass for this run's).
    @Test func exploreWithNoViolationSaysAnOldFileIsLeft() throws {
        let old = try Self.scratch("old.ringside")
        try Data("old\n".utf8).write(to: old)
        defer { try? FileManager.default.removeItem(at: old) }
        let result = try Executable.run(["explore", "--protocol", "zave", "--nodes", "3", "--depth", "4", "--quiet", "--out", old.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("no file written: \(old.path) is left as it was"), "\(result.stdout)")
        #expect(try String(contentsOf: old, encoding: .utf8) == "old\n")
    }

    @Test func exploreRejectsAMissingDirectory() throws {
        let missing = try Self.scratch("nowhere").appendingPathComponent("x.ringside")
        let result = try Executable.run(["explore", "--quiet", "--out", missing.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
    }
}
