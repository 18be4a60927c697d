/// Where a timeline keeps world snapshots: at every multiple of `interval` steps, at
/// most `limit` of them. When one more would exceed the limit the interval doubles and
/// every other checkpoint goes, so a run of n steps keeps between limit/2 and limit
/// checkpoints, evenly spaced, and reaching any step replays fewer than `interval`
/// (about 2n/limit) inputs. Memory is then `limit` worlds at most, whatever n is.
struct CheckpointPolicy: Sendable, Equatable {
    let limit: Int
    private(set) var interval: Int

    /// `limit` is raised to 2 (step 0 and one more); `interval` to 1.
    init(limit: Int, interval: Int) {
        self.limit = max(2, limit)
        self.interval = max(1, interval)
    }

    /// Whether the world after `step` steps should be kept.
    func wantsCheckpoint(at step: Int) -> Bool {
        step % interval == 0
    }

    /// Doubles the interval until `steps` (ascending, starting at 0) fit within the
    /// limit; returns the steps to keep. Step 0 is a multiple of every interval, so the
    /// starting world is always kept.
    mutating func thin(_ steps: [Int]) -> [Int] {
        var kept = steps
        while kept.count > limit {
            interval *= 2
            kept = kept.filter { $0 % interval == 0 }
        }
        return kept
    }
}
