import Foundation
import Testing

/// The full-screen view in a real terminal: tmux runs `ringside`, the test types keys
/// and reads the screen back, as a student would use it.
@Suite("The terminal view", .serialized)
struct TerminalEndToEndTests {
    /// A scratch directory for the exit status and the tty settings the pane's shell records.
    private static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ringside-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The pane's shell: note the tty settings, run ringside, note its exit status and
    /// the settings again, then stay alive so the pane can still be read.
    private static func command(_ arguments: String = "", in directory: URL) -> String {
        let dir = directory.path
        return "cd '\(Executable.root.path)' && export LC_ALL=C.UTF-8 && stty -g > '\(dir)/before'; "
            + "'\(Executable.path)' \(arguments); echo $? > '\(dir)/rc'; stty -g > '\(dir)/after'; sleep 60"
    }

    private static func ttySettings(_ directory: URL) -> (before: String?, after: String?) {
        (waitForFile(directory.appendingPathComponent("before").path),
         waitForFile(directory.appendingPathComponent("after").path))
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed: .ci/deps installs it"))
    func lookupStepResizeAndQuit() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try Tmux(command: Self.command(in: directory), width: 120, height: 40)

        // Under load the first frames may show the panels before the finger rows and caption.
        var (ok, screen) = tmux.waitForScreen { screen in
            ["Fingers of 10", "Ring · m=7 · 6 live", "[74,10)", "Welcome to Ringside"].allSatisfy(screen.contains)
        }
        #expect(ok, "the demo did not open:\n\(screen)")

        try tmux.send("Tab", "Tab", "Tab")
        // The title and the rows together: under load one capture caught the new title
        // above rows not yet redrawn.
        (ok, screen) = tmux.waitForScreen { $0.contains("Fingers of 90") && $0.contains("[122,26)") }
        #expect(ok, "Tab did not select 90:\n\(screen)")

        try tmux.send("l")
        (ok, screen) = tmux.waitFor("lookup from 90 · key:")
        #expect(ok, "no lookup prompt:\n\(screen)")
        try tmux.send("15", "Enter")
        (ok, screen) = tmux.waitFor("› lookup 15 from 90")
        #expect(ok, "the lookup was not begun:\n\(screen)")
        try tmux.send("n")
        (ok, screen) = tmux.waitFor("90: 15 ∉ (90,105] → forward to closest preceding finger 10")
        #expect(ok, "n did not take the first hop:\n\(screen)")
        try tmux.send("n")
        (ok, screen) = tmux.waitFor("10: 15 ∈ (10,32] → successor 32 owns it")
        #expect(ok, "n did not deliver to 10:\n\(screen)")
        #expect(screen.contains("lookup 15: 90 → 10 → …"))
        #expect(screen.contains("10 → 32  find_successor(15) last hop"))

        // Smaller: the layout follows; too small: the notice; back: the view again.
        try tmux.run(["resize-window", "-x", "70", "-y", "20"])
        (ok, screen) = tmux.waitForScreen { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.hasPrefix("┌─ Ring") == true && lines.first.map { $0.count == 70 } == true
        }
        #expect(ok, "no redraw at 70×20:\n\(screen)")
        // Mid-lookup the finger panel follows the node that routes it next (32).
        #expect(screen.contains("Fingers of 32 A · lookup 15 here"))
        try tmux.run(["resize-window", "-x", "50", "-y", "12"])
        (ok, screen) = tmux.waitFor("need 60×16, have 50×12")
        #expect(ok, "no too-small notice:\n\(screen)")
        try tmux.run(["resize-window", "-x", "120", "-y", "40"])
        (ok, screen) = tmux.waitFor("Fingers of 32 A · lookup 15 here")
        #expect(ok, "no redraw at 120×40:\n\(screen)")
        // Grown past the size it started at: quitting then left rows of the last frame on
        // the shell's screen until the screen was blanked before curses ended.
        try tmux.run(["resize-window", "-x", "130", "-y", "48"])
        (ok, screen) = tmux.waitForScreen { $0.split(separator: "\n").first.map { $0.count == 130 } == true && $0.contains("Fingers of 32") }
        #expect(ok, "no redraw at 130×48:\n\(screen)")

        try tmux.send("q")
        let status = waitForFile(directory.appendingPathComponent("rc").path)
        #expect(status == "0")
        let tty = Self.ttySettings(directory)
        #expect(tty.before != nil && tty.before == tty.after, "the terminal was not restored")
        // The shell is back in charge of the pane: the view is gone.
        (ok, screen) = tmux.waitForScreen { !$0.contains("Fingers of") }
        #expect(ok, "the view is still on screen after q:\n\(screen)")
        #expect(!screen.contains("│") && !screen.contains("┘"), "rows of the last frame were left after q:\n\(screen)")
    }

    /// Time travel, the in-flight list and `--record` in a real terminal: `u` takes a hop
    /// back, `U` redoes it, `m` lists the message in flight and Enter delivers it as
    /// `deliver mN`; the recording, run headless, ends with that message delivered.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed: .ci/deps installs it"))
    func undoRedoTheMessageListAndRecord() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recordPath = directory.appendingPathComponent("session.ringside").path
        let tmux = try Tmux(command: Self.command("--record '\(recordPath)'", in: directory), width: 120, height: 40)
        var (ok, screen) = tmux.waitFor("Fingers of 10")
        #expect(ok, "the demo did not open:\n\(screen)")

        try tmux.send("Tab", "Tab", "Tab", "l")
        (ok, screen) = tmux.waitFor("lookup from 90 · key:")
        #expect(ok, "no lookup prompt:\n\(screen)")
        try tmux.send("15", "Enter", "n")
        let hop = "90: 15 ∉ (90,105] → forward to closest preceding finger 10"
        (ok, screen) = tmux.waitFor(hop)
        #expect(ok, "n did not take the first hop:\n\(screen)")

        try tmux.send("u")
        (ok, screen) = tmux.waitForScreen { !$0.contains(hop) && $0.contains("time: step ") }
        #expect(ok, "u did not go back a step:\n\(screen)")
        try tmux.send("U")
        (ok, screen) = tmux.waitForScreen { $0.contains(hop) && !$0.contains("time: step") }
        #expect(ok, "U did not redo the step:\n\(screen)")

        try tmux.send("m")
        (ok, screen) = tmux.waitFor("In flight · 1")
        #expect(ok, "m did not open the list:\n\(screen)")
        let listed = screen.split(separator: "\n").first { $0.contains(" find_successor due t=") }
        let id = listed.flatMap { line in
            line.split(separator: " ").first { $0.hasPrefix("m") && Int($0.dropFirst()) != nil }
        }
        #expect(id != nil, "the list shows no message id:\n\(screen)")
        try tmux.send("Enter")
        (ok, screen) = tmux.waitFor("› deliver \(id ?? "m?")")
        #expect(ok, "Enter did not deliver the message:\n\(screen)")
        (ok, screen) = tmux.waitFor("10: 15 ∈ (10,32] → successor 32 owns it")
        #expect(ok, "the delivered message did not arrive:\n\(screen)")

        try tmux.send("Escape", "q")
        let status = waitForFile(directory.appendingPathComponent("rc").path)
        #expect(status == "0")
        let tty = Self.ttySettings(directory)
        #expect(tty.before != nil && tty.before == tty.after, "the terminal was not restored")

        // The recording: the demo's setup, the lookup begun, the delivery.
        let recorded = try String(contentsOfFile: recordPath, encoding: .utf8)
        let lines = recorded.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# Ringside recording of demo") == true)
        #expect(!recorded.contains("warning"), "the recording is not exact:\n\(recorded)")
        #expect(lines.contains("seed 0") && lines.contains("add P=10 A=32 B=60 90 105 120"))
        // The first `n` started the lookup's first action: `async` does that itself.
        #expect(lines.suffix(2) == ["async lookup 15 from 90", "deliver \(id ?? "m?")"], "\(recorded)")
        // Run headless, it ends where the session did: 10's answer to 32 in flight.
        let dumped = directory.appendingPathComponent("dumped.ringside")
        try (recorded + "dump\n").write(to: dumped, atomically: true, encoding: .utf8)
        let run = try Executable.run(["run", dumped.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""from":10,"to":32,"type":"find_successor""#), "\(run.stdout)")
    }

    /// `--record` to a place that cannot be written is a usage error before the view opens.
    @Test func recordingToAnUnwritablePlaceExits2First() throws {
        let result = try Executable.run(["--record", "/nonexistent-ringside-dir/out.ringside"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot record to '/nonexistent-ringside-dir/out.ringside'"))
        #expect(!result.stderr.contains("terminal"))
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("ring.ringside")
        try "bits 7\nadd 10 32 60\n".write(to: script, atomically: true, encoding: .utf8)
        let play = try Executable.run(["play", script.path, "--record", directory.path])
        #expect(play.status == 2)
        #expect(play.stderr.contains("it is a directory"))
        // Only the terminal view records: `run` does not take the flag silently.
        let run = try Executable.run(["run", script.path, "--record", directory.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--record goes with the terminal view"))
    }

    /// Ctrl-C and SIGTERM end the view with 128 + the signal and a restored terminal.
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed: .ci/deps installs it"),
          arguments: [("C-c", "130"), ("SIGTERM", "143")])
    func signalsRestoreTheTerminal(how: String, expectedStatus: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try Tmux(command: Self.command(in: directory), width: 100, height: 30)
        let (ok, screen) = tmux.waitFor("Fingers of 10")
        #expect(ok, "the demo did not open:\n\(screen)")
        if how == "SIGTERM" {
            let pid = try #require(try tmux.programPID())
            kill(pid, SIGTERM)
        } else {
            try tmux.send(how)
        }
        #expect(waitForFile(directory.appendingPathComponent("rc").path) == expectedStatus)
        let tty = Self.ttySettings(directory)
        #expect(tty.before != nil && tty.before == tty.after, "the terminal was not restored after \(how)")
    }

    @Test func withoutATerminalItExits2AndPointsToRingsideRun() throws {
        let result = try Executable.run([], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a terminal"))
        #expect(result.stderr.contains("ringside run"))
        #expect(result.stdout.isEmpty)
        let dumb = try Executable.run([], environment: ["TERM": "dumb"])
        #expect(dumb.status == 2)
        #expect(dumb.stderr.contains("ringside run"))
    }

    /// `play` checks the whole script first: its error prints in compiler form, status 1,
    /// before any terminal is needed.
    @Test func playReportsScriptErrorsBeforeOpeningTheView() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.ringside")
        try "bits 7\nadd 10 32 60\nlookup 15 from 33\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Executable.run(["play", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(file.path):3:16: error: node 33 does not exist; nodes are 10 32 60\n")
        let missing = try Executable.run(["play", directory.appendingPathComponent("none.ringside").path])
        #expect(missing.status == 2)
        let badSpeed = try Executable.run(["play", file.path, "--speed", "0"])
        #expect(badSpeed.status == 2)
    }
}
