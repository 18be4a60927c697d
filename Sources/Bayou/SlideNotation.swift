import RingsideKernel

/// The lecture slides' notation: `CSN:timestamp:origin operation`, ∞ for a tentative CSN.
///
/// `1:1:P w(X,4)`, `∞:13:B D(Y)`, `∞:14:A book(r1@10,r1@11 for ann)→r1@11`.
/// Replica names are a display concern, so every function takes a `name` closure.
public enum SlideNotation {
    /// ∞ stands for a tentative write's CSN, as on the slides.
    public static let tentativeCSN = "∞"

    /// `3:5:B`
    public static func stamp(csn: UInt64?, stamp: WriteStamp, name: (Identifier) -> String) -> String {
        "\(csn.map { String($0) } ?? tentativeCSN):\(stamp.timestamp):\(name(stamp.origin))"
    }

    /// `w(X,4)`, `D(Y)`, `book(r1@10,r1@11 for ann)`
    public static func operation(_ operation: Operation) -> String {
        switch operation {
        case .put(let key, let value): return "w(\(key),\(value))"
        case .delete(let key): return "D(\(key))"
        case .book(let slots, let who): return "book(\(slots.joined(separator: ",")) for \(who))"
        }
    }

    /// `∞:13:B D(Y)`: a write as sent or stored, without a booking's outcome.
    public static func write(_ write: Write, name: (Identifier) -> String) -> String {
        "\(stamp(csn: write.csn, stamp: write.stamp, name: name)) \(operation(write.operation))"
    }

    /// A log entry; a booking shows the slot it got (`→r1@11`) or `→none`.
    public static func entry(_ entry: LogEntry, name: (Identifier) -> String) -> String {
        let text = write(entry.write, name: name)
        guard case .book = entry.operation else { return text }
        return "\(text)→\(entry.outcome ?? "none")"
    }

    /// `P:7 A:12 B:13`. With `replicas`, every one of them is listed in that order (0 = nothing
    /// seen), as the slides do; without, the entries in ascending origin id.
    public static func versionVector(
        _ vector: VersionVector, replicas: [Identifier]? = nil, name: (Identifier) -> String
    ) -> String {
        let origins = replicas ?? vector.entries.map(\.origin)
        return origins.map { "\(name($0)):\(vector[$0])" }.joined(separator: " ")
    }
}

extension LogEntry {
    /// This entry in slide notation.
    public func slideNotation(name: (Identifier) -> String) -> String {
        SlideNotation.entry(self, name: name)
    }
}

extension Write {
    /// This write in slide notation.
    public func slideNotation(name: (Identifier) -> String) -> String {
        SlideNotation.write(self, name: name)
    }
}
