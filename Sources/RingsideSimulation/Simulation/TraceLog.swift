import Chord
import RingsideKernel

/// What happened, one line each, in the protocols' own terms (bounded: the newest are kept).
public struct TraceLog: Sendable {
    public struct Event: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case chord, bayou, caption, command, store
        }
        public var time: VirtualTime
        public var kind: Kind
        public var text: String
        /// The node that said it, when one did.
        public var node: NodeIndex?
    }

    public let capacity: Int
    /// A ring buffer: once full, `head` is the oldest entry.
    private var buffer: [Event] = []
    private var head = 0
    /// How many events were ever appended (older ones fall off the front).
    public private(set) var total = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The kept events, oldest first.
    public var events: [Event] {
        guard buffer.count == capacity, head > 0 else { return buffer }
        return Array(buffer[head...] + buffer[..<head])
    }

    /// The newest `count` events, oldest first (cheap: for a screen's worth of lines).
    public func last(_ count: Int) -> [Event] {
        let n = min(count, buffer.count)
        return (0..<n).map { i in buffer[(head + buffer.count - n + i) % buffer.count] }
    }

    mutating func append(_ event: Event) {
        total += 1
        if buffer.count < capacity {
            buffer.append(event)
        } else {
            buffer[head] = event
            head = (head + 1) % capacity
        }
    }
}
