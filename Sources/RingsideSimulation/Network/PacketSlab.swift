import RingsideKernel

/// The network's message slots: each slot's bookkeeping and its message, in one storage.
///
/// Messages are a large enum with some reference-counted cases, so the compiler copies and
/// destroys them through the runtime's generic value witnesses; an array of optionals cost
/// a copy, a destroy and a generic destroy of the emptied optional per message. Here an
/// empty slot holds nil, which owns nothing, so moving a message in overwrites it and
/// moving one out leaves nil behind without destroying anything.
///
/// The bookkeeping lives apart from the messages (checks read it without touching a
/// message) but in the same storage: a send or a delivery checks one storage for
/// uniqueness, where an array of bookkeeping beside the messages made two checks.
///
/// A value with copy-on-write storage, as the network must be (a copied world is a
/// snapshot): `unique()` copies shared storage before handing out its pointers.
struct PacketSlab: Sendable {
    /// A slot's bookkeeping: plain data.
    struct Meta: Sendable {
        /// The message in the slot (0: free).
        var id: MessageID
        var arrivalSequence: UInt64
        var awaitingArrival: Bool
        var timerPending: Bool
        // Copied from the message, so timers and channel upkeep never read the message.
        var timerAt: VirtualTime
        var channel: UInt64
        /// A free slot's successor in the free list (-1: none); meaningless while full.
        var nextFree: Int32 = -1
    }

    /// Pointers into storage made unique: valid until the slab is next mutated or copied.
    /// Taken once per network operation, so that its reads and writes check nothing more.
    struct Slots {
        let meta: UnsafeMutablePointer<Meta>
        fileprivate let packets: UnsafeMutablePointer<Packet?>

        /// Moves `packet` into empty slot `slot`.
        @inline(__always)
        func put(_ packet: consuming Packet, at slot: Int) {
            assert(packets[slot] == nil, "slot \(slot) still holds a message")
            (packets + slot).initialize(to: consume packet)
        }

        /// Moves the message out of full slot `slot`, leaving it empty.
        @inline(__always)
        func take(_ slot: Int) -> Packet {
            let place = packets + slot
            let packet = place.move()
            place.initialize(to: nil)
            // The slot was full (callers take only slots whose bookkeeping names a message):
            // unchecked in release builds, where the check of the optional's tag cost as
            // much as moving the message.
            return packet.unsafelyUnwrapped
        }
    }

    private var storage = Storage()

    /// Number of slots (full or empty).
    var count: Int { storage.count }

    /// Slot `slot`'s bookkeeping (a read: no uniqueness check).
    @inline(__always)
    func meta(_ slot: Int) -> Meta {
        precondition(slot >= 0 && slot < storage.count)
        return storage.meta[slot]
    }

    /// A copy of the message in `slot` (nil when empty), for display and timers.
    subscript(slot: Int) -> Packet? {
        precondition(slot >= 0 && slot < storage.count)
        return storage.packets[slot]
    }

    /// The slots, for writing: the storage is copied first if another slab shares it.
    @inline(__always)
    mutating func unique() -> Slots {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
        return Slots(meta: storage.meta, packets: storage.packets)
    }

    /// Adds a slot holding `packet`; returns its number.
    mutating func append(_ meta: Meta, _ packet: consuming Packet) -> Int {
        _ = unique()
        if storage.count == storage.capacity { storage = storage.copy(capacity: max(16, storage.capacity * 2)) }
        let slot = storage.count
        (storage.meta + slot).initialize(to: meta)
        (storage.packets + slot).initialize(to: consume packet)
        storage.count += 1
        return slot
    }

    // Mutated only through `unique()`, i.e. never while another slab shares it.
    private final class Storage: @unchecked Sendable {
        let meta: UnsafeMutablePointer<Meta>
        let packets: UnsafeMutablePointer<Packet?>
        var count = 0
        let capacity: Int

        init(capacity: Int = 0) {
            self.capacity = capacity
            meta = .allocate(capacity: capacity)
            packets = .allocate(capacity: capacity)
        }

        func copy(capacity: Int) -> Storage {
            let fresh = Storage(capacity: capacity)
            fresh.meta.initialize(from: meta, count: count)
            fresh.packets.initialize(from: packets, count: count)
            fresh.count = count
            return fresh
        }

        deinit {
            meta.deinitialize(count: count)
            meta.deallocate()
            packets.deinitialize(count: count)
            packets.deallocate()
        }
    }
}
