import Chord
import RingsideKernel

/// The simulated network: the only way a message enters or leaves flight.
///
/// It numbers messages, draws latencies from the run's one PRNG, keeps every channel
/// FIFO, applies loss and partitions, and keeps each message's transport timer. Events
/// are ordered by (time, sequence) in one queue. The network knows nothing of what the
/// messages mean; the world hands deliveries and timeouts to the protocols.
///
/// Timers cost nothing while a message is in flight: a message's timer is pushed only when
/// the message is lost or dropped (it then fires at sentAt + timeout), or at send time
/// when its latency could outlast the timeout. Its sequence number is reserved at send
/// time either way (the one after its arrival's), so the order of events is as if every
/// timer had been pushed at once.
struct Network: Sendable {
    var config = NetworkConfig()
    private(set) var queue = EventQueue<NetworkEvent>()
    private(set) var nextMessageID: MessageID = 1
    /// Messages in flight.
    private(set) var inFlightCount = 0
    /// Timers pushed and not yet fired or cancelled.
    private(set) var pendingTimerCount = 0
    /// Messages taken out of turn (`deliver mID`, `drop mID`): their queue entries are stale.
    private var takenEarly: Set<MessageID> = []
    /// Timers pushed at send time whose message was delivered after all.
    private var cancelledTimers: Set<MessageID> = []
    /// Slow messages (latency past the timeout) still in flight, and which of them have
    /// had their timer fire already: such a message still arrives late, and its command
    /// waits for it (script.md: a command runs until none of its messages is in flight).
    private var slowInFlight: Set<MessageID> = []
    private var timedOutInFlight: Set<MessageID> = []
    /// The last message on each channel still in flight, to keep channels FIFO.
    private var channelLast: [Channel: (due: VirtualTime, id: MessageID)] = [:]

    /// True when no message is in flight and no timer is pending.
    var isQuiet: Bool { inFlightCount == 0 && pendingTimerCount == 0 }

    /// Outcome of sending: in flight, or lost at once (its timer is then pending).
    enum SendOutcome { case inFlight, lost(SimulationEvent.DropReason) }

    /// Puts a message on the wire at `now`.
    mutating func send(
        from: NodeIndex, to: NodeIndex, payload: WorldMessage, cause: Int, now: VirtualTime,
        rng: inout SplitMix64
    ) -> (Packet, SendOutcome) {
        let id = nextMessageID
        nextMessageID += 1
        var packet = Packet(id: id, from: from, to: to, payload: payload, sentAt: now, due: now,
                            timerAt: now + config.timeout, cause: cause)
        // Loss is drawn only while loss is on, so version-1 runs draw exactly as before.
        if config.loss > 0, Self.unitDraw(&rng) < config.loss {
            pushTimer(packet, sequence: queue.reserveSequence())
            return (packet, .lost(.loss))
        }
        if !config.canReach(from, to) {
            pushTimer(packet, sequence: queue.reserveSequence())
            return (packet, .lost(.partition))
        }
        let channel = Channel(from: from, to: to)
        var due = now + rng.next(in: config.latency)
        if let last = channelLast[channel], last.due > due { due = last.due }
        packet.due = due
        channelLast[channel] = (due, id)
        queue.push(.arrival(packet), at: due)
        inFlightCount += 1
        let timerSequence = queue.reserveSequence()
        if packet.timerPushedAtSend {
            pushTimer(packet, sequence: timerSequence)
            slowInFlight.insert(id)
        }
        return (packet, .inFlight)
    }

    /// The next event in (time, sequence) order, skipping stale entries.
    mutating func pop() -> (time: VirtualTime, sequence: UInt64, event: NetworkEvent)? {
        while let entry = queue.pop() {
            switch entry.payload {
            case let .arrival(packet):
                if !takenEarly.isEmpty, takenEarly.remove(packet.id) != nil { continue }
                leaveFlight(packet)
            case let .timer(packet):
                if !cancelledTimers.isEmpty, cancelledTimers.remove(packet.id) != nil { continue }
                pendingTimerCount -= 1
                if slowInFlight.contains(packet.id) { timedOutInFlight.insert(packet.id) }
            }
            return (entry.time, entry.sequence, entry.payload)
        }
        return nil
    }

    /// Whether the timer of this message, still in flight, has fired already (the sender
    /// gave up on a slow message that will still arrive).
    func hasTimedOutInFlight(_ id: MessageID) -> Bool {
        !timedOutInFlight.isEmpty && timedOutInFlight.contains(id)
    }

    /// The packet arrived and was handed to its receiver: its timer is cancelled.
    mutating func delivered(_ packet: Packet, now: VirtualTime) {
        // A timer pushed at send time may already have fired (the sender gave up first).
        // Asked of the timer itself, not of the clock: at equal times the timer may not
        // have popped yet.
        guard packet.timerPushedAtSend else { return }
        if timedOutInFlight.remove(packet.id) == nil {
            cancelledTimers.insert(packet.id)
            pendingTimerCount -= 1
        }
    }

    /// The packet never reached its receiver (receiver down, partition, dropped): its timer
    /// will fire. `arrivalSequence` is its arrival entry's; the timer's was reserved next.
    /// Returns false when that timer fired already (a slow message): nothing more comes.
    @discardableResult
    mutating func lost(_ packet: Packet, arrivalSequence: UInt64) -> Bool {
        guard !packet.timerPushedAtSend else { return timedOutInFlight.remove(packet.id) == nil }
        pushTimer(packet, sequence: arrivalSequence + 1)
        return true
    }

    /// Takes an in-flight message out of turn (`deliver mID` / `drop mID`).
    mutating func takeOutOfTurn(_ id: MessageID) -> (packet: Packet, sequence: UInt64)? {
        for entry in queue.entries {
            guard case let .arrival(packet) = entry.payload, packet.id == id, !takenEarly.contains(id) else { continue }
            takenEarly.insert(id)
            leaveFlight(packet)
            return (packet, entry.sequence)
        }
        return nil
    }

    /// Messages in flight in delivery order (O(n log n): for display and dumps).
    var inFlight: [Packet] {
        queue.orderedEntries.compactMap { entry in
            guard case let .arrival(packet) = entry.payload, !takenEarly.contains(packet.id) else { return nil }
            return packet
        }
    }

    private mutating func leaveFlight(_ packet: Packet) {
        inFlightCount -= 1
        if packet.timerPushedAtSend { slowInFlight.remove(packet.id) }
        let channel = Channel(from: packet.from, to: packet.to)
        if let last = channelLast[channel], last.id == packet.id { channelLast[channel] = nil }
    }

    private mutating func pushTimer(_ packet: Packet, sequence: UInt64) {
        queue.push(.timer(packet), at: packet.timerAt, sequence: sequence)
        pendingTimerCount += 1
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    static func unitDraw(_ rng: inout SplitMix64) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }
}

/// A directed pair of nodes.
struct Channel: Hashable, Sendable {
    var from: NodeIndex
    var to: NodeIndex
}
