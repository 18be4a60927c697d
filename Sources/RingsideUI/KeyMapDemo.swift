/// A stand-in app model that exercises every widget without the engine: the key map,
/// help overlay, prompts, status line and too-small screen.
///
/// It is Bubble Tea shaped (`update` a key, `render` a frame) so the real app model
/// can follow the same pattern; the terminal demo and the tests both drive it.
public struct KeyMapDemo: Sendable {
    /// Below this the demo shows `TooSmallScreen`.
    public static let minimumSize = Size(width: 60, height: 16)

    public let keyMap: KeyMap
    public let glyphs: Glyphs
    /// The demo opens on the help overlay, to show the key map straight away.
    public private(set) var isHelpVisible = true
    public private(set) var help: HelpOverlay
    /// The open prompt and the action it collects an argument for.
    public private(set) var prompt: (action: Action, editor: LineEditor)?
    /// The shared editor; kept between prompts for its history.
    private var editor = LineEditor()
    /// What happened, newest last.
    public private(set) var log: [String] = []
    public private(set) var isPlaying = false
    public private(set) var speed = 1.0
    public private(set) var time = 0
    /// Index into `nodes` of the selected (fake) node.
    public private(set) var selected = 0
    /// A fake ring, so selection keys have something to move over.
    public let nodes = ["N10", "N32", "N60", "N90", "N105", "N120"]

    public init(keyMap: KeyMap = .default, glyphs: Glyphs = .unicode) {
        self.keyMap = keyMap
        self.glyphs = glyphs
        self.help = HelpOverlay(keyMap: keyMap, glyphs: glyphs)
    }

    /// Applies one key; returns false when the app should quit.
    public mutating func update(_ key: Key, size: Size) -> Bool {
        if case .resize = key { return true }
        if case .mouse(let event) = key {
            note("mouse \(event.button) at \(event.x),\(event.y)")
            return true
        }
        if var open = prompt {
            switch open.editor.handle(key) {
            case .editing:
                prompt = open
            case .submitted(let text):
                editor = open.editor
                prompt = nil
                note("\(open.action.rawValue) \(text.isEmpty ? "(empty)" : text)")
            case .cancelled:
                editor = open.editor
                prompt = nil
                note("\(open.action.rawValue) cancelled")
            }
            return true
        }
        if isHelpVisible, help.handle(key, area: Self.layout(size).body) { return true }
        guard let action = keyMap.action(for: key) else {
            note("\(key.label(glyphs: glyphs)) is not bound; ? shows the keys")
            return true
        }
        if let question = keyMap.binding(for: action)?.prompt {
            var next = editor
            next.prompt = action == .commandLine ? ":" : question + ": "
            prompt = (action, next)
            return true
        }
        switch action {
        case .quit: return false
        case .help: isHelpVisible.toggle()
        case .escape: isHelpVisible = false
        case .playPause: isPlaying.toggle()
        case .faster: speed = min(64, speed * 2)
        case .slower: speed = max(1.0 / 64, speed / 2)
        case .step: time += 1
        case .nextNode: selected = (selected + 1) % nodes.count
        case .previousNode: selected = (selected + nodes.count - 1) % nodes.count
        default: break
        }
        note("\(key.label(glyphs: glyphs)) \(glyphs.arrow) \(action.rawValue)")
        return true
    }

    /// Advances the fake clock while playing (the terminal calls this on its tick).
    public mutating func tick() {
        if isPlaying { time += max(1, Int(speed.rounded())) }
    }

    /// Draws a whole frame of `size`.
    public func render(size: Size) -> Grid {
        var grid = Grid(size: size)
        guard size.fits(Self.minimumSize) else {
            TooSmallScreen(required: Self.minimumSize, actual: size, glyphs: glyphs)
                .render(into: &grid, area: grid.area)
            return grid
        }
        let layout = Self.layout(size)
        grid.write(" Ringside \(glyphs.separator) key map demo", x: 0, y: layout.header.y, style: Style(.title, bold: true))
        let ring = nodes.enumerated().map { i, name in
            i == selected ? "[\(glyphs.node) \(name)]" : "\(glyphs.hollow) \(name)"
        }.joined(separator: " ")
        grid.write(" " + ring, x: 0, y: layout.header.y + 1, style: Style(.accent), clip: layout.header)

        let inner = grid.drawBox(layout.body, title: "Events", glyphs: glyphs)
        for (i, line) in log.suffix(inner.height).enumerated() {
            grid.write(line, x: inner.x + 1, y: inner.y + i, clip: inner)
        }
        if isHelpVisible {
            help.render(into: &grid, area: layout.body)
        }
        if let prompt {
            prompt.editor.render(into: &grid, area: layout.prompt, glyphs: glyphs)
        } else {
            grid.write(" press keys; ? toggles help, q quits", x: 0, y: layout.prompt.y, style: Style(.dim), clip: layout.prompt)
        }
        StatusLine(
            isPlaying: isPlaying, speed: speed, time: time, seed: 42,
            selection: nodes[selected], hints: keyMap.hints(StatusLine.defaultHintActions, glyphs: glyphs),
            glyphs: glyphs
        ).render(into: &grid, area: layout.status)
        return grid
    }

    private mutating func note(_ line: String) {
        log.append(line)
        if log.count > 200 { log.removeFirst(log.count - 200) }
    }

    /// Header (2 rows), body, prompt row, status row.
    private static func layout(_ size: Size) -> (header: Rect, body: Rect, prompt: Rect, status: Rect) {
        let parts = Rect(size: size).split(.vertical, [.length(2), .fill(1), .length(1), .length(1)])
        return (parts[0], parts[1], parts[2], parts[3])
    }
}
