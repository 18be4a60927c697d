/// How the terminal view writes an error the engine formatted for a script file.
enum ErrorText {
    /// `quorum-k14.ringside:16:1: error: …` for `/work/x/Assets/scenarios/quorum-k14.ringside:16:1:
    /// error: …`: in the status line and the events log the full path took the room of the
    /// message itself. Text without a path before `LINE:COLUMN: error:` is returned as it is
    /// (the headless runner prints the engine's text unchanged).
    static func shortened(_ text: String) -> String {
        guard let marker = text.firstRange(of: ": error: ") else { return text }
        let parts = text[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3 else { return text }
        let line = parts[parts.count - 2]
        let column = parts[parts.count - 1]
        guard isNumber(line), isNumber(column) else { return text }
        let file = parts[..<(parts.count - 2)].joined(separator: ":")
        guard let slash = file.lastIndex(of: "/") else { return text }
        let name = String(file[file.index(after: slash)...])
        guard !name.isEmpty else { return text }
        let rest = String(text[marker.lowerBound...])
        return name + ":" + line + ":" + column + rest
    }

    private static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
    }
}
