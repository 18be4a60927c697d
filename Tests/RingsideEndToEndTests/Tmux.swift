import Foundation

/// A private tmux server (`tmux -L NAME`) with one detached session: a real terminal for
/// driving the full-screen view, read back with `capture-pane`.
final class Tmux {
    /// The tmux binary, if installed.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return directories.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { path != nil }

    let server: String
    private let binary: String
    /// The server's socket file, removed when done.
    private var socketPath: String?

    /// Starts `command` in a new detached session of the given size on a server of our own.
    init(command: String, width: Int, height: Int) throws {
        guard let binary = Self.path else { throw TmuxError("tmux is not installed") }
        self.binary = binary
        server = "ringside-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        do {
            try spawnDetached(["new-session", "-d", "-x", String(width), "-y", String(height), command])
        } catch {
            // The server may be up even though its client failed: never leave it behind.
            _ = try? run(["kill-server"], capturing: false)
            throw error
        }
        socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        _ = try? run(["kill-server"], capturing: false)
        // tmux leaves its socket file behind when killed; tidy /tmp.
        if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
    }

    /// Runs a tmux command on our server; returns its standard output.
    @discardableResult
    func run(_ arguments: [String], capturing: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-L", server] + arguments
        let out = Pipe()
        process.standardOutput = capturing ? out : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A tmux client answers in milliseconds; one that hangs must not hang the tests.
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            process.terminate()
            throw TmuxError("tmux \(arguments.joined(separator: " ")) did not answer within 10 s")
        }
        // Screens are a few kilobytes, well within a pipe's buffer, so reading after exit is safe.
        let data = capturing ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        guard process.terminationStatus == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts the server with posix_spawn rather than Foundation's Process: the server
    /// outlives the client and inherits its descriptors, and Process on Linux waits for a
    /// socket it passes to its child to close (swift-corelibs-foundation #4795), so it
    /// would wait forever; other tests' pipes must not leak into the server either. The
    /// server also gets an empty signal mask, as from a shell, not the test thread's.
    private func spawnDetached(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let argv = ([binary, "-L", server] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, binary, &actions, &attributes, argv, environ)
        guard error == 0 else { throw TmuxError("cannot start tmux: error \(error)") }
        let deadline = Date().addingTimeInterval(10)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                throw TmuxError("tmux new-session did not answer within 10 s")
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        guard status == 0 else { throw TmuxError("tmux new-session failed (wait status \(status))") }
    }

    /// The visible screen, one line per row.
    func capture() -> String {
        (try? run(["capture-pane", "-p"])) ?? ""
    }

    /// Keys as tmux names them ("Tab", "Enter", "C-c") or literal text.
    func send(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    /// Polls the screen every 50 ms until `condition` holds; the last screen either way.
    @discardableResult
    func waitForScreen(timeout: TimeInterval = 15, _ condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            guard Date() < deadline else { return (false, screen) }
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return (true, screen)
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) -> (ok: Bool, screen: String) {
        waitForScreen(timeout: timeout) { $0.contains(text) }
    }

    /// The pid of the program started in the pane's shell.
    func programPID() throws -> Int32? {
        let shell = try run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgrep", "-P", shell]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.flatMap { Int32($0) }
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Waits for a file to exist and be non-empty (the exit status the pane's shell writes).
func waitForFile(_ path: String, timeout: TimeInterval = 15) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return nil
}
