import Chord
import RingsideKernel

/// The last in-flight message on each channel (directed node pair), to keep channels FIFO.
///
/// An open-addressing table keyed by the pair packed into 64 bits, with a multiplicative
/// hash: the network consults it on every send and arrival, and the standard Dictionary's
/// SipHash cost more than the rest of a lookup hop. Entries leave when their message does,
/// so the table is as large as the number of channels with traffic in flight. Keys and
/// values share one array: one uniqueness check and one cache line per probe.
struct ChannelClock: Sendable {
    struct Last: Sendable {
        var due: VirtualTime
        var id: MessageID
    }

    private struct Slot: Sendable {
        var key: UInt64
        var last: Last
    }

    private var slots: [Slot] = Array(repeating: ChannelClock.emptySlot, count: 16)
    private var count = 0
    private static let empty = UInt64.max
    private static let emptySlot = Slot(key: empty, last: Last(due: 0, id: 0))

    static func key(_ from: NodeIndex, _ to: NodeIndex) -> UInt64 {
        UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: to))
    }

    private static func home(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    mutating func set(_ key: UInt64, _ value: Last) {
        if (count + 1) * 2 > slots.count { grow() }
        let added = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.home(key, mask)
            while slots[i].key != Self.empty {
                if slots[i].key == key { slots[i].last = value; return false }
                i = (i + 1) & mask
            }
            slots[i] = Slot(key: key, last: value)
            return true
        }
        if added { count += 1 }
    }

    /// Message `id` enters the channel, due at `due` unless the channel's last message is
    /// due later (FIFO): records it as the channel's last and returns when it is due. One
    /// probe, where `last` then `set` made two.
    mutating func enqueue(_ key: UInt64, due: VirtualTime, id: MessageID) -> VirtualTime {
        if (count + 1) * 2 > slots.count { grow() }
        let (due, added) = slots.withUnsafeMutableBufferPointer { slots -> (VirtualTime, Bool) in
            let mask = slots.count - 1
            var i = Self.home(key, mask)
            while slots[i].key != Self.empty {
                if slots[i].key == key {
                    let due = max(due, slots[i].last.due)
                    slots[i].last = Last(due: due, id: id)
                    return (due, false)
                }
                i = (i + 1) & mask
            }
            slots[i] = Slot(key: key, last: Last(due: due, id: id))
            return (due, true)
        }
        if added { count += 1 }
        return due
    }

    /// Removes the channel's entry if it is still message `id`'s.
    mutating func remove(_ key: UInt64, ifLastIs id: MessageID) {
        let removed = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.home(key, mask)
            while slots[i].key != key {
                if slots[i].key == Self.empty { return false }
                i = (i + 1) & mask
            }
            guard slots[i].last.id == id else { return false }
            // Backward-shift deletion keeps every probe chain unbroken without tombstones.
            var hole = i
            var j = i
            while true {
                j = (j + 1) & mask
                if slots[j].key == Self.empty { break }
                let h = Self.home(slots[j].key, mask)
                // Move j into the hole unless its home lies cyclically in (hole, j].
                let inRange = hole <= j ? (h > hole && h <= j) : (h > hole || h <= j)
                if !inRange {
                    slots[hole] = slots[j]
                    hole = j
                }
            }
            slots[hole].key = Self.empty
            return true
        }
        if removed { count -= 1 }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Self.emptySlot, count: old.count * 2)
        count = 0
        for slot in old where slot.key != Self.empty { set(slot.key, slot.last) }
    }
}
