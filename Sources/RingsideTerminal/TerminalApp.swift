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

/// A full-screen program the run loop drives (the app's front end, in practice).
public protocol TerminalProgram {
    /// The whole frame for `size`, drawn with the locale's glyphs.
    func render(size: Size, glyphs: Glyphs) -> Grid
    /// A key or tick at `now` (milliseconds since the loop started); false quits.
    mutating func handle(_ event: TerminalEvent, size: Size, now: Int64) -> Bool
    /// How soon the program wants a tick; nil lets the loop sleep until a key.
    var tickMilliseconds: Int? { get }
    /// The glyphs every frame will be drawn with, told once before the first frame (what
    /// a key does may depend on what is drawn: how far help scrolls).
    mutating func willDraw(with glyphs: Glyphs)
}

extension TerminalProgram {
    public mutating func willDraw(with glyphs: Glyphs) {}
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

    /// Starts a session and runs `program` until it quits or a signal arrives; the
    /// terminal is restored on every way out. The tick interval is asked for anew each
    /// time round, so an idle program sleeps in the key read (no busy loop).
    ///
    /// - Throws: `TerminalError` before the terminal is touched.
    public static func run<Program: TerminalProgram>(
        _ program: inout Program, options: TerminalOptions = TerminalOptions()
    ) throws(TerminalError) -> ExitReason {
        let session = try TerminalSession(options: options)
        defer { session.end() }
        return run(&program, on: session)
    }

    /// The loop on an existing session (which the caller ends).
    public static func run<Program: TerminalProgram>(_ program: inout Program, on session: TerminalSession) -> ExitReason {
        program.willDraw(with: session.glyphs)
        let clock = ContinuousClock()
        let start = clock.now
        func now() -> Int64 { milliseconds(from: start, to: clock.now) }
        var lastTick = now()
        while true {
            if let signal = session.pendingSignal { return .signal(signal) }
            session.draw(program.render(size: session.size, glyphs: session.glyphs))
            var wait = maximumWaitMilliseconds
            if let tick = program.tickMilliseconds {
                wait = min(wait, max(0, tick - Int(now() - lastTick)))
            }
            let key = session.readKey(timeoutMilliseconds: Int32(wait))
            if let signal = session.pendingSignal { return .signal(signal) }
            if let key {
                if key == .resize { session.invalidate() }
                guard program.handle(.key(key), size: session.size, now: now()) else { return .quit }
            }
            if let tick = program.tickMilliseconds, now() - lastTick >= Int64(tick) {
                lastTick = now()
                guard program.handle(.tick, size: session.size, now: lastTick) else { return .quit }
            }
        }
    }

    private static func milliseconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Int64 {
        let (seconds, attoseconds) = start.duration(to: end).components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    private static func milliseconds(until instant: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
        let remaining = clock.now.duration(to: instant)
        let (seconds, attoseconds) = remaining.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return Int(min(seconds, 3600)) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
