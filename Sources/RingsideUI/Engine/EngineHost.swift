import Dispatch
import RingsideSimulation
import Synchronization

/// Runs an `EngineCore` on its own serial queue, so the UI thread never waits for it.
///
/// The UI sends requests (they queue in order) and, on its own schedule, takes the
/// finished reports out from under a lock. Each report carries a `World` value: the
/// engine goes on mutating its own copy, so the UI reads an immutable snapshot.
public final class EngineHost: EngineDriver, Sendable {
    /// The core, touched only on `queue` (which is why it is safe to share the box).
    private final class CoreBox: @unchecked Sendable {
        var core: EngineCore
        init(_ core: EngineCore) { self.core = core }
    }

    private let queue = DispatchQueue(label: "ringside.engine", qos: .userInitiated)
    private let box: CoreBox
    private let outbox = Mutex<[EngineReport]>([])

    /// Takes over `core`; from now on only the engine queue touches it.
    public init(core: EngineCore) {
        box = CoreBox(core)
    }

    public func send(_ request: EngineRequest) {
        // Mutex is not copyable, so the closure holds the host (which is Sendable) instead.
        queue.async { [self] in
            let report = box.core.serve(request)
            outbox.withLock { $0.append(report) }
        }
    }

    public func takeReports() -> [EngineReport] {
        outbox.withLock { reports in
            defer { reports.removeAll() }
            return reports
        }
    }

    /// The session so far as script lines; waits for requests already sent to finish.
    public func transcript() -> [String] {
        queue.sync { [box] in box.core.transcript }
    }

    /// The session as a replayable script; waits for requests already sent to finish.
    public func recording(title: String) -> SessionRecording {
        queue.sync { [box] in box.core.recording(title: title) }
    }
}

/// Serves every request at once on the caller's thread: the in-memory front end of
/// the tests and the UI benchmark.
public final class SynchronousEngine: EngineDriver {
    public private(set) var core: EngineCore
    private var reports: [EngineReport] = []
    /// Every request received, oldest first (what the keys asked the engine for).
    public private(set) var requests: [EngineRequest] = []

    public init(core: EngineCore) {
        self.core = core
    }

    public func send(_ request: EngineRequest) {
        requests.append(request)
        reports.append(core.serve(request))
    }

    public func takeReports() -> [EngineReport] {
        defer { reports.removeAll() }
        return reports
    }
}
