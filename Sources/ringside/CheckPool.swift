import Foundation
import RingsideSimulation

/// Checks seeds on several threads. Each seed is independent and pure, so results are the
/// same whatever the thread count; they are returned in seed order. Progress goes to
/// standard error: a bar redrawn in place on a terminal, a line per tenth otherwise.
enum CheckPool {
    /// Seeds `first` to `first + count - 1` (a count, not a range: the last may be UInt64.max).
    static func run(first: UInt64, count: Int, threads: Int, settings: CheckSettings) -> [SeedResult] {
        let shared = Shared(count: count)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = shared.claim() {
                let result = SeedCheck.run(seed: first + UInt64(index), settings: settings)
                shared.finish(index, result)
            }
        }
        shared.endProgress()
        return shared.results.map { $0! }
    }

    /// The work queue and the results, behind one lock.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private var failed = 0
        private let count: Int
        private(set) var results: [SeedResult?]
        private var progress: ProgressLine

        init(count: Int) {
            self.count = count
            progress = ProgressLine(label: "check", unit: "seeds", total: count)
            results = Array(repeating: nil, count: count)
        }

        func claim() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ index: Int, _ result: SeedResult) {
            lock.lock(); defer { lock.unlock() }
            results[index] = result
            done += 1
            if result.failure != nil { failed += 1 }
            report()
        }

        private func report() {
            progress.update(done, note: ", \(failed) failed")
        }

        func endProgress() {
            progress.end()
        }
    }
}
