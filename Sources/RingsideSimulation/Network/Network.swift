import Chord
import RingsideKernel

/// The simulated network: the only way a message enters or leaves flight.
///
/// It numbers messages, draws latencies from the run's one PRNG, keeps every channel
/// FIFO, applies loss and partitions, and keeps each message's transport timer. Events
/// are ordered by (time, sequence) in one queue. The network knows nothing of what the
/// messages mean; the world hands deliveries and timeouts to the protocols.
///
/// Messages live in a slab of slots; the queue holds small plain entries naming a slot, so
/// sifting the heap moves 32 bytes, not messages. Timers cost nothing while a message is in
/// flight: a message's timer is pushed only when the message is lost or dropped (it then
/// fires at sentAt + timeout), or at send time when its latency would outlast the timeout.
/// Its sequence number is reserved at send time either way (the one after its arrival's),
/// so events are ordered as if every timer had been pushed at once.
struct Network: Sendable {
    var config = NetworkConfig()
    private(set) var queue = EventQueue<QueueEntry>()
    private(set) var nextMessageID: MessageID = 1
    /// Messages in flight.
    private(set) var inFlightCount = 0
    /// Timers pushed and not yet fired or cancelled.
    private(set) var pendingTimerCount = 0
    // The slab: slot i holds message `meta[i].id` (0: free). The bookkeeping is plain data
    // apart from the messages, so checks never copy a message; a message is moved out of
    // its slot when it leaves (and put back if its timer is still to fire).
    private var packets: [Packet?] = []
    private var meta: [SlotMeta] = []

    private struct SlotMeta: Sendable {
        var id: MessageID
        var arrivalSequence: UInt64
        var awaitingArrival: Bool
        var timerPending: Bool
    }
    private var freeSlots: [Int32] = []
    private var channels = ChannelClock()

    /// A queue entry: which slot, and whether its arrival or its timer is due. `id` tells
    /// a live entry from a stale one whose slot was freed (and maybe reused).
    struct QueueEntry: Sendable {
        var id: MessageID
        var slot: Int32
        var isTimer: Bool
    }

    /// Where a popped or taken message lives until the world says what became of it.
    struct Handle: Sendable {
        fileprivate var slot: Int32
    }

    /// True when no message is in flight and no timer is pending.
    var isQuiet: Bool { inFlightCount == 0 && pendingTimerCount == 0 }

    /// Outcome of sending: in flight, or lost at once (its timer is then pending).
    enum SendOutcome { case inFlight, lost(SimulationEvent.DropReason) }

    /// Puts a message on the wire at `now`.
    mutating func send(
        from: NodeIndex, to: NodeIndex, payload: WorldMessage, cause: Int, now: VirtualTime,
        rng: inout SplitMix64
    ) -> (id: MessageID, outcome: SendOutcome) {
        let id = nextMessageID
        nextMessageID += 1
        var packet = Packet(id: id, from: from, to: to, payload: payload, sentAt: now, due: now,
                            timerAt: now + config.timeout, cause: cause)
        // Loss is drawn only while loss is on, so version-1 runs draw exactly as before.
        var lostAtSend: SimulationEvent.DropReason?
        if config.loss > 0, Self.unitDraw(&rng) < config.loss {
            lostAtSend = .loss
        } else if !config.canReach(from, to) {
            lostAtSend = .partition
        }
        if let reason = lostAtSend {
            let slot = allocate(packet, arrivalSequence: 0, inFlight: false)
            pushTimer(slot, sequence: queue.reserveSequence())
            return (id, .lost(reason))
        }
        let channel = ChannelClock.key(from, to)
        var due = now + rng.next(in: config.latency)
        if let last = channels.last(channel), last.due > due { due = last.due }
        packet.due = due
        let timerFirst = packet.timerPushedAtSend
        channels.set(channel, .init(due: due, id: id))
        let slot = allocate(packet, arrivalSequence: queue.nextSequence, inFlight: true)
        queue.push(QueueEntry(id: id, slot: slot, isTimer: false), at: due)
        inFlightCount += 1
        let timerSequence = queue.reserveSequence()
        if timerFirst { pushTimer(slot, sequence: timerSequence) }
        return (id, .inFlight)
    }

    /// What `pop` hands out. A struct, not a tuple: an optional tuple holding an enum with
    /// references was copied through the runtime's generic tuple witnesses.
    struct Popped {
        var time: VirtualTime
        var event: NetworkEvent
        var handle: Handle
    }

    /// The next arrival or timer in (time, sequence) order, skipping stale entries. An
    /// arrival's handle must then be passed to `delivered` or `lost`.
    mutating func pop() -> Popped? {
        while let entry = queue.pop() {
            let slot = entry.payload.slot
            let index = Int(slot)
            guard meta[index].id == entry.payload.id else { continue }
            if entry.payload.isTimer {
                guard meta[index].timerPending else { continue }
                pendingTimerCount -= 1
                meta[index].timerPending = false
                // A timer that outran its message leaves the message to the arrival.
                if meta[index].awaitingArrival { return Popped(time: entry.time, event: .timer(packets[index]!), handle: Handle(slot: slot)) }
                let packet = packets[index].take()!
                free(slot)
                return Popped(time: entry.time, event: .timer(packet), handle: Handle(slot: slot))
            }
            guard meta[index].awaitingArrival else { continue }
            leaveFlight(slot)
            return Popped(time: entry.time, event: .arrival(packets[index].take()!), handle: Handle(slot: slot))
        }
        return nil
    }

    /// The message arrived and was handed to its receiver: its timer is cancelled.
    mutating func delivered(_ handle: Handle) {
        let index = Int(handle.slot)
        if meta[index].timerPending {
            meta[index].timerPending = false
            pendingTimerCount -= 1
        }
        free(handle.slot)
    }

    /// The message never reached its receiver (receiver down, partition, dropped): its
    /// timer will fire. Returns false when it already has (a latency past the timeout).
    mutating func lost(_ packet: Packet, _ handle: Handle) -> Bool {
        let index = Int(handle.slot)
        if packet.timerPushedAtSend {
            let pending = meta[index].timerPending
            if pending { packets[index] = packet } else { free(handle.slot) }
            return pending
        }
        packets[index] = packet
        pushTimer(handle.slot, sequence: meta[index].arrivalSequence + 1)
        return true
    }

    /// Whether message `id` (whose timer just fired) is still on its way.
    func isInFlight(_ handle: Handle, id: MessageID) -> Bool {
        let index = Int(handle.slot)
        return meta[index].id == id && meta[index].awaitingArrival
    }

    /// Takes an in-flight message out of turn (`deliver mID` / `drop mID`); its handle must
    /// then be passed to `delivered` or `lost`.
    mutating func takeOutOfTurn(_ id: MessageID) -> (packet: Packet, handle: Handle)? {
        guard let index = meta.indices.first(where: { meta[$0].id == id && meta[$0].awaitingArrival }) else {
            return nil
        }
        leaveFlight(Int32(index))
        return (packets[index].take()!, Handle(slot: Int32(index)))
    }

    /// Messages in flight in delivery order (O(n log n): for display and dumps).
    var inFlight: [Packet] {
        meta.indices.filter { meta[$0].id != 0 && meta[$0].awaitingArrival }
            .map { (packets[$0]!, meta[$0].arrivalSequence) }
            .sorted { ($0.0.due, $0.1) < ($1.0.due, $1.1) }
            .map(\.0)
    }

    private mutating func leaveFlight(_ slot: Int32) {
        let index = Int(slot)
        meta[index].awaitingArrival = false
        inFlightCount -= 1
        channels.remove(ChannelClock.key(packets[index]!.from, packets[index]!.to), ifLastIs: meta[index].id)
    }

    private mutating func pushTimer(_ slot: Int32, sequence: UInt64) {
        let index = Int(slot)
        meta[index].timerPending = true
        queue.push(QueueEntry(id: meta[index].id, slot: slot, isTimer: true), at: packets[index]!.timerAt, sequence: sequence)
        pendingTimerCount += 1
    }

    private mutating func allocate(_ packet: consuming Packet, arrivalSequence: UInt64, inFlight: Bool) -> Int32 {
        let entry = SlotMeta(id: packet.id, arrivalSequence: arrivalSequence, awaitingArrival: inFlight, timerPending: false)
        if let slot = freeSlots.popLast() {
            packets[Int(slot)] = consume packet
            meta[Int(slot)] = entry
            return slot
        }
        packets.append(consume packet)
        meta.append(entry)
        return Int32(meta.count - 1)
    }

    private mutating func free(_ slot: Int32) {
        meta[Int(slot)].id = 0
        packets[Int(slot)] = nil
        freeSlots.append(slot)
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    static func unitDraw(_ rng: inout SplitMix64) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }
}
