/// The database of a replica's whole log, brought up to date lazily.
///
/// The committed prefix has its own database, `Replica.committedDatabase`, kept
/// current as writes commit: committed order never changes, so it is never redone.
/// This view adds the tentative writes on top. A change at tentative position q only
/// lowers `valid` (the dirty index); the undo and redo happen when someone reads the
/// database, once for however many writes arrived in between. The rollback counts a
/// real replica would incur are recorded per change by `Replica`, not here.
struct Materialization: Sendable {
    /// The committed database plus tentative writes applied in the order they had when applied.
    private(set) var database: [String: String] = [:]
    /// One undo record per applied tentative write, in application order.
    private var undo = TrimmableArray<UndoRecord>()
    /// The booking outcome of each applied tentative write, parallel to `undo`.
    private(set) var outcomes = TrimmableArray<String?>()
    /// Tentative writes 0 ..< valid were applied in their current log order and stand.
    private var valid = 0
    /// The committed prefix grew in a way the undo log cannot follow: restart from it.
    private var rebuild = false

    func isCurrent(tentativeCount: Int) -> Bool {
        !rebuild && valid == tentativeCount && undo.count == tentativeCount
    }

    /// A tentative write was inserted at, or removed from, tentative position `position`.
    mutating func tentativeChanged(at position: Int) {
        valid = min(valid, position)
    }

    /// The committed prefix gained a write that was not the first tentative one.
    mutating func committedPrefixReordered() {
        rebuild = true
    }

    /// The first `count` tentative writes were committed where they stood: no reordering.
    mutating func committedFront(_ count: Int) {
        guard count > 0 else { return }
        if !rebuild && count <= valid {
            // Their effects are already in `database` at the right place; they just stop
            // being undoable.
            undo.removeFirst(count)
            outcomes.removeFirst(count)
            valid -= count
        } else {
            rebuild = true
        }
    }

    /// Undoes the stale tail and redoes the log from the dirty index to the end.
    mutating func bringUpToDate(_ tentative: TentativeLog, committedDatabase: [String: String]) {
        if rebuild {
            database = committedDatabase
            undo.removeAll()
            outcomes.removeAll()
            valid = 0
            rebuild = false
        }
        while undo.count > valid {
            undo.removeLast().revert(&database)
            outcomes.removeLast()
        }
        tentative.forEach(from: valid) { write in
            let (record, outcome) = write.operation.apply(to: &database)
            undo.append(record)
            outcomes.append(outcome)
        }
        valid = tentative.count
    }
}

/// An array that can drop elements from the front in O(1) (amortised).
struct TrimmableArray<Element: Sendable>: Sendable {
    private var storage: [Element] = []
    private var head = 0

    var count: Int { storage.count - head }

    subscript(index: Int) -> Element { storage[head + index] }

    mutating func append(_ element: Element) { storage.append(element) }

    @discardableResult
    mutating func removeLast() -> Element { storage.removeLast() }

    mutating func removeFirst(_ k: Int) {
        head += k
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeSubrange(0..<head)
            head = 0
        }
    }

    mutating func removeAll() {
        storage.removeAll()
        head = 0
    }
}
