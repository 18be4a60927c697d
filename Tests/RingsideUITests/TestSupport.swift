@testable import RingsideUI

/// A 64-bit SplitMix generator so "random" test grids are the same on every run.
struct TestRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0), by modulo: bias is irrelevant here.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

extension Grid {
    /// Plays `runs` onto this grid the way the terminal writer does, for checking diffs.
    mutating func apply(_ runs: [GridRun]) {
        for run in runs {
            write(run.text, x: run.x, y: run.y, style: run.style)
        }
    }

    /// Rows with trailing spaces trimmed, the form the goldens are written in.
    var trimmed: [String] { lines(trimmingTrailingSpaces: true) }
}
