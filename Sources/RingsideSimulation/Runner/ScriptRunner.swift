/// Runs a whole script headless: line by line, so everything before an error has happened
/// (and been printed) when the error stops the run.
public struct ScriptRunner {
    public private(set) var world: World
    /// Longest line a script may have.
    public static let lineLengthMax = 65_536

    public init(world: World = World()) {
        self.world = world
    }

    /// Executes `bytes` as a script; each output goes to `emit` as soon as it exists.
    public mutating func run(
        bytes: [UInt8], afterEachCommand: (World) -> Void = { _ in }, emit: (ScriptOutput) -> Void
    ) throws(ScriptError) {
        var number = 0
        var start = 0
        while start <= bytes.count {
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            if end == bytes.count && start == end { break }
            let lineBytes = bytes[start..<end]
            start = end + 1
            guard lineBytes.count <= ScriptRunner.lineLengthMax else {
                throw ScriptError(line: number, column: 1, "line is longer than \(ScriptRunner.lineLengthMax) bytes")
            }
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                throw ScriptError(line: number, column: ScriptRunner.firstInvalidColumn(lineBytes), "the line is not valid UTF-8 text")
            }
            if let bad = line.unicodeScalars.firstIndex(where: { $0.value == 0 }) {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: bad) + 1
                throw ScriptError(line: number, column: column, "the line contains a NUL character")
            }
            guard let statement = try Parser.parse(line: Substring(line), number: number) else { continue }
            let outputs = try world.execute(statement)
            afterEachCommand(world)
            for output in outputs { emit(output) }
        }
    }

    /// 1-based column (in characters) of the first byte that breaks UTF-8 decoding.
    static func firstInvalidColumn(_ bytes: ArraySlice<UInt8>) -> Int {
        var low = bytes.startIndex
        var high = bytes.endIndex
        // The longest valid prefix, found by bisection over byte offsets.
        while low < high {
            let mid = (low + high + 1) / 2
            if String(validating: bytes[bytes.startIndex..<mid], as: UTF8.self) != nil { low = mid } else { high = mid - 1 }
        }
        let prefix = String(validating: bytes[bytes.startIndex..<low], as: UTF8.self) ?? ""
        return prefix.count + 1
    }
}
