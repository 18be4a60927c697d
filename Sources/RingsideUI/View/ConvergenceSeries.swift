import RingsideKernel

/// What the convergence view plots, read from the model: the samples up to the
/// time-travel cursor, each quantity as a series, and when the replicas became identical.
struct ConvergenceSeries {
    /// Samples up to and including the cursor, oldest first.
    let samples: [ConvergenceSample]

    /// The engine's record of when the replicas last became identical or stopped being so.
    private let agreement: AgreementChange?

    init(model: AppModel) {
        agreement = model.convergence.agreement(upTo: model.timeline.cursor)
        var samples = Array(model.convergence.upTo(step: model.timeline.cursor))
        // A model the engine has not reported to yet (a test's, the benchmark's) still
        // shows where its world stands now.
        if samples.last?.step != model.timeline.cursor {
            samples.append(ConvergenceSample(world: model.world, step: model.timeline.cursor, previous: samples.last))
        }
        self.samples = samples
    }

    var latest: ConvergenceSample? { samples.last }

    var distinctDatabases: [Double] { samples.map { Double($0.distinctDatabases) } }
    var successorFractions: [Double] { samples.map(\.successorFraction) }
    var fingerFractions: [Double] { samples.map(\.fingerFraction) }
    var failedLookups: [Double] { samples.map { Double($0.failedLookups) } }
    var wrongOwnerLookups: [Double] { samples.map { Double($0.wrongOwnerLookups) } }

    /// When the replicas holding writes became identical, if they are at the cursor: the
    /// exact step the engine saw it happen, message by message. A model no engine reported
    /// to (a test's) falls back on the samples: the first of the last identical run.
    var identicalSince: (time: VirtualTime, step: Int)? {
        guard let latest, latest.hasWrites, latest.replicasIdentical else { return nil }
        if let agreement, agreement.isIdentical { return (agreement.time, agreement.step) }
        var first = latest
        for sample in samples.reversed() {
            guard sample.hasWrites, sample.replicasIdentical else { break }
            first = sample
        }
        return (first.time, first.step)
    }

    /// The largest value of a series, at least `floor` (a plot of zeros keeps a scale).
    static func top(_ values: [Double], floor: Double = 1) -> Double {
        max(floor, values.max() ?? floor)
    }

    /// The first and last virtual time plotted.
    var timeSpan: (first: VirtualTime, last: VirtualTime)? {
        guard let first = samples.first, let last = samples.last else { return nil }
        return (first.time, last.time)
    }
}
