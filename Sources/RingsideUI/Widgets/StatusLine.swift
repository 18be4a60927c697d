/// The bottom line: play state, speed, clock, seed, selection, and key hints.
///
/// Its inputs are plain values so it can be drawn before (and independently of)
/// the simulation engine: the app copies them out of its model each frame.
public struct StatusLine: Sendable {
    public var isPlaying: Bool
    /// Playback speed as a multiplier of real time (1 = normal).
    public var speed: Double
    /// Simulated time, in the engine's ticks.
    public var time: Int
    public var seed: UInt64
    /// The selected node's label ("N32"), if any.
    public var selection: String?
    /// Where the time-travel cursor is ("← step 12 of 40"), when it matters.
    public var position: String?
    /// A transient message (e.g. the last error), shown after the fixed fields.
    public var message: String?
    /// Draws `message` in the error role (a command failed).
    public var isErrorMessage: Bool
    /// `message` is a warning to read whole (time travel's "acting here forgets steps …",
    /// lost at 80 columns): the fixed fields give way to it as to an error.
    public var isWarningMessage: Bool
    /// Replaces the "×2" speed field when set (the app says "2 msg/s").
    public var speedLabel: String?
    /// Key hints, usually `KeyMap.hints(...)`; dropped from the right when space runs out.
    public var hints: [KeyHint]
    public var glyphs: Glyphs

    public init(isPlaying: Bool = false, speed: Double = 1, time: Int = 0, seed: UInt64 = 0,
                selection: String? = nil, position: String? = nil, message: String? = nil, isErrorMessage: Bool = false,
                isWarningMessage: Bool = false, speedLabel: String? = nil, hints: [KeyHint] = [], glyphs: Glyphs = .unicode) {
        self.isPlaying = isPlaying
        self.speed = speed
        self.time = time
        self.seed = seed
        self.selection = selection
        self.position = position
        self.message = message
        self.isErrorMessage = isErrorMessage
        self.isWarningMessage = isWarningMessage
        self.speedLabel = speedLabel
        self.hints = hints
        self.glyphs = glyphs
    }

    /// The hints the status line shows by default, most important first (the last
    /// ones are dropped first on narrow screens).
    public static let defaultHintActions: [Action] = [.help, .playPause, .step, .quit, .commandLine]

    /// The left part: "▶ playing ×2  t=1200  seed 42  ● N32  message".
    public func leftText(dropping dropped: Int = 0) -> String {
        guard let message, !message.isEmpty else { return fixedText(dropping: dropped) }
        return fixedText(dropping: dropped) + "  " + message
    }

    /// The fields that are always there: play state, speed, clock, seed, selection; with
    /// `dropping`, that many of them fewer, the seed first, then the speed, the selection
    /// and the time-travel position (an error too long for the line needs their room).
    public func fixedText(dropping dropped: Int = 0) -> String {
        let state = isPlaying ? "\(glyphs.play) playing" : "\(glyphs.pause) paused"
        var optional: [String?] = [
            "seed \(seed)",
            speedLabel ?? glyphs.times + Self.format(speed: speed, infinity: glyphs.infinity),
            selection.map { "\(glyphs.node) \($0)" },
            position,
        ]
        var left = max(0, dropped)
        for i in optional.indices where left > 0 && optional[i] != nil {
            optional[i] = nil
            left -= 1
        }
        let parts: [String?] = [state, optional[1], "t=\(time)", optional[0], optional[2], optional[3]]
        return parts.compactMap { $0 }.joined(separator: "  ")
    }

    /// How many fixed fields `fixedText` can drop.
    static let droppableFields = 4

    /// Draws the status line into the first row of `area`.
    ///
    /// Hints are right-aligned and dropped from the right until the left part fits;
    /// if it still does not fit, it is truncated with an ellipsis.
    public func render(into grid: inout Grid, area: Rect) {
        let line = area.row(0)
        guard !line.isEmpty else { return }
        let bar = Style(.statusBar)
        grid.fill(line, style: bar)
        var left = " " + leftText()
        var dropped = 0
        // An error too long for the line takes the room of the fields least needed to read
        // it (`lookup abc: error: lookup is missing …` at 80×24); the events log has it whole.
        // A warning is about the time-travel position, which stays: the message's end (the
        // step's label, after the warning) is cut instead.
        if isErrorMessage || isWarningMessage {
            let droppable = isErrorMessage ? Self.droppableFields : Self.droppableFields - 1
            while dropped < droppable, TextWidth.of(left) > line.width {
                dropped += 1
                left = " " + leftText(dropping: dropped)
            }
        }
        var shownHints = hints
        // The state matters more than the hints: hints go first, the left part is cut last.
        while !shownHints.isEmpty, TextWidth.of(left) + Self.width(of: shownHints) + 3 > line.width {
            shownHints.removeLast()
        }
        let hintsWidth = Self.width(of: shownHints)
        let leftRoom = line.width - (hintsWidth > 0 ? hintsWidth + 3 : 0)
        let shownLeft = TextWidth.truncate(left, toWidth: leftRoom, ellipsis: glyphs.ellipsis)
        grid.write(shownLeft, x: line.x, y: line.y, style: bar, clip: line)
        // An error stands out from the bar; the fixed fields before it keep the bar's look.
        let fixedWidth = 1 + TextWidth.of(fixedText(dropping: dropped)) + 2
        if isErrorMessage, TextWidth.of(shownLeft) > fixedWidth {
            let area = Rect(x: line.x + fixedWidth, y: line.y, width: TextWidth.of(shownLeft) - fixedWidth, height: 1)
            grid.setStyle(area.intersection(line), Style(.error, bold: true))
        }
        var x = line.maxX - hintsWidth - 1
        for (i, hint) in shownHints.enumerated() {
            if i > 0 { x += 2 }
            x = grid.write(hint.key, x: x, y: line.y, style: bar.bolded, clip: line)
            x = grid.write(" " + hint.label, x: x, y: line.y, style: bar, clip: line)
        }
    }

    /// Width of the hints when drawn "K label  K label".
    private static func width(of hints: [KeyHint]) -> Int {
        guard !hints.isEmpty else { return 0 }
        return hints.reduce(0) { $0 + TextWidth.of($1.key) + 1 + TextWidth.of($1.label) } + 2 * (hints.count - 1)
    }

    /// "2", "0.5", "1.25": at most two decimals, no trailing zeros, never trapping on NaN/∞.
    public static func format(speed: Double, infinity: String = "∞") -> String {
        guard speed.isFinite else { return speed.isNaN ? "?" : infinity }
        guard abs(speed) < 1e12 else { return infinity }
        let hundredths = Int((abs(speed) * 100).rounded())
        var text = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            var digits = fraction < 10 ? "0\(fraction)" : "\(fraction)"
            if digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return speed < 0 ? "-" + text : text
    }
}
