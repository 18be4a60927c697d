/// A minimal JSON writer: keys in the order written, strings escaped per RFC 8259.
/// Written by hand so output bytes never depend on a library's key ordering.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    public mutating func beginObject() { value(raw: "{"); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); text += "}" }
    public mutating func beginArray() { value(raw: "["); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); text += "]" }

    public mutating func key(_ name: String) {
        separate()
        text += JSONWriter.quoted(name)
        text += ":"
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            return
        }
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func value(raw: String) {
        separate()
        text += raw
    }

    public mutating func string(_ s: String) { value(raw: JSONWriter.quoted(s)) }
    public mutating func number(_ n: Int) { value(raw: String(n)) }
    public mutating func number(_ n: UInt64) { value(raw: String(n)) }
    public mutating func raw(_ literal: String) { value(raw: literal) }
    public mutating func bool(_ b: Bool) { value(raw: b ? "true" : "false") }
    public mutating func null() { value(raw: "null") }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
