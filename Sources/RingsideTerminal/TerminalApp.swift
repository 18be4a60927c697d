import RingsideUI

/// What the run loop hands to the program.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The tick interval passed (only when a tick was requested).
    case tick
}

/// Why the run loop ended.
public enum ExitReason: Hashable, Sendable {
    /// The program's `handle` returned false.
    case quit
    /// A termination signal arrived (SIGINT, SIGTERM, SIGHUP).
    case signal(Int32)

    /// The conventional process exit status: 0, or 128 + the signal number.
    public var exitStatus: Int32 {
        switch self {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }
}

/// A minimal run loop: draw, wait for a key or a tick, hand it over, repeat.
public enum TerminalApp {
    /// Longest single wait, so a signal whose EINTR was swallowed is still seen promptly.
    static let maximumWaitMilliseconds = 1000

    /// Starts a session, runs the loop, and always restores the terminal, whether
    /// the loop quits, a signal arrives, or `render`/`handle` throw.
    ///
    /// - Parameters:
    ///   - tickMilliseconds: if set, `handle(.tick, …)` is called this often; otherwise
    ///     only keys wake the loop (an idle UI then uses no CPU).
    ///   - render: the whole frame for the screen size; `Glyphs` are the locale's.
    ///   - handle: an event; return false to quit.
    /// - Throws: `TerminalError` before the terminal is touched, or what the closures throw.
    public static func run(
        options: TerminalOptions = TerminalOptions(),
        tickMilliseconds: Int? = nil,
        render: (Size, Glyphs) throws -> Grid,
        handle: (TerminalEvent, Size) throws -> Bool
    ) throws -> ExitReason {
        let session = try TerminalSession(options: options)
        defer { session.end() }
        let glyphs = session.glyphs
        return try run(on: session, tickMilliseconds: tickMilliseconds,
                       render: { try render($0, glyphs) }, handle: handle)
    }

    /// The loop on an existing session (which the caller ends).
    public static func run(
        on session: TerminalSession,
        tickMilliseconds: Int? = nil,
        render: (Size) throws -> Grid,
        handle: (TerminalEvent, Size) throws -> Bool
    ) throws -> ExitReason {
        let clock = ContinuousClock()
        let tick = tickMilliseconds.map { Duration.milliseconds(max(1, $0)) }
        var nextTick = tick.map { clock.now + $0 }
        while true {
            if let signal = session.pendingSignal { return .signal(signal) }
            session.draw(try render(session.size))

            var wait = maximumWaitMilliseconds
            if let due = nextTick {
                wait = min(wait, milliseconds(until: due, clock: clock))
            }
            let key = session.readKey(timeoutMilliseconds: Int32(wait))
            if let signal = session.pendingSignal { return .signal(signal) }
            if let key {
                if key == .resize { session.invalidate() }
                guard try handle(.key(key), session.size) else { return .quit }
            }
            if let tick, let due = nextTick, clock.now >= due {
                // Skip missed ticks rather than replaying a burst after a stall.
                nextTick = max(due + tick, clock.now)
                guard try handle(.tick, session.size) else { return .quit }
            }
        }
    }

    /// The key map demo: help overlay, prompts, status line, too-small screen.
    public static func runKeyMapDemo(options: TerminalOptions = TerminalOptions()) throws -> ExitReason {
        var demo: KeyMapDemo?
        return try run(
            options: options,
            tickMilliseconds: 500,
            render: { size, glyphs in
                let model = demo ?? KeyMapDemo(glyphs: glyphs)
                demo = model
                return model.render(size: size)
            },
            handle: { event, size in
                guard var model = demo else { return true }
                defer { demo = model }
                switch event {
                case .tick:
                    model.tick()
                    return true
                case .key(let key):
                    return model.update(key, size: size)
                }
            }
        )
    }

    private static func milliseconds(until instant: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
        let remaining = clock.now.duration(to: instant)
        let (seconds, attoseconds) = remaining.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return Int(min(seconds, 3600)) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
