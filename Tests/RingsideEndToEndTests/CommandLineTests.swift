import Foundation
import Testing

@Suite("The ringside command line")
struct CommandLineTests {
    @Test func runPrintsCaptionsAndOneJSONLinePerDump() throws {
        let result = try Executable.run(["run", "Assets/scenarios/lecture-ring.ringside"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("# ") }.count == 3)
        let json = try #require(lines.last)
        let state = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(state["version"] as? Int == 2)
        #expect((state["nodes"] as? [Any])?.count == 6)
    }

    @Test func scriptErrorsAreInCompilerFormWithStatus1() throws {
        let result = try Executable.run(["run", "-"], stdin: "bits 7\nadd 10 32 60 90 105 120\ndump\nlookup 15 from 33\ndump\n")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:4:16: error: node 33 does not exist; nodes are 10 32 60 90 105 120\n")
        #expect(result.stdout.split(separator: "\n").count == 1)  // the first dump stays printed
    }

    @Test func usageErrorsExitWith2() throws {
        for arguments in [["run"], ["run", "/no/such/file.ringside"], ["run", "/"], ["frobnicate"],
                          ["bench", "chord", "--nodes", "ten", "--lookups", "1"], ["run", "x", "--seed", "-4"]] {
            let result = try Executable.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.stderr.isEmpty, "\(arguments)")
            #expect(!result.stderr.contains("Fatal error"), "\(arguments)")
        }
    }

    @Test func helpAndVersion() throws {
        let help = try Executable.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("run"))
        #expect(help.stdout.contains("bench"))
        let version = try Executable.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    /// `--ascii` (the ASCII glyph set: LANG=C alone falls back to C.UTF-8) on the main
    /// command and after `play FILE`.
    @Test func asciiIsAFlagOfTheViewAndOfPlay() throws {
        for arguments in [["--help"], ["play", "--help"]] {
            let help = try Executable.run(arguments)
            #expect(help.status == 0)
            let usage = try #require(help.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            #expect(usage.contains("[--ascii]"), "\(arguments): \(usage)")
            #expect(help.stdout.contains("RINGSIDE_ASCII=1"), "\(arguments)")
        }
        // Parsed either place: without a terminal it gets as far as the usage error for that.
        for arguments in [["--ascii", "play", "Assets/scenarios/lecture-ring.ringside"],
                          ["play", "Assets/scenarios/lecture-ring.ringside", "--ascii"]] {
            let result = try Executable.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.stderr.contains("Unknown option"), "\(arguments): \(result.stderr)")
        }
    }

    /// User test: `play --help` left out `--record`, which `play FILE --record OUT` takes.
    @Test func playHelpListsRecord() throws {
        let help = try Executable.run(["play", "--help"])
        #expect(help.status == 0)
        let usage = try #require(help.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
        #expect(usage.contains("[--record <out>]"))
        #expect(help.stdout.contains("\n  --record <out>"))
        // Either place on the command line reaches the recorder (an unwritable place is a
        // usage error before the view opens).
        for arguments in [["play", "Assets/scenarios/lecture-ring.ringside", "--record", "/no/such/dir/out"],
                          ["--record", "/no/such/dir/out", "play", "Assets/scenarios/lecture-ring.ringside"]] {
            let result = try Executable.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("cannot record to"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func hostileBytesNeverCrash() throws {
        var bytes: [UInt8] = []
        var x: UInt64 = 12345
        for _ in 0..<4000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: x >> 33))
        }
        let result = try Executable.run(["run", "-"], stdin: String(decoding: bytes, as: UTF8.self))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:"))
        #expect(result.stderr.contains(": error: "))
    }

    @Test func benchChordPrintsOneJSONLine() throws {
        let result = try Executable.run(["bench", "chord", "--nodes", "500", "--lookups", "200", "--bits", "20", "--seed", "3"])
        #expect(result.status == 0)
        let state = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for field in ["nodes", "lookups", "bits", "meanPathLength", "p01PathLength", "p99PathLength",
                      "buildSeconds", "lookupSeconds", "lookupsPerSecond", "peakRSSBytes"] {
            #expect(state[field] != nil, "\(field)")
        }
        let mean = try #require(state["meanPathLength"] as? Double)
        #expect(mean > 2 && mean < 9)  // ~ (1/2) log2 500 + 1
    }

    @Test func benchBayouConvergesAndPrintsOneJSONLine() throws {
        let result = try Executable.run(["bench", "bayou", "--replicas", "40", "--writes", "400", "--seed", "2"])
        #expect(result.status == 0)
        let state = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for field in ["replicas", "writes", "rounds", "sessions", "writesSent", "seconds", "peakRSSBytes"] {
            #expect(state[field] != nil, "\(field)")
        }
        #expect(state["writesSent"] as? Int == 39 * 400)  // every replica receives every write once
        let rounds = try #require(state["rounds"] as? Int)
        #expect(rounds >= 3 && rounds <= 10)
        #expect(state["sessions"] as? Int == 2 * 40 * rounds)
    }

    @Test func benchTimelineKeepsItsCheckpointBoundAndPrintsOneJSONLine() throws {
        let result = try Executable.run(["bench", "timeline", "--world", "ring", "--nodes", "50", "--steps", "600",
                                         "--jumps", "20", "--checkpoints", "8"])
        #expect(result.status == 0)
        let state = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for field in ["world", "nodes", "steps", "checkpoints", "checkpointInterval", "recordSeconds", "residentGrowthBytes",
                      "bytesPerCheckpoint", "jumpMeanMs", "jumpP99Ms", "jumpMaxMs", "stepBackMaxMs", "peakRSSBytes"] {
            #expect(state[field] != nil, "\(field)")
        }
        #expect(state["steps"] as? Int == 600)
        let checkpoints = try #require(state["checkpoints"] as? Int)
        #expect(checkpoints >= 4 && checkpoints <= 8)
        #expect(state["checkpointInterval"] as? Int == 128)  // 16 doubled until 600 steps fit in 8
        #expect(state["replayDiverged"] as? Bool == false)
        let bad = try Executable.run(["bench", "timeline", "--world", "moon"])
        #expect(bad.status != 0)
    }

    @Test func everyScenarioRunsHeadless() throws {
        let folder = Executable.root.appendingPathComponent("Assets/scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ringside") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let result = try Executable.run(["run", "Assets/scenarios/\(file)"])
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(result.stdout.contains("{\"version\":2"), "\(file)")
        }
    }
}

@Suite("Help text")
struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["run"], ["play"], ["check"], ["explore"], ["fuzz"], ["bench"],
        ["bench", "chord"], ["bench", "store"], ["bench", "bayou"], ["bench", "ui"], ["bench", "timeline"],
        ["bench", "figure"], ["bench", "figure", "path-length"], ["bench", "figure", "failures"],
        ["bench", "figure", "keys-per-node"], ["bench", "figure", "anti-entropy"], ["bench", "figure", "placement"],
    ]

    /// The prose above USAGE is filled for 80 columns (ArgumentParser fills 79): every line
    /// of a paragraph but its last is as full as the next word allows. A hard line break in a discussion longer than
    /// the terminal left a stub line of a word or two after each wrapped line.
    @Test(arguments: commands)
    func proseIsFilledAt80Columns(_ command: [String]) throws {
        let result = try Executable.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        let prose = result.stdout.components(separatedBy: "\nUSAGE:")[0].components(separatedBy: "\n")
        #expect(prose.first?.hasPrefix("OVERVIEW: ") == true)
        for (line, next) in zip(prose, prose.dropFirst()) where !line.isEmpty && !next.isEmpty {
            let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + nextWord.count > 79, "\(command): “\(line)” could hold “\(nextWord)”")
        }
    }
}
