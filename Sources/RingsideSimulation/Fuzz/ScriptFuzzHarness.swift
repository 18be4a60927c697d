/// Runs one fuzz input through the parser and the interpreter and judges what came back.
///
/// The property is the quality bar's: bad input gets a clear message, never a trap. So
/// besides surviving, every error must point inside the input (a line that exists, a column
/// from 1) and be printable (no raw control character reaches the student's terminal).
/// Statements run one by one in a fresh world, going on after errors as the TUI's `:` line
/// does, so an error can be followed by anything.
public enum ScriptFuzzHarness {
    /// What one input did.
    public struct Outcome: Sendable, Equatable {
        public var linesParsed = 0
        public var parseErrors = 0
        public var statementsRun = 0
        public var runErrors = 0
        /// Statements not run because a number in them asks for more work than a fuzz
        /// input may take (they were parsed all the same).
        public var statementsSkipped = 0
        /// Broken promises: an error outside the input or with a control character in it.
        public var findings: [String] = []

        public init() {}
    }

    /// Numbers above this make a statement too costly to run thousands of times a second
    /// (a million-node `add`, `step 1000000`); parsing them is still fuzzed.
    public static let numberRunMax: UInt64 = 4096

    /// Parses and runs `input`.
    public static func run(_ input: String) -> Outcome {
        var outcome = Outcome()
        var world = World(seed: 1)
        world.narrates = true
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let statement: Statement?
            do {
                statement = try Parser.parse(line: line, number: number)
            } catch {
                outcome.parseErrors += 1
                judge(error, lines: lines.count, what: "parse", into: &outcome)
                continue
            }
            guard let statement else { continue }
            outcome.linesParsed += 1
            guard isCheap(line) else {
                outcome.statementsSkipped += 1
                continue
            }
            outcome.statementsRun += 1
            do {
                _ = try world.execute(statement)
            } catch {
                outcome.runErrors += 1
                judge(error, lines: lines.count, what: "run", into: &outcome)
            }
        }
        return outcome
    }

    private static func judge(_ error: ScriptError, lines: Int, what: String, into outcome: inout Outcome) {
        outcome.findings += findings(for: error, lines: lines, what: what)
    }

    /// The promises `error` breaks for an input of `lines` lines.
    static func findings(for error: ScriptError, lines: Int, what: String) -> [String] {
        var found: [String] = []
        if !(1...max(1, lines)).contains(error.line) || error.column < 1 {
            found.append("\(what) error at \(error.line):\(error.column) outside the input (\(lines) lines): \(ScriptError.printable(error.message))")
        }
        if ScriptError.printable(error.message) != error.message {
            found.append("\(what) error message holds a control character: \(ScriptError.printable(error.message))")
        }
        return found
    }

    /// False when any whole number in the line exceeds `numberRunMax`.
    static func isCheap(_ line: Substring) -> Bool {
        var value: UInt64 = 0
        var inNumber = false
        for byte in line.utf8 {
            if byte >= 48 && byte <= 57 {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(UInt64(byte - 48))
                if o1 || o2 { return false }
                value = plus
                inNumber = true
                if value > numberRunMax { return false }
            } else if inNumber {
                value = 0
                inNumber = false
            }
        }
        return true
    }
}
