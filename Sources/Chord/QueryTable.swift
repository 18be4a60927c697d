/// The queries the askers have open, by query number.
///
/// A dictionary whose key hashes with one multiply and shift. Every lookup opens and closes
/// one query, and the standard SipHash of the number cost a twentieth of a lookup's whole
/// route. Query numbers are handed out one after another by one counter and never come
/// from outside, so the hash needs no protection against chosen keys. No caller depends
/// on the order of iteration (they sort, or treat every entry alike).
struct QueryTable: Sendable {
    /// A query number with the cheap hash.
    struct Key: Hashable, Sendable {
        let number: UInt64

        func hash(into hasher: inout Hasher) { hasher.combine(number) }

        // Dictionary takes its buckets from this value's low bits: the multiply spreads the
        // number's bits upwards and the shift brings the well-mixed high half down. The seed
        // is the table's own (it differs between tables), mixed in as SipHash would.
        func _rawHashValue(seed: Int) -> Int {
            let mixed = (number ^ UInt64(UInt(bitPattern: seed))) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
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
