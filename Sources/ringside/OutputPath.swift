import Foundation

/// `--out` targets, checked before any work: a sweep or a search can take minutes, and
/// its verdict must not be lost because the file it would write cannot be written.
/// Each check tries what the write will do (create a file), since permission bits do not
/// tell the whole story: root may write anywhere by them, yet not into /sys or a
/// read-only mount.
enum OutputPath {
    /// `check --out DIR`: created if missing; it must be a directory a file can be made in.
    static func prepareDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UsageError("--out '\(path)' is not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw UsageError("--out '\(path)': cannot create the directory")
            }
        }
        let probe = (path as NSString).appendingPathComponent(".ringside-out-\(getpid())")
        if let problem = createAndRemove(probe) { throw UsageError("--out '\(path)': \(problem)") }
    }

    /// `explore --out FILE`: no directory, in a directory that exists and can take it.
    static func checkFile(_ path: String) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { throw UsageError("--out '\(path)' is a directory") }
        let parent = (path as NSString).deletingLastPathComponent
        var parentIsDirectory: ObjCBool = false
        if !parent.isEmpty, !(FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDirectory) && parentIsDirectory.boolValue) {
            throw UsageError("--out '\(path)': directory '\(parent)' does not exist")
        }
        if exists {
            // Opened for writing without truncating: the old file stays until it is replaced.
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw UsageError("--out '\(path)': \(reason(errno))") }
            close(fd)
        } else if let problem = createAndRemove(path) {
            throw UsageError("--out '\(path)': \(problem)")
        }
    }

    /// Writes `text` to `path`; nil on success, else why not.
    static func write(_ text: String, to path: String) -> String? {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return nil
        } catch {
            return "cannot write '\(path)'"
        }
    }

    /// Creates `path` (which must not exist) and removes it again; nil when that worked.
    private static func createAndRemove(_ path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return reason(errno) }
        close(fd)
        unlink(path)
        return nil
    }

    /// `strerror`'s text in lower case, as the other messages read ("permission denied").
    private static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
