import Foundation
import RingsideSimulation

/// Where `--record OUT` writes the session: checked when the program starts (a usage
/// error, exit status 2, before the terminal is touched), written when the session ends
/// through a temporary file in the same directory renamed over OUT, so OUT is either
/// the old file or the whole new recording.
struct SessionRecordFile {
    let path: String
    private let temporaryPath: String

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw UsageError("cannot record to '\(path)': it is a directory") }
            guard FileManager.default.isWritableFile(atPath: path) else {
                throw UsageError("cannot record to '\(path)': permission denied")
            }
        }
        let directory = url.deletingLastPathComponent().path
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        // Creating the temporary file is the test that the directory takes new files.
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw UsageError("cannot record to '\(path)': cannot create files in '\(directory)'")
        }
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    /// Writes `recording`; reports on standard error what was written.
    func write(_ recording: SessionRecording) throws {
        do {
            try Data(recording.text.utf8).write(to: URL(fileURLWithPath: temporaryPath))
            guard rename(temporaryPath, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporaryPath)
                throw UsageError("cannot record to '\(path)': \(reason)")
            }
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("cannot record to '\(path)': \(error.localizedDescription)")
        }
        if !recording.isExact {
            printError("ringside: warning: the recording in '\(path)' does not reproduce the session's final state exactly")
        }
    }
}
