import Foundation
import Testing

@Suite("ringside run --trace, --events and --shiviz")
struct EventExportTests {
    /// A fresh path in the temporary directory (the file is removed afterwards by the caller).
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ringside-\(UUID().uuidString)-\(name)").path
    }

    /// The trace once kept only the newest 2,000 lines; every one must print now.
    @Test func traceKeepsMoreThan2000Lines() throws {
        let count = 2_600
        let script = (1...count).map { "say caption \($0)" }.joined(separator: "\n") + "\n"
        let result = try Executable.run(["run", "-", "--trace"], stdin: script)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.first == "[t=0] caption 1")
        #expect(lines.last == "[t=0] caption \(count)")
        #expect(result.stdout.split(separator: "\n").count == count)  // the captions on stdout, unchanged
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
