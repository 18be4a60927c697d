/// The puts and gets under way, by operation id. Ids are handed out in increasing order and
/// every store reply names one, so a slot array from the oldest kept id finds an operation
/// without hashing, and a reply updates its count in place: a dictionary's get-and-set
/// copied the whole operation (its strings and reply list) out and back on every message.
struct StoreOperationTable: Sendable {
    /// The id of `slots[0]`.
    private var base = 1
    /// nil: finished and forgotten, kept only while an older operation is still here.
    private var slots: [StoreOperation?] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Where operation `id` is, if it is still kept. Valid until the next insert or removal.
    @inline(__always)
    func slot(of id: Int) -> Int? {
        let slot = id &- base
        guard slot >= 0, slot < slots.count, slots[slot] != nil else { return nil }
        return slot
    }

    /// The operation in `slot`, read or changed in place (no copy of its strings or replies).
    subscript(slot slot: Int) -> StoreOperation {
        @inline(__always) get { slots[slot]! }
        @inline(__always) _modify { yield &slots[slot]! }
    }

    /// A copy of operation `id`, if it is kept; setting replaces a kept operation only.
    subscript(id: Int) -> StoreOperation? {
        get {
            guard let slot = slot(of: id) else { return nil }
            return slots[slot]
        }
        set {
            guard let slot = slot(of: id), let newValue else { return }
            slots[slot] = newValue
        }
    }

    /// Keeps a new operation; ids only grow, so it goes after every kept one.
    mutating func insert(_ operation: StoreOperation, id: Int) {
        if slots.isEmpty { base = id }
        precondition(id >= base + slots.count, "store operation ids only grow")
        while base + slots.count < id { slots.append(nil) }
        slots.append(operation)
        count += 1
    }

    /// Forgets the operations `forget` picks (late replies to them then find nothing).
    mutating func removeAll(where forget: (StoreOperation) -> Bool) {
        for slot in slots.indices {
            if let operation = slots[slot], forget(operation) {
                slots[slot] = nil
                count -= 1
            }
        }
        guard count > 0 else { return removeAll() }
        // Drop the forgotten prefix so the array stays as long as the oldest kept operation's age.
        let dropped = slots.prefix { $0 == nil }.count
        if dropped > 0 {
            slots.removeFirst(dropped)
            base += dropped
        }
    }

    mutating func removeAll() {
        slots.removeAll(keepingCapacity: true)
        count = 0
    }
}
