import Foundation
import Testing

@Suite("ringside run --trace, --events and --shiviz")
struct EventExportTests {
    /// A fresh path in the temporary directory (the file is removed afterwards by the caller).
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ringside-\(UUID().uuidString)-\(name)").path
    }

    /// `--trace` once printed only the newest 2,000 lines of a command that wrote more
    /// (here one `fix-fingers` on 200 nodes writes thousands); every one must print now,
    /// the same explanations the event log's notes carry.
    @Test func traceKeepsMoreThan2000LinesOfOneCommand() throws {
        let ids = stride(from: 1, to: 1000, by: 5).map(String.init).joined(separator: " ")
        let script = "bits 10\nadd \(ids)\nfix-fingers\n"
        let events = Self.temporaryPath("events.jsonl")
        defer { try? FileManager.default.removeItem(atPath: events) }
        let result = try Executable.run(["run", "-", "--trace", "--events", events], stdin: script)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count > 2_000)
        #expect(lines.first?.hasPrefix("[t=0] 1: ") == true)
        // Every explanation is an event: a note, or the text of the delivery it explains.
        let explained = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains(#""kind": "note""#) || ($0.contains(#""kind": "deliver""#) && $0.contains(#""text": "#)) }
        #expect(explained.count == lines.count)
    }

    @Test func eventsAndShiVizFilesAreWritten() throws {
        let events = Self.temporaryPath("events.jsonl"), shiviz = Self.temporaryPath("shiviz.log")
        defer {
            try? FileManager.default.removeItem(atPath: events)
            try? FileManager.default.removeItem(atPath: shiviz)
        }
        let result = try Executable.run(["run", "Assets/scenarios/lecture-ring.ringside", "--events", events, "--shiviz", shiviz])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for (i, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["seq"] as? Int == i + 1)
            #expect(line.hasPrefix("{\"seq\": \(i + 1), \"time\": "))
        }
        #expect(lines.first?.contains(#""kind": "command", "line": 2, "text": "bits 7""#) == true)
        #expect(try String(contentsOfFile: shiviz, encoding: .utf8).hasPrefix("\n\n"))
    }

    @Test func anOutputFileThatCannotBeCreatedIsAUsageError() throws {
        for arguments in [["--events", "/no/such/dir/e.jsonl"], ["--shiviz", "/"]] {
            let result = try Executable.run(["run", "Assets/scenarios/lecture-ring.ringside"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("ringside: cannot create"), "\(arguments)")
            #expect(result.stdout == "", "\(arguments)")
        }
    }
}
