/// The event log of state.md: one JSON object per line, keys in the spec's order.
/// Written by hand (like `JSONWriter`) so the bytes never depend on a library's key order;
/// with `": "` and `", "` as the spec's example shows them.
public enum EventJSONLines {
    /// Appends `event` as one line (ending in "\n") to `out`.
    ///
    /// Keys: seq, time, kind, then whichever of line, msg, from, to, node, type, reason,
    /// text the event has, in that order. That one order yields every kind's order in
    /// state.md (command: line, text; send: msg, from, to, type; deliver: …, type, text;
    /// drop: …, type, reason; timeout: msg, node, text; note: node, text). Absent optional
    /// fields (a note without a node, a delivery nobody narrated) are left out, not null.
    public static func append(_ event: SimulationEvent, labels: NodeLabels, to out: inout String) {
        out += "{\"seq\": \(event.seq), \"time\": \(event.time), \"kind\": \"\(event.kind.rawValue)\""
        func field(_ key: String, _ json: String) {
            out += ", \""
            out += key
            out += "\": "
            out += json
        }
        if let line = event.line { field("line", String(line)) }
        if let msg = event.msg { field("msg", String(msg)) }
        if let from = event.from { field("from", labels.jsonID(from)) }
        if let to = event.to { field("to", labels.jsonID(to)) }
        if let node = event.node { field("node", labels.jsonID(node)) }
        if let type = event.type { field("type", JSONWriter.quoted(type)) }
        if let reason = event.reason { field("reason", JSONWriter.quoted(reason.rawValue)) }
        if let text = event.text { field("text", JSONWriter.quoted(text)) }
        out += "}\n"
    }

    /// A whole log as text (for tests and small runs).
    public static func render(_ events: [SimulationEvent], labels: NodeLabels) -> String {
        var out = ""
        for event in events { append(event, labels: labels, to: &out) }
        return out
    }
}
