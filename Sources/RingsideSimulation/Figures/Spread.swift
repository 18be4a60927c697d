/// The summary every figure reports for one data point: mean and the 1st and 99th
/// percentiles (the papers' error bars), plus the extremes.
public struct Spread: Hashable, Sendable {
    public let count: Int
    public let mean: Double
    public let p01: Int
    public let p99: Int
    public let min: Int
    public let max: Int

    /// Summarises `values` (any order). Percentiles are nearest-rank, as `bench chord`
    /// reports them, so a figure and the benchmark agree on the same hops.
    public init(_ values: [Int]) {
        let sorted = values.sorted()
        count = sorted.count
        // Integer sum first: the mean of counts that add up to K over N is then exactly K / N.
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count)
        p01 = ChordBenchmark.percentile(sorted, 1)
        p99 = ChordBenchmark.percentile(sorted, 99)
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
}
