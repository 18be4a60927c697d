/// The ring panel's title, fitted to its width by dropping the less important parts first
/// rather than cutting the end: a partition's groups were cut at 120×40 (`cut P A | B N90 |
/// N105…`) and a zoomed arc's range, last in the title, never showed on a 32-bit ring.
///
/// In full: `Ring · m=7 · 6 live · 1 down · 2 left · cut P,A | B,N90 | N105,N120 · +3 more
/// msgs · zoom ×8 [96,32)`. The partition's groups are written as the events'
/// `partition:` line writes them (names, commas within a group). When that is too wide,
/// in this order: the messages not drawn go, then `m=`, `Ring` and `6 live`, then the
/// nodes of the group nobody named are counted (`2 others`), `zoom` shortens to `×8`, the
/// groups are counted (`cut 3 groups`), `1 down` and `2 left` go, then the partition, and
/// last `×8`: the zoomed arc's range stays while anything does. Only then is the rest cut
/// between words.
struct RingTitle {
    var bits: Int
    /// "6 live".
    var live: String
    /// "1 down", "2 left": those that are not zero.
    var gone: [String]
    /// The partition's groups by name, the group of nodes named in none last (empty when
    /// the network is whole).
    var groups: [[String]]
    /// Whether the last of `groups` is the nodes no group named.
    var lastGroupIsRest: Bool
    var notDrawn: Int
    /// `×8` and the arc's range `[96,32)` when zoomed in.
    var zoom: (factor: String, range: String?)?
    var separator: String

    /// More unnamed nodes than this are counted, not listed, even when there is room.
    static let restLabelsMax = 12

    /// How far the title has been shortened: each step drops or shortens one part.
    private struct Form {
        var messages = true
        var bits = true
        var ring = true
        var live = true
        var restListed = true
        var zoomWord = true
        var groupsListed = true
        var gone = true
        var partition = true
        var zoomFactor = true
    }

    /// The forms tried, fullest first.
    private static let forms: [Form] = {
        var form = Form()
        var forms = [form]
        let steps: [WritableKeyPath<Form, Bool>] = [
            \.messages, \.bits, \.ring, \.live, \.restListed, \.zoomWord, \.groupsListed, \.gone, \.partition, \.zoomFactor,
        ]
        for step in steps {
            form[keyPath: step] = false
            forms.append(form)
        }
        return forms
    }()

    /// The fullest form that fits `width`; when none does, the shortest cut between words.
    func fitted(width: Int, ellipsis: String) -> String {
        var seen = Set<String>()
        var last = ""
        for form in Self.forms {
            last = text(form)
            guard seen.insert(last).inserted else { continue }
            if TextWidth.of(last) <= width { return last }
        }
        return WordWrap.fitted(last, width: width, ellipsis: ellipsis)
    }

    /// The title in full.
    var full: String { text(Form()) }

    private func text(_ form: Form) -> String {
        var parts: [String] = []
        if form.ring { parts.append("Ring") }
        if form.bits { parts.append("m=\(bits)") }
        if form.live { parts.append(live) }
        if form.gone { parts += gone }
        if form.partition, let cut = partitionText(restListed: form.restListed, groupsListed: form.groupsListed) {
            parts.append(cut)
        }
        if form.messages, notDrawn > 0 { parts.append("+" + counted(notDrawn, "more msg")) }
        if let zoom {
            var words: [String] = []
            if form.zoomWord { words.append("zoom") }
            if form.zoomFactor || zoom.range == nil { words.append(zoom.factor) }
            if let range = zoom.range { words.append(range) }
            parts.append(words.joined(separator: " "))
        }
        return parts.joined(separator: " \(separator) ")
    }

    /// "cut P,A | B,N90 | N105,N120", the nodes named in no group last (script.md: they
    /// form one more group, as the trace's `partition:` line says); "… | 4 others" with
    /// that group counted, "cut 3 groups" with every group counted.
    private func partitionText(restListed: Bool, groupsListed: Bool) -> String? {
        guard !groups.isEmpty else { return nil }
        guard groupsListed else { return "cut \(groups.count) groups" }
        var written = groups.map { $0.joined(separator: ",") }
        if lastGroupIsRest, let rest = groups.last, rest.count > 1, !restListed || rest.count > Self.restLabelsMax {
            written[written.count - 1] = "\(rest.count) others"
        }
        return "cut " + written.joined(separator: " | ")
    }
}
