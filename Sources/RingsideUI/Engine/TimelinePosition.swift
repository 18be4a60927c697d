/// Where the engine's time-travel cursor is, as a report tells the front end.
public struct TimelinePosition: Hashable, Sendable {
    /// The step shown: 0 is the starting world, `steps` the newest.
    public var cursor: Int
    /// Steps on the current branch.
    public var steps: Int
    /// What the step at the cursor was: a command line, or nil for one event
    /// (a message delivered, a timer fired) or the start.
    public var label: String?
    /// Set when the request went back in time (or forward): the panels must be derived
    /// afresh from the world, not from what happened before.
    public var traveled: Bool
    /// Set when the request acted while the cursor was back: the steps after this one
    /// were forgotten and a new branch began here.
    public var branchedAt: Int?

    public init(cursor: Int = 0, steps: Int = 0, label: String? = nil, traveled: Bool = false, branchedAt: Int? = nil) {
        self.cursor = cursor
        self.steps = steps
        self.label = label
        self.traveled = traveled
        self.branchedAt = branchedAt
    }

    /// True while the cursor is before the newest step.
    public var isBack: Bool { cursor < steps }
}
