import Chord

/// A log for ShiViz (https://bestchai.bitbucket.io/shiviz/), per state.md "ShiViz log":
/// two empty lines (ShiViz's loader takes line 1 as its parsing regex and line 2 as the
/// multi-execution delimiter; empty means its defaults, whose regex is
/// `(?<event>.*)\n(?<host>\S*) (?<clock>{.*})`), then two lines per event: a description,
/// then `HOST {"HOST": n, ...}`.
///
/// Only sends and deliveries become ShiViz events. A ShiViz event happens at one host and
/// carries that host's vector clock; the spec's clock rules are about sends and
/// deliveries, the only moments causality crosses hosts. A drop, a timeout or a note
/// would add a tick no other host can see (and commands and captions belong to no host),
/// so they are left out; a drop only makes us forget the message's send clock.
///
/// Streaming: memory is one clock per host plus one per message in flight.
public struct ShiVizLog {
    /// What the file starts with.
    public static let header = "\n\n"

    private typealias Clock = [NodeIndex: UInt64]
    /// Each host's clock after its latest event.
    private var clocks: [NodeIndex: Clock] = [:]
    /// The sender's clock at each message's send, until it is delivered or dropped.
    private var sendClocks: [UInt64: Clock] = [:]

    public init() {}

    /// Messages whose send was seen and whose delivery or drop was not (yet).
    public var inFlightCount: Int { sendClocks.count }

    /// Appends `event`'s two lines to `out` if it is a send or a delivery; a drop forgets
    /// its message; other kinds write nothing.
    public mutating func append(_ event: SimulationEvent, labels: NodeLabels, to out: inout String) {
        switch event.kind {
        case .send:
            guard let msg = event.msg, let from = event.from else { return }
            var clock = clocks[from] ?? [:]
            clock[from, default: 0] += 1
            clocks[from] = clock
            sendClocks[msg] = clock
            let to = event.to.map { host(labels, $0) } ?? "?"
            write(description: "\(host(labels, from)) sends \(event.type ?? "message") m\(msg) to \(to)",
                  host: from, clock: clock, labels: labels, to: &out)
        case .deliver:
            guard let msg = event.msg, let to = event.to else { return }
            var clock = clocks[to] ?? [:]
            // A delivery whose send was not recorded (recording began later) is still an
            // event of the receiver; it just learns nothing from the sender.
            if let sent = sendClocks.removeValue(forKey: msg) {
                clock.merge(sent) { max($0, $1) }
            }
            clock[to, default: 0] += 1
            clocks[to] = clock
            let from = event.from.map { host(labels, $0) } ?? "?"
            var description = "\(host(labels, to)) receives \(event.type ?? "message") m\(msg) from \(from)"
            if let text = event.text { description += ": " + text }
            write(description: description, host: to, clock: clock, labels: labels, to: &out)
        case .drop:
            if let msg = event.msg { sendClocks.removeValue(forKey: msg) }
        case .command, .timeout, .note:
            break
        }
    }

    /// A whole log as file text, header included (for tests and small runs).
    public static func render(_ events: [SimulationEvent], labels: NodeLabels) -> String {
        var log = ShiVizLog()
        var out = header
        for event in events { log.append(event, labels: labels, to: &out) }
        return out
    }

    private func write(description: String, host node: NodeIndex, clock: Clock, labels: NodeLabels, to out: inout String) {
        out += ShiVizLog.oneLine(description)
        out += "\n"
        out += host(labels, node)
        out += " {"
        // Keys by host name: deterministic, and what a reader looks for.
        let entries = clock.map { (name: host(labels, $0.key), count: $0.value) }.sorted { $0.name < $1.name }
        for (i, entry) in entries.enumerated() {
            if i > 0 { out += ", " }
            out += JSONWriter.quoted(entry.name)
            out += ": "
            out += String(entry.count)
        }
        out += "}\n"
    }

    /// The host name: the node's name, "node#k" for an unknown index. ShiViz's `\S*` stops
    /// at white space, and a name may hold some (the lexer splits on spaces and tabs only:
    /// a no-break space stays), so a white-space code point is written `\u00a0`, and a
    /// backslash `\\` so that no two names meet: `_` for both made "a b" (NBSP) and "a_b"
    /// one host with a duplicate clock entry.
    private func host(_ labels: NodeLabels, _ node: NodeIndex) -> String {
        let name = labels.name(node) ?? "node#\(node)"
        guard !name.isEmpty else { return "node#\(node)" }
        guard name.unicodeScalars.contains(where: Self.needsEscape) else { return name }
        var text = ""
        for scalar in name.unicodeScalars {
            if scalar == "\\" {
                text += "\\\\"
            } else if Self.needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// White space to JavaScript's `\s` (Unicode White_Space and U+FEFF), and the escape's
    /// own backslash.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\\"
    }

    /// ShiViz's event regex is `.*` up to a newline, so a description must be one line.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
