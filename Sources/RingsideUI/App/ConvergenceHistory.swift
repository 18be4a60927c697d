import RingsideSimulation

/// The convergence samples taken as the run advanced, one per engine report, ordered by
/// timeline step and bounded.
///
/// Samples are kept by step, so time travel needs no recomputation: going back (`u`)
/// only moves the cursor, and `upToCursor` ends where it is; redo (`U`) shows the later
/// samples again. A new branch forgets the samples after its first step.
public struct ConvergenceHistory: Sendable {
    /// Samples kept at most. When full, every other one is dropped (the first is kept):
    /// the plots keep the whole run at half the resolution, rather than forget how it began.
    public static let capacity = 512

    /// Sorted by step, one per step at most.
    public private(set) var samples: [ConvergenceSample] = []
    /// Every step at which the live replicas became identical or stopped being so, as the
    /// engine followed them message by message; sorted by step. Unlike the samples they
    /// do not depend on how many steps one screen update took.
    public private(set) var agreementChanges: [AgreementChange] = []
    /// Changes kept at most (the oldest go first): each is a flip, so a run has few.
    public static let agreementCapacity = 4_096

    public init() {}

    /// Takes a sample of `world` at timeline step `step`. A travel back or forth keeps the
    /// step's sample if it has one (the world there is the one sampled before); otherwise
    /// a step sampled again (a report that changed the world without a new step) is
    /// replaced. `branchedAt` drops the old branch's samples first.
    mutating func record(_ world: World, step: Int, traveled: Bool = false, branchedAt: Int? = nil) {
        if let branch = branchedAt {
            samples.removeAll { $0.step > branch }
            agreementChanges.removeAll { $0.step > branch }
        }
        let index = samples.partitionIndex { $0.step >= step }
        let previous = index > 0 ? samples[index - 1] : nil
        if index < samples.count, samples[index].step == step {
            if !traveled { samples[index] = ConvergenceSample(world: world, step: step, previous: previous) }
            return
        }
        samples.insert(ConvergenceSample(world: world, step: step, previous: previous), at: index)
        if samples.count > Self.capacity { thin() }
    }

    /// Adds the changes an engine report brings (after `record` dropped an old branch's).
    mutating func note(_ changes: [AgreementChange]) {
        for change in changes {
            agreementChanges.removeAll { $0.step >= change.step }
            agreementChanges.append(change)
        }
        if agreementChanges.count > Self.agreementCapacity {
            agreementChanges.removeFirst(agreementChanges.count - Self.agreementCapacity)
        }
    }

    /// The last change at or before `cursor`, if the engine reported any.
    public func agreement(upTo cursor: Int) -> AgreementChange? {
        let index = agreementChanges.partitionIndex { $0.step > cursor }
        return index > 0 ? agreementChanges[index - 1] : nil
    }

    /// The samples up to and including `cursor`: what the plots show.
    public func upTo(step cursor: Int) -> ArraySlice<ConvergenceSample> {
        samples[..<samples.partitionIndex { $0.step > cursor }]
    }

    /// Keeps the first sample and every other one after it.
    private mutating func thin() {
        samples = samples.enumerated().filter { $0.offset % 2 == 0 || $0.offset == samples.count - 1 }.map(\.element)
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false then true
    /// along the array (a binary search).
    func partitionIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
