import Foundation
import RingsideSimulation

/// Where `ringside run` streams the world's events: `--events` (JSON lines), `--shiviz`
/// and `--trace` (standard error). Fed after every command, so memory holds one
/// command's events at a time.
struct EventSinks {
    private var events: OutputFile?
    private var shiviz: OutputFile?
    private var shivizLog = ShiVizLog()
    private let trace: Bool
    /// The first write that failed; later events are not written anywhere.
    private(set) var failure: UsageError?

    /// Creates (or truncates) the files; a path that cannot be created is a usage error.
    init(eventsPath: String?, shivizPath: String?, trace: Bool) throws {
        self.trace = trace
        events = try eventsPath.map { try OutputFile(creating: $0) }
        shiviz = try shivizPath.map { try OutputFile(creating: $0) }
        shiviz?.text += ShiVizLog.header
    }

    /// Whether anyone reads events (if not, the world need not record them).
    var isNeeded: Bool { trace || events != nil || shiviz != nil }

    mutating func consume(_ batch: [SimulationEvent], labels: @autoclosure () -> NodeLabels) {
        guard failure == nil else { return }
        var traceText = ""
        if !batch.isEmpty {
            let labels = labels()
            for event in batch {
                if trace { TraceLines.append(event, to: &traceText) }
                if events != nil { EventJSONLines.append(event, labels: labels, to: &events!.text) }
                if shiviz != nil { shivizLog.append(event, labels: labels, to: &shiviz!.text) }
            }
        }
        if !traceText.isEmpty { FileHandle.standardError.write(Data(traceText.utf8)) }
        flush()
    }

    /// Writes what is buffered (also the ShiViz header of a run without events).
    mutating func flush() {
        do {
            try events?.flush()
            try shiviz?.flush()
        } catch {
            failure = error
        }
    }
}

/// A file written in chunks: the caller appends to `text`, `flush` writes it out.
private struct OutputFile {
    let path: String
    let handle: FileHandle
    var text = ""

    init(creating path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError("cannot create '\(path)': it is a directory")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw UsageError("cannot create '\(path)': no such directory or permission denied")
        }
        self.path = path
        self.handle = handle
    }

    mutating func flush() throws(UsageError) {
        guard !text.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw UsageError("cannot write '\(path)': \(error.localizedDescription)")
        }
        text.removeAll(keepingCapacity: true)
    }
}
