/// The marks of the space-time diagram, in Unicode or ASCII (lines come from `LineCanvas`).
struct SpaceTimeGlyphs {
    /// A node sends or receives on this row.
    var dot: Character
    var headRight: Character
    var headLeft: Character
    /// Where a lost message ended.
    var dropped: Character
    /// The open end of a message still in flight.
    var inFlight: Character
    /// The sender stopped waiting for an answer.
    var timeout: Character
    /// A node's explanation with no message.
    var note: Character
    /// The rule across the columns where a command begins.
    var rule: Character

    init(_ glyphs: Glyphs) {
        if glyphs.isUnicode {
            (dot, headRight, headLeft, dropped, inFlight, timeout, note, rule) = ("●", "▶", "◀", "✕", "▽", "◷", "•", "┄")
        } else {
            (dot, headRight, headLeft, dropped, inFlight, timeout, note, rule) = ("o", ">", "<", "x", "v", "T", "*", ".")
        }
    }
}
