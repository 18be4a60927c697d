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
    // The slab: slot i holds message `slots.meta(i).id` (0: free). The bookkeeping is plain
    // data apart from the messages, so checks never copy a message; a message is moved out
    // of its slot when it leaves (and put back if its timer is still to fire).
    private var slots = PacketSlab()
    /// The most recently freed slot (-1: none), heading a list threaded through the slots'
    /// bookkeeping: reusing slots last-freed-first as an array of free slots did, without
    /// a second storage to check for uniqueness on every send and delivery.
    private var firstFree: Int32 = -1
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

    /// Puts a message on the wire at `now`. Inlined into the world's send, the one caller:
    /// outlined, the message and the config were passed and copied through memory.
    @inline(__always)
    mutating func send(
        from: NodeIndex, to: NodeIndex, payload: consuming WorldMessage, cause: Int, now: VirtualTime,
        rng: inout SplitMix64
    ) -> (id: MessageID, outcome: SendOutcome) {
        let id = nextMessageID
        nextMessageID += 1
        let timerAt = now + config.timeout
        // Loss is drawn only while loss is on, so version-1 runs draw exactly as before.
        var lostAtSend: SimulationEvent.DropReason?
        if config.loss > 0, Self.unitDraw(&rng) < config.loss {
            lostAtSend = .loss
        } else if !config.canReach(from, to) {
            lostAtSend = .partition
        }
        // Built where it is moved into its slot, once its due time is known (every use of
        // the message is a `consume`): a message built first and then updated was copied
        // whole once more on its way in.
        if let reason = lostAtSend {
            let slot = allocate(Packet(id: id, from: from, to: to, payload: consume payload, sentAt: now, due: now,
                                       timerAt: timerAt, cause: cause),
                                arrivalSequence: 0, inFlight: false)
            pushTimer(slot, sequence: queue.reserveSequence())
            return (id, .lost(reason))
        }
        let channel = ChannelClock.key(from, to)
        let due = channels.enqueue(channel, due: now + rng.next(in: config.latency), id: id)
        let timerFirst = due > timerAt
        let slot = allocate(Packet(id: id, from: from, to: to, payload: consume payload, sentAt: now, due: due,
                                   timerAt: timerAt, cause: cause),
                            arrivalSequence: queue.nextSequence, inFlight: true)
        queue.push(QueueEntry(id: id, slot: slot, isTimer: false), at: due)
        inFlightCount += 1
        let timerSequence = queue.reserveSequence()
        if timerFirst { pushTimer(slot, sequence: timerSequence) }
        return (id, .inFlight)
    }

    /// What `pop` hands out: plain data naming the slot, so no message is copied or
    /// destroyed on the way (an optional holding the message enum went through the
    /// runtime's generic value witnesses on every event).
    struct Popped {
        var time: VirtualTime
        var handle: Handle
        var isTimer: Bool
    }

    /// The next arrival or timer in (time, sequence) order, skipping stale entries. Take the
    /// message with `takeArrival` or `takeTimer` (at once: an arrival is out of flight only
    /// once taken); an arrival's handle must then be passed to `delivered` or `lost`.
    @inline(__always)
    mutating func pop() -> Popped? {
        while let entry = queue.pop() {
            let slot = entry.payload.slot
            // Read only: the write that follows checks the storage once.
            let meta = slots.meta(Int(slot))
            guard meta.id == entry.payload.id else { continue }
            if entry.payload.isTimer {
                guard meta.timerPending else { continue }
                pendingTimerCount -= 1
                slots.unique().meta[Int(slot)].timerPending = false
                return Popped(time: entry.time, handle: Handle(slot: slot), isTimer: true)
            }
            guard meta.awaitingArrival else { continue }
            leaveChannel(meta)
            return Popped(time: entry.time, handle: Handle(slot: slot), isTimer: false)
        }
        return nil
    }

    /// The message of a popped arrival, moved out of its slot, which leaves flight.
    @inline(__always)
    mutating func takeArrival(_ popped: Popped) -> Packet {
        let index = Int(popped.handle.slot)
        let writable = slots.unique()
        writable.meta[index].awaitingArrival = false
        return writable.take(index)
    }

    /// The message whose timer fired: moved out (its slot freed), or copied when the
    /// message itself is still on its way (a latency past the timeout) and will arrive.
    mutating func takeTimer(_ popped: Popped) -> Packet {
        let index = Int(popped.handle.slot)
        if slots.meta(index).awaitingArrival { return slots[index]! }
        let packet = slots.unique().take(index)
        free(popped.handle.slot)
        return packet
    }

    /// The message arrived and was handed to its receiver: its timer is cancelled.
    @inline(__always)
    mutating func delivered(_ handle: Handle) {
        let index = Int(handle.slot)
        let meta = slots.unique().meta
        let timerWasPending = meta[index].timerPending
        meta[index].timerPending = false
        meta[index].id = 0
        meta[index].nextFree = firstFree
        firstFree = handle.slot
        if timerWasPending { pendingTimerCount -= 1 }
    }

    /// The message never reached its receiver (receiver down, partition, dropped): its
    /// timer will fire. Returns false when it already has (a latency past the timeout).
    mutating func lost(_ packet: Packet, _ handle: Handle) -> Bool {
        let index = Int(handle.slot)
        if packet.timerPushedAtSend {
            let pending = slots.meta(index).timerPending
            if pending { slots.unique().put(packet, at: index) } else { free(handle.slot) }
            return pending
        }
        slots.unique().put(packet, at: index)
        pushTimer(handle.slot, sequence: slots.meta(index).arrivalSequence + 1)
        return true
    }

    /// Whether message `id` (whose timer just fired) is still on its way.
    func isInFlight(_ handle: Handle, id: MessageID) -> Bool {
        let meta = slots.meta(Int(handle.slot))
        return meta.id == id && meta.awaitingArrival
    }

    /// Takes an in-flight message out of turn (`deliver mID` / `drop mID`); its handle must
    /// then be passed to `delivered` or `lost`.
    mutating func takeOutOfTurn(_ id: MessageID) -> (packet: Packet, handle: Handle)? {
        guard let index = (0..<slots.count).first(where: { slots.meta($0).id == id && slots.meta($0).awaitingArrival })
        else { return nil }
        leaveChannel(slots.meta(index))
        let slot = Int32(index)
        return (takeArrival(Popped(time: 0, handle: Handle(slot: slot), isTimer: false)), Handle(slot: slot))
    }

    /// Messages in flight in delivery order (O(n log n): for display and dumps).
    var inFlight: [Packet] {
        (0..<slots.count).filter { slots.meta($0).id != 0 && slots.meta($0).awaitingArrival }
            .map { (slots[$0]!, slots.meta($0).arrivalSequence) }
            .sorted { ($0.0.due, $0.1) < ($1.0.due, $1.1) }
            .map(\.0)
    }

    /// An arrival's channel upkeep (its slot's bookkeeping is left to `takeArrival`).
    @inline(__always)
    private mutating func leaveChannel(_ meta: PacketSlab.Meta) {
        inFlightCount -= 1
        channels.remove(meta.channel, ifLastIs: meta.id)
    }

    private mutating func pushTimer(_ slot: Int32, sequence: UInt64) {
        let index = Int(slot)
        let meta = slots.unique().meta
        meta[index].timerPending = true
        queue.push(QueueEntry(id: meta[index].id, slot: slot, isTimer: true), at: meta[index].timerAt, sequence: sequence)
        pendingTimerCount += 1
    }

    /// Puts a message in a free slot: one uniqueness check for its bookkeeping and itself.
    @inline(__always)
    private mutating func allocate(_ packet: consuming Packet, arrivalSequence: UInt64, inFlight: Bool) -> Int32 {
        let entry = PacketSlab.Meta(id: packet.id, arrivalSequence: arrivalSequence, awaitingArrival: inFlight,
                                    timerPending: false, timerAt: packet.timerAt,
                                    channel: ChannelClock.key(packet.from, packet.to))
        guard firstFree >= 0 else { return Int32(slots.append(entry, consume packet)) }
        let slot = firstFree
        let writable = slots.unique()
        firstFree = writable.meta[Int(slot)].nextFree
        writable.meta[Int(slot)] = entry
        writable.put(consume packet, at: Int(slot))
        return slot
    }

    /// A freed slot's message was taken out before: only its number goes.
    private mutating func free(_ slot: Int32) {
        let meta = slots.unique().meta
        meta[Int(slot)].id = 0
        meta[Int(slot)].nextFree = firstFree
        firstFree = slot
    }

    /// A uniform draw in [0, 1) with 53 random bits.
    static func unitDraw(_ rng: inout SplitMix64) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }
}
