import Foundation

/// Progress on standard error, the same for every long command: a bar redrawn in place on
/// a terminal, a plain line per tenth otherwise (a CI log gets lines, not one line of
/// carriage returns). Not thread-safe: callers serialize (CheckPool holds its lock).
struct ProgressLine {
    /// The command's name, starting each plain line ("check: 30/100 seeds").
    let label: String
    /// What is counted ("seeds", "inputs").
    let unit: String
    let total: Int
    private let isTerminal = isatty(2) != 0
    private var lastTenth = -1
    private var lastPercent = -1
    private var lastNote = ""
    private var drawn = false

    init(label: String, unit: String, total: Int) {
        self.label = label
        self.unit = unit
        self.total = max(1, total)
    }

    /// `done` of `total` finished; `note` follows the count (", 2 failed").
    mutating func update(_ done: Int, note: String = "") {
        if isTerminal {
            // Redrawn only when it shows a change: fuzz calls this once per input.
            let percent = done * 100 / total
            guard percent != lastPercent || note != lastNote else { return }
            lastPercent = percent
            lastNote = note
            drawn = true
            let width = 30
            let filled = min(width, done * width / total)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(unit)\(note)".utf8))
        } else {
            let tenth = done * 10 / total
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            FileHandle.standardError.write(Data("\(label): \(done)/\(total) \(unit)\(note)\n".utf8))
        }
    }

    /// Ends the bar's line, so what follows starts on a line of its own.
    func end() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
