import RingsideUI

/// The app's front end is what the terminal runs: keys and ticks in, frames out.
extension FrontEnd: TerminalProgram {
    public mutating func willDraw(with glyphs: Glyphs) {
        useGlyphs(glyphs)
    }

    public mutating func handle(_ event: TerminalEvent, size: Size, now: Int64) -> Bool {
        switch event {
        case let .key(key): return handle(AppEvent.key(key), size: size, now: now)
        case .tick: return handle(AppEvent.tick, size: size, now: now)
        }
    }
}
