/// What a Bayou write does to the database when it is (re)applied.
///
/// `book` is Bayou's meeting-room write: its dependency check asks whether a slot is
/// still free, its merge procedure tries the slots in order and books the first free one.
/// Because the check runs against whatever the database holds at that point of the log,
/// the outcome of a tentative booking can change when the log is reordered.
public enum Operation: Hashable, Sendable {
    case put(key: String, value: String)
    case delete(key: String)
    case book(slots: [String], who: String)
}

/// How to take back one applied operation: the single key it changed and what it held.
///
/// Every operation changes at most one key, so one record per applied write is the
/// whole undo log Bayou needs to roll back tentative writes.
struct UndoRecord: Sendable {
    /// The key the operation changed; nil when it changed nothing (a booking that found no free slot).
    let key: String?
    /// The key's value before the operation; nil when it was absent.
    let previous: String?

    static let nothing = UndoRecord(key: nil, previous: nil)

    func revert(_ database: inout [String: String]) {
        guard let key else { return }
        database[key] = previous
    }
}

extension Operation {
    /// Applies the operation; returns how to undo it and, for a booking, the slot it got.
    func apply(to database: inout [String: String]) -> (undo: UndoRecord, outcome: String?) {
        switch self {
        case .put(let key, let value):
            let previous = database.updateValue(value, forKey: key)
            return (UndoRecord(key: key, previous: previous), nil)
        case .delete(let key):
            let previous = database.removeValue(forKey: key)
            return (UndoRecord(key: key, previous: previous), nil)
        case .book(let slots, let who):
            // Dependency check: is the slot still free? Merge procedure: first free slot wins.
            for slot in slots where database[slot] == nil {
                database[slot] = who
                return (UndoRecord(key: slot, previous: nil), slot)
            }
            return (.nothing, nil)
        }
    }
}
