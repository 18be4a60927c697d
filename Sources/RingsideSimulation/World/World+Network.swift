import Chord
import RingsideKernel

/// The simulated network: random latency from the one PRNG, timeouts for dead nodes.
extension World {
    /// Latency of one message, in virtual milliseconds.
    static let latencyRange: ClosedRange<UInt64> = 1...9
    /// How long a sender waits before it concludes the other side is down.
    static let timeout: VirtualTime = 30

    mutating func send(_ envelope: ChordEnvelope) {
        let latency = rng.next(in: World.latencyRange)
        queue.push(.chord(envelope), at: time + latency)
    }

    /// Applies a protocol step's effects: messages go on the queue, notes into the trace.
    mutating func apply(_ effects: [ChordEffect]) {
        for effect in effects {
            switch effect {
            case let .send(envelope):
                send(envelope)
            case let .note(node, text):
                trace.append(.init(time: time, kind: .chord, text: text, node: node))
                eventLog.append(.note(time: time, node: node, text: text))
            case .lookupFinished:
                break
            }
        }
    }

    /// Delivers the next message, or starts the next action when nothing is in flight.
    /// Returns false when the world is idle.
    public mutating func step() throws(ScriptError) -> Bool {
        if let entry = queue.pop() {
            time = max(time, entry.time)
            deliver(entry.payload)
            return true
        }
        guard actionHead < actions.count else {
            actions.removeAll(keepingCapacity: true)
            actionHead = 0
            return false
        }
        let action = actions[actionHead]
        actionHead += 1
        try perform(action)
        return true
    }

    /// Steps until idle (a command "runs to completion").
    public mutating func runToCompletion() throws(ScriptError) {
        while try step() {}
    }

    private mutating func deliver(_ message: WorldMessage) {
        switch message {
        case let .chord(envelope):
            guard chord.state.isAlive(envelope.to) else {
                bounce(envelope)
                return
            }
            apply(chord.handle(envelope))
        case let .bayou(envelope):
            deliverBayou(envelope)
        }
    }

    /// A message to a dead node is never answered: after a timeout the sender hears of it.
    private mutating func bounce(_ envelope: ChordEnvelope) {
        if case .deliveryFailed = envelope.message { return }
        guard chord.state.isAlive(envelope.from) else { return }
        let notice = ChordEnvelope(from: envelope.to, to: envelope.from, message: .deliveryFailed(original: envelope))
        queue.push(.chord(notice), at: time + World.timeout)
    }

    mutating func enqueue(_ action: Action) {
        actions.append(action)
    }
}
