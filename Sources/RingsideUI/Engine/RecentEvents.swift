import RingsideSimulation

/// The newest structured events of the timeline's current branch, each tagged with the
/// step that produced it: the engine's index for the space-time diagram.
///
/// Bounded (`capacity`): a long run keeps only its newest events, so memory and the cost
/// of a report never grow with the run. Steps only increase along the branch, so the
/// events up to any cursor are a prefix, found by binary search.
public struct RecentEvents: Sendable {
    struct Entry: Sendable {
        var step: Int
        var event: SimulationEvent
    }

    private var entries: [Entry] = []
    /// Events kept at most; the oldest go first.
    public let capacity: Int
    /// The step of the newest event forgotten for room (nil: nothing forgotten yet).
    public private(set) var forgottenThrough: Int?

    /// Enough for many screens of the tallest diagram; about 200 bytes an event.
    public static let defaultCapacity = 16_384

    public init(capacity: Int = RecentEvents.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// Events kept now.
    public var count: Int { entries.count }

    /// Adds the events taken after `step` (which is at or after every step kept).
    public mutating func append(_ events: [SimulationEvent], step: Int) {
        guard !events.isEmpty else { return }
        entries.reserveCapacity(min(capacity + capacity / 4, entries.count + events.count))
        for event in events { entries.append(Entry(step: step, event: event)) }
        // Trimmed in batches of a quarter of the capacity: amortised O(1) per event.
        if entries.count > capacity + capacity / 4 {
            let excess = entries.count - capacity
            forgottenThrough = entries[excess - 1].step
            entries.removeFirst(excess)
        }
    }

    /// A new branch starts after `step`: the events of later steps are forgotten.
    public mutating func forget(after step: Int) {
        let end = firstIndex(after: step)
        entries.removeSubrange(end...)
    }

    /// The newest `limit` events of steps up to `step`, oldest first.
    public func window(upTo step: Int, limit: Int) -> EventWindow {
        let end = firstIndex(after: step)
        let start = max(0, end - max(0, limit))
        let older = start > 0 || (forgottenThrough != nil)
        return EventWindow(events: entries[start..<end].map(\.event), hasEarlier: older)
    }

    /// The index of the first entry whose step is after `step` (entries.count if none).
    private func firstIndex(after step: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].step <= step { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The events a frame may draw: the newest few up to the time-travel cursor.
public struct EventWindow: Sendable, Equatable {
    /// Oldest first.
    public var events: [SimulationEvent]
    /// True when earlier events exist that are not in `events` (cut by the window or forgotten).
    public var hasEarlier: Bool

    public init(events: [SimulationEvent] = [], hasEarlier: Bool = false) {
        self.events = events
        self.hasEarlier = hasEarlier
    }

    /// Events a report carries at most: more than the tallest diagram can draw.
    public static let limit = 600
}
