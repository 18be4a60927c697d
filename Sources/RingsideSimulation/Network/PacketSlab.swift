/// The network's message slots: a message is moved in and out by pointer, never copied
/// or destroyed on the way.
///
/// Messages are a large enum with some reference-counted cases, so the compiler copies and
/// destroys them through the runtime's generic value witnesses; an array of optionals cost
/// a copy, a destroy and a generic destroy of the emptied optional per message. Here an
/// empty slot holds nil, which owns nothing, so moving a message in overwrites it and
/// moving one out leaves nil behind without destroying anything.
///
/// A value with copy-on-write storage, as the network must be (a copied world is a
/// snapshot): a write to shared storage first copies it.
struct PacketSlab: Sendable {
    private var storage = Storage()

    /// Number of slots (full or empty).
    var count: Int { storage.count }

    /// A copy of the message in `slot` (nil when empty), for display and timers.
    subscript(slot: Int) -> Packet? {
        precondition(slot >= 0 && slot < storage.count)
        return storage.base[slot]
    }

    /// Moves `packet` into empty slot `slot`.
    mutating func put(_ packet: consuming Packet, at slot: Int) {
        makeUnique()
        precondition(slot >= 0 && slot < storage.count)
        assert(storage.base[slot] == nil, "slot \(slot) still holds a message")
        (storage.base + slot).initialize(to: consume packet)
    }

    /// Moves the message out of full slot `slot`, leaving it empty.
    mutating func take(_ slot: Int) -> Packet {
        makeUnique()
        precondition(slot >= 0 && slot < storage.count)
        let place = storage.base + slot
        let packet = place.move()
        place.initialize(to: nil)
        return packet!
    }

    /// Adds a slot holding `packet`; returns its number.
    mutating func append(_ packet: consuming Packet) -> Int {
        makeUnique()
        if storage.count == storage.capacity { storage = storage.copy(capacity: max(16, storage.capacity * 2)) }
        let slot = storage.count
        (storage.base + slot).initialize(to: consume packet)
        storage.count += 1
        return slot
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
    }

    // Mutated only through `makeUnique`, i.e. never while another slab shares it.
    private final class Storage: @unchecked Sendable {
        var base: UnsafeMutablePointer<Packet?>
        var count = 0
        let capacity: Int

        init(capacity: Int = 0) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        func copy(capacity: Int) -> Storage {
            let fresh = Storage(capacity: capacity)
            fresh.base.initialize(from: base, count: count)
            fresh.count = count
            return fresh
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }
}
