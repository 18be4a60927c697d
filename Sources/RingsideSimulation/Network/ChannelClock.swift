import Chord
import RingsideKernel

/// The last in-flight message on each channel (directed node pair), to keep channels FIFO.
///
/// An open-addressing table keyed by the pair packed into 64 bits, with a multiplicative
/// hash: the network consults it on every send and arrival, and the standard Dictionary's
/// SipHash cost more than the rest of a lookup hop. Entries leave when their message does,
/// so the table is as large as the number of channels with traffic in flight.
struct ChannelClock: Sendable {
    struct Last: Sendable {
        var due: VirtualTime
        var id: MessageID
    }

    private var keys: [UInt64] = Array(repeating: ChannelClock.empty, count: 16)
    private var values: [Last] = Array(repeating: Last(due: 0, id: 0), count: 16)
    private var count = 0
    private static let empty = UInt64.max

    static func key(_ from: NodeIndex, _ to: NodeIndex) -> UInt64 {
        UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: to))
    }

    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (keys.count - 1)
    }

    func last(_ key: UInt64) -> Last? {
        var i = home(key)
        while keys[i] != Self.empty {
            if keys[i] == key { return values[i] }
            i = (i + 1) & (keys.count - 1)
        }
        return nil
    }

    mutating func set(_ key: UInt64, _ value: Last) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = home(key)
        while keys[i] != Self.empty {
            if keys[i] == key { values[i] = value; return }
            i = (i + 1) & (keys.count - 1)
        }
        keys[i] = key
        values[i] = value
        count += 1
    }

    /// Removes the channel's entry if it is still message `id`'s.
    mutating func remove(_ key: UInt64, ifLastIs id: MessageID) {
        let mask = keys.count - 1
        var i = home(key)
        while keys[i] != key {
            if keys[i] == Self.empty { return }
            i = (i + 1) & mask
        }
        guard values[i].id == id else { return }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        var hole = i
        var j = i
        while true {
            j = (j + 1) & mask
            if keys[j] == Self.empty { break }
            let h = home(keys[j])
            // Move j into the hole unless its home lies cyclically in (hole, j].
            let inRange = hole <= j ? (h > hole && h <= j) : (h > hole || h <= j)
            if !inRange {
                keys[hole] = keys[j]
                values[hole] = values[j]
                hole = j
            }
        }
        keys[hole] = Self.empty
        count -= 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: Last(due: 0, id: 0), count: oldKeys.count * 2)
        count = 0
        for i in oldKeys.indices where oldKeys[i] != Self.empty { set(oldKeys[i], oldValues[i]) }
    }
}
