/// Script bytes as checked lines: what every reader of a script (the headless runner and
/// the terminal view's `play`) goes through, so both number lines and reject bad text alike.
///
/// Lines are split on the byte 10, so a CRLF file counts lines as editors do (Swift would
/// read "\r\n" as one Character).
public enum ScriptSource {
    /// Longest line a script may have.
    public static let lineLengthMax = 65_536

    /// Calls `body` with each line's 1-based number and text, in order; stops at the first
    /// line that is too long, not UTF-8, or holds a NUL (so earlier lines have been handled).
    public static func forEachLine(
        in bytes: [UInt8], _ body: (_ number: Int, _ text: String) throws(ScriptError) -> Void
    ) throws(ScriptError) {
        var number = 0
        // A UTF-8 byte-order mark (some Windows editors write one) is not part of the first
        // command: it read as "unknown command '\u{FEFF}bits'", the mark invisible.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            try body(number, try decode(bytes[start..<end], number: number))
            start = end + 1
        }
    }

    /// One line's text, or an error at the column where it goes wrong.
    static func decode(_ line: ArraySlice<UInt8>, number: Int) throws(ScriptError) -> String {
        guard line.count <= lineLengthMax else {
            throw ScriptError(line: number, column: 1, "line is longer than \(lineLengthMax) bytes")
        }
        var scalars = String.UnicodeScalarView()
        var iterator = line.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                guard scalar.value != 0 else {
                    throw ScriptError(line: number, column: scalars.count + 1, "the line contains a NUL character")
                }
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw ScriptError(line: number, column: scalars.count + 1, "the line is not valid UTF-8 text")
            }
        }
        return String(scalars)
    }
}
