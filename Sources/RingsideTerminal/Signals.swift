#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import Synchronization

/// The last termination signal received, 0 if none. The handler only stores into
/// it (a lock-free atomic is async-signal-safe); the main loop polls it.
let receivedSignal = Atomic<Int32>(0)

/// The C signal handler: records the signal and nothing else.
private func recordSignal(_ signal: Int32) {
    receivedSignal.store(signal, ordering: .relaxed)
}

/// Our SIGINT/SIGTERM/SIGHUP handlers, installed before `newterm` so ncurses does not
/// install its own (which would `_exit` without our teardown), and put back afterwards.
final class SignalTrap {
    /// The signals that end the program; SIGWINCH stays with ncurses (it becomes KEY_RESIZE).
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var saved: [(signal: Int32, action: sigaction)] = []
    /// The calling thread's signal mask before `install` unblocked ours.
    private var savedMask: sigset_t?

    /// Installs the handlers and clears any signal left from an earlier session.
    ///
    /// Also unblocks the signals in this thread: a process inherits its parent thread's
    /// mask, and one started with them blocked could otherwise not be stopped by Ctrl-C
    /// or SIGTERM (seen when a test runner's worker thread starts tmux).
    func install() {
        // Touch the global first: its lazy initialization must not happen inside a handler.
        receivedSignal.store(0, ordering: .relaxed)
        for signal in Self.signals {
            var old = sigaction()
            if rs_install_signal_handler(signal, recordSignal, &old) == 0 {
                saved.append((signal, old))
            }
        }
        var mask = sigset_t()
        if rs_unblock_termination_signals(&mask) == 0 { savedMask = mask }
    }

    /// Restores the dispositions and mask that were in place before `install`. Idempotent.
    func restore() {
        if var mask = savedMask {
            _ = rs_restore_signal_mask(&mask)
            savedMask = nil
        }
        for (signal, old) in saved.reversed() {
            var action = old
            _ = rs_restore_signal_handler(signal, &action)
        }
        saved.removeAll()
    }

    /// The signal received since `install`, if any.
    var pending: Int32? {
        let signal = receivedSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }
}
