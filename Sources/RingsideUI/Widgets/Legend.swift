/// What every glyph and colour on the panels means, for the help overlay (`?`): each
/// entry drawn with the glyph set and the style the panels use, so ASCII and monochrome
/// terminals show their own.
enum Legend {
    /// One entry: the sample as drawn, then what it means.
    struct Entry {
        var sample: [Span]
        var meaning: String
    }

    static func entries(glyphs: Glyphs) -> [Entry] {
        let st = SpaceTimeGlyphs(glyphs)
        func mark(_ text: String, _ style: Style) -> [Span] { [Span(text, style)] }
        return [
            Entry(sample: mark(glyphs.node, Style(.accent, bold: true)), meaning: "ring: a live node, at its id"),
            Entry(sample: mark(glyphs.failed, Style(.failed)), meaning: "ring: a failed node (crashed; its keys are lost)"),
            Entry(sample: mark(glyphs.departed, Style(.dim)),
                  meaning: "ring: a node that left gracefully (its successor took its keys)"),
            Entry(sample: mark("2 left", Style(.title, bold: true)),
                  meaning: "ring title: 2 nodes left gracefully (\(glyphs.departed)); 2 down: crashed (\(glyphs.failed))"),
            Entry(sample: mark(glyphs.cutOff, Style(.warning, bold: true)),
                  meaning: "ring: a node the selected one cannot reach (a partition; the title says cut A,B | C)"),
            // The ring draws the same glyph, in the warning colour, at the key a lookup seeks.
            Entry(sample: [Span(glyphs.hollow, Style(.committed)), Span(" "), Span(glyphs.hollow, Style(.warning, bold: true))],
                  meaning: "ring: a stored key at its id; yellow: the key a lookup seeks"),
            Entry(sample: mark("\(glyphs.times)3", Style()), meaning: "ring: 3 nodes too close to draw apart (a bucket); z zooms in"),
        ] + asciiRing(glyphs) + [
            Entry(sample: mark(" 90 ", Style(.selected, bold: true)), meaning: "the selected node (Tab, arrows or a click)"),
            Entry(sample: mark(" 90 ", Style(.hopActive, bold: true)), meaning: "the node the focused lookup is at now"),
            Entry(sample: mark(" 90 ", Style(.hopDone, bold: true)), meaning: "nodes the focused lookup has visited"),
            Entry(sample: mark(" 90 ", Style.highlight), meaning: "nodes a script's highlight marked (every panel)"),
            Entry(sample: mark(String(RingMessages.glyph(.chord, glyphs)), Style(MessageProtocol.chord.role, bold: true)),
                  meaning: "a Chord message in flight (on the ring: along its chord)"),
            Entry(sample: mark(String(RingMessages.glyph(.bayou, glyphs)), Style(MessageProtocol.bayou.role, bold: true)),
                  meaning: "a Bayou message in flight (anti-entropy)"),
            Entry(sample: mark(String(RingMessages.glyph(.store, glyphs)), Style(MessageProtocol.store.role, bold: true)),
                  meaning: "a key-value store message in flight"),
            Entry(sample: mark("!", Style(.warning, bold: true)),
                  meaning: "finger table: a stale finger, succ, pred or list entry (not the ideal ring's)"),
            Entry(sample: mark("?", Style(.warning)),
                  meaning: "finger table: a finger the node does not know (not set yet, or dropped after a timeout)"),
            Entry(sample: mark("(1 short)", Style(.warning)),
                  meaning: "finger table: the successor list lacks 1 of its r entries"),
            Entry(sample: mark("1:5:A", Style(.committed, bold: true)), meaning: "Bayou: a committed write (CSN:timestamp:origin)"),
            Entry(sample: mark("\(glyphs.infinity):5:A", Style(.tentative)), meaning: "Bayou: a tentative write (no CSN yet)"),
            Entry(sample: mark("\(glyphs.infinity):5:A", Style(.flash, bold: true)), meaning: "Bayou: a write just redone after a rollback"),
            Entry(sample: mark("\(glyphs.isUnicode ? "\u{2191}" : "^")2", Style(.dim)),
                  meaning: "Bayou: a log cut to its newest write; 2 earlier writes hidden (db shows their effect)"),
            Entry(sample: mark("\(glyphs.ellipsis) 3 earlier", Style(.dim)),
                  meaning: "Bayou: a log cut to its newest writes; 3 earlier ones hidden"),
            Entry(sample: mark("vv", Style(.dim)),
                  meaning: "Bayou: a version vector on its own line (the newest timestamp seen from each replica)"),
            Entry(sample: mark("next 9", Style(.dim)),
                  meaning: "Bayou, after the clock: the next write's stamp, above every stamp seen (the clock moves only on a write)"),
            Entry(sample: mark("others: 0", Style(.dim)),
                  meaning: "Bayou version vector: replicas not listed are at 0; all: 0, none seen yet; +5, 5 entries left out"),
            Entry(sample: mark("+2 not shown", Style()),
                  meaning: "Bayou panel: 2 replica blocks did not fit (a larger window or the wheel shows them)"),
            Entry(sample: [Span("\(st.dot)\(glyphs.isUnicode ? "──┐" : "--+")"), Span(" \(glyphs.isUnicode ? "└" : "+")\(st.headRight)\(st.dot)")],
                  meaning: "space-time: a message, from its send to its delivery"),
            Entry(sample: mark(String(st.dropped), Style(.failed)), meaning: "space-time: a lost message"),
            Entry(sample: mark(String(st.inFlight), Style()), meaning: "space-time: a message still in flight"),
            Entry(sample: mark(String(st.timeout), Style()), meaning: "space-time: a sender's timeout"),
            Entry(sample: mark(String(repeating: st.rule, count: 3), Style(.dim)), meaning: "space-time: a command begins"),
            Entry(sample: mark(String(st.note), Style(.bold)), meaning: "space-time: a note (a node's explanation) on its row"),
            Entry(sample: mark(glyphs.isUnicode ? "·░▒▓█" : ".-+*#", Style(.committed)),
                  meaning: "convergence: none to all of an origin's writes seen"),
            Entry(sample: mark("red", Style(.error, bold: true)), meaning: "an error; yellow: a warning or a pause"),
        ]
    }

    /// On a Unicode terminal, what the ring draws instead on an ASCII one (`_` for a node
    /// that left read as nothing the legend named); an ASCII legend shows them already.
    private static func asciiRing(_ glyphs: Glyphs) -> [Entry] {
        guard glyphs.isUnicode else { return [] }
        let ascii = Glyphs.ascii
        return [Entry(sample: [Span([ascii.node, ascii.failed, ascii.departed, ascii.cutOff, ascii.hollow].joined(separator: " "))],
                      meaning: "ASCII terminals' \(glyphs.node) \(glyphs.failed) \(glyphs.departed) \(glyphs.cutOff) \(glyphs.hollow): live, failed, left, cut off, key")]
    }

    /// Meanings are not wrapped into columns narrower than this: a word a line reads worse
    /// than a cut line.
    static let meaningWidthMin = 16

    /// The help overlay's section: a title, then one line per entry; given the `width` it
    /// is drawn in, a meaning too long for it goes on under itself, broken between words
    /// (at 80×24 the `!` entry was cut to "… (not the…").
    static func lines(glyphs: Glyphs, width: Int? = nil) -> [[Span]] {
        let entries = entries(glyphs: glyphs)
        let column = (entries.map { $0.sample.reduce(0) { $0 + $1.width } }.max() ?? 0) + 2
        let room = width.map { $0 - 2 - column } ?? Int.max
        var lines: [[Span]] = [[Span("Legend", Style(.title, bold: true))]]
        for entry in entries {
            let used = entry.sample.reduce(0) { $0 + $1.width }
            let head = [Span("  ")] + entry.sample.map { Span(glyphs.text($0.text), $0.style) }
                + [Span(String(repeating: " ", count: max(0, column - used)))]
            let meaning = glyphs.text(entry.meaning)
            guard room >= meaningWidthMin, TextWidth.of(meaning) > room else {
                lines.append(head + [Span(meaning)])
                continue
            }
            let wrapped = WordWrap.lines([Span(meaning)], width: room, linesMax: 8, ellipsis: glyphs.ellipsis)
            for (i, line) in wrapped.enumerated() {
                lines.append((i == 0 ? head : [Span(String(repeating: " ", count: 2 + column))]) + line)
            }
        }
        return lines
    }
}
