import Chord
import RingsideKernel

/// What happened, one line each, in the protocols' own terms (bounded: the newest are kept).
public struct TraceLog: Sendable {
    public struct Event: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case chord, bayou, caption, command
        }
        public var time: VirtualTime
        public var kind: Kind
        public var text: String
        /// The node that said it, when one did.
        public var node: NodeIndex?
    }

    public let capacity: Int
    public private(set) var events: [Event] = []
    /// How many events were ever appended (older ones fall off the front).
    public private(set) var total = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    mutating func append(_ event: Event) {
        total += 1
        if events.count >= capacity {
            events.removeFirst(events.count - capacity + 1)
        }
        events.append(event)
    }
}
