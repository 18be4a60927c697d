/// The queries the askers have open, by query number.
///
/// A dictionary whose key hashes with two multiplies and a few shifts. Every lookup opens
/// and closes one query, and the standard SipHash of the number cost a twentieth of a
/// lookup's whole route. Query numbers are handed out one after another by one counter and
/// never come from outside, so the hash needs no protection against chosen keys. No caller
/// depends on the order of iteration (they sort, or treat every entry alike).
struct QueryTable: Sendable {
    /// A query number with the cheap hash.
    struct Key: Hashable, Sendable {
        let number: UInt64

        func hash(into hasher: inout Hasher) { hasher.combine(number) }

        // Dictionary takes its buckets from this value's low bits, so every bit of the
        // number must reach them: MurmurHash3's 64-bit finalizer (two multiplies and three
        // shifts). The seed is the table's own, mixed in first as SipHash would.
        func _rawHashValue(seed: Int) -> Int {
            var z = number ^ UInt64(UInt(bitPattern: seed))
            z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return Int(truncatingIfNeeded: z ^ (z >> 33))
        }
    }

    private var entries: [Key: Query] = [:]

    var isEmpty: Bool { entries.isEmpty }
    var values: Dictionary<Key, Query>.Values { entries.values }

    subscript(number: UInt64) -> Query? {
        get { entries[Key(number: number)] }
        set { entries[Key(number: number)] = newValue }
    }

    mutating func removeValue(forKey number: UInt64) -> Query? {
        entries.removeValue(forKey: Key(number: number))
    }

    mutating func removeAll() { entries.removeAll() }

    /// Forgets every query whose entry matches.
    mutating func removeAll(where matches: (Query) -> Bool) {
        entries = entries.filter { !matches($0.value) }
    }
}
