/// Delta debugging (Zeller's ddmin, complement side) over a script's command lines:
/// remove chunks, halving their size when no chunk can go, while the run still fails the
/// same way. The result is 1-minimal when the budget allows: no single line can go.
public enum Shrinker {
    /// The shortest list found that still `fails`, trying at most `budget` candidates.
    public static func shrink(_ lines: [String], budget: Int, fails: ([String]) -> Bool) -> [String] {
        var current = lines
        var parts = 2
        var spent = 0
        while current.count > 1 && spent < budget {
            let chunk = max(1, (current.count + parts - 1) / parts)
            var removedAny = false
            var start = 0
            while start < current.count && spent < budget {
                let end = min(current.count, start + chunk)
                let candidate = Array(current[..<start]) + Array(current[end...])
                spent += 1
                if !candidate.isEmpty && fails(candidate) {
                    // The next chunk now starts where this one did.
                    current = candidate
                    removedAny = true
                } else {
                    start = end
                }
            }
            if !removedAny {
                if chunk == 1 { break }
                parts = min(current.count, parts * 2)
            } else {
                parts = max(2, parts - 1)
            }
        }
        return current
    }
}
