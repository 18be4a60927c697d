/// The commands whose work is still under way, oldest first.
///
/// A command's work is a list of actions started one after another (each when the
/// command has nothing in flight and no timer pending: "each finishes before the next")
/// and the messages they cause. Every message carries the command that caused it, so a
/// command knows when it is complete even while earlier `async` commands go on.
struct RunningCommands: Sendable {
    struct Entry: Sendable {
        var id: Int
        var actions: [Work] = []
        var head = 0
        /// Messages in flight plus timers pending, caused by this command's work.
        var outstanding = 0
        /// `lookup` records this command started (failed if still open at the end).
        var lookups: [Int] = []
        /// An `async` command lets the commands after it start at once.
        var isAsync = false

        var hasActionsLeft: Bool { head < actions.count }
        var isComplete: Bool { outstanding == 0 && !hasActionsLeft }

        /// The next action, moved out: a spent marker takes its place (actions before
        /// `head` are never read). A copy retained the action's strings and went through
        /// the action enum's outlined copy and destroy, for every lookup of a benchmark.
        mutating func takeNext() -> Work {
            var work = Work.spent
            swap(&work, &actions[head])
            head += 1
            return work
        }
    }

    private(set) var entries: [Entry] = []
    private(set) var lastID = 0
    /// The emptied action list of the last command removed, kept for the next command
    /// opened: a benchmark opens and completes one per lookup, and allocating and freeing
    /// a list for each cost more than all the bookkeeping of its steps. Never read.
    private var spareActions: [Work] = []

    var isEmpty: Bool { entries.isEmpty }

    /// Actions queued and not yet started, over every running command.
    var actionsLeft: Int { entries.reduce(0) { $0 + $1.actions.count - $1.head } }

    /// A new command's number.
    mutating func open() -> Int {
        lastID += 1
        return lastID
    }

    func contains(_ id: Int) -> Bool { entries.contains { $0.id == id } }

    /// The action is consumed and appended in place: a closure that captured it (as an
    /// update through a closure did) copied it.
    mutating func enqueue(_ action: consuming Work, for id: Int) {
        entries[entryIndex(id)].actions.append(action)
    }

    /// Actions to run next, before the rest of the command's (a settle round's steps).
    mutating func insertNext(_ actions: [Work], for id: Int) {
        let i = entryIndex(id)
        entries[i].actions.insert(contentsOf: actions, at: entries[i].head)
    }

    /// What a simulation step did to its cause's work: messages finished (of a command
    /// still running), a lookup opened, messages sent (a command is opened for them if
    /// none is running: benchmarks start work without a command).
    mutating func account(_ report: StepReport) {
        guard report.finished != 0 || report.started != 0 || report.lookup >= 0 else { return }
        let id = report.cause
        // One search and one write per step: a hop finishes one message and starts one,
        // which leaves the count as it was.
        if let i = index(of: id) {
            if report.lookup >= 0 { entries[i].lookups.append(report.lookup) }
            let net = Int(report.started) - Int(report.finished)
            if net != 0 { entries[i].outstanding += net }
        } else if report.lookup >= 0 || report.started != 0 {
            // Finished messages of a command no longer running count for nothing.
            var entry = Entry(id: id)
            if report.lookup >= 0 { entry.lookups.append(report.lookup) }
            entry.outstanding = Int(report.started)
            entries.append(entry)
        }
    }

    /// Whether `account(report)` then `removeIfComplete(report.cause)` would leave every
    /// command as it was: a hop finishes one message and starts one for a command that
    /// still waits. Only reads (a write checks the array's uniqueness), and searches once.
    @inline(__always)
    func completesNothing(_ report: StepReport) -> Bool {
        guard report.lookup < 0, report.started == report.finished else { return false }
        // Not running: finished messages count for nothing, and nothing was started.
        guard let i = index(of: report.cause) else { return report.started == 0 }
        return entries[i].outstanding != 0 || entries[i].hasActionsLeft
    }

    /// Whether `takeStartable` would start something. Reads fields in place (a loop
    /// over the entries copied each, retaining its arrays), so that stepping asks first
    /// and only then writes: taking checked the array's uniqueness every step.
    var hasStartableAction: Bool {
        @inline(__always) get {
            for i in entries.indices {
                if entries[i].outstanding == 0 && entries[i].hasActionsLeft { return true }
                if !entries[i].isAsync { return false }
            }
            return false
        }
    }

    mutating func markAsync(_ id: Int) {
        guard let i = index(of: id) else { return }
        entries[i].isAsync = true
    }

    /// The oldest command that can start its next action now, with that action. Commands
    /// run one after another: a command waits for every earlier one that is not `async`.
    /// Call only when `hasStartableAction`: no optional of the action to unwrap and
    /// destroy (the runtime's generic witnesses did that for every lookup).
    mutating func takeStartable() -> (command: Int, work: Work) {
        for i in entries.indices where entries[i].outstanding == 0 && entries[i].hasActionsLeft {
            return (entries[i].id, entries[i].takeNext())
        }
        preconditionFailure("no command can start an action")
    }

    /// The next action of command `id` if it can start now (every earlier command is
    /// `async`, and `id` has nothing in flight): how `async` starts its command at once.
    mutating func takeStartableAction(of id: Int) -> Work? {
        for i in entries.indices {
            if entries[i].id == id {
                guard entries[i].outstanding == 0 && entries[i].hasActionsLeft else { return nil }
                return entries[i].takeNext()
            }
            if !entries[i].isAsync { return nil }
        }
        return nil
    }

    /// Removes the command if its work is done; returns the `lookup` records it started
    /// then (only they are needed: an optional entry was destroyed through the runtime's
    /// generic witnesses).
    mutating func removeIfComplete(_ id: Int) -> [Int]? {
        guard let i = index(of: id), entries[i].isComplete else { return nil }
        // Almost always the newest (a benchmark's only) command: no shifting to do.
        var entry = i == entries.count - 1 ? entries.removeLast() : entries.remove(at: i)
        // One by one from the end: `removeAll(keepingCapacity:)` went through the generic
        // `replaceSubrange`, which cost more than the rest of the removal.
        while !entry.actions.isEmpty { _ = entry.actions.removeLast() }
        swap(&spareActions, &entry.actions)
        return entry.lookups
    }

    private func index(of id: Int) -> Int? {
        // Almost always one or two commands run at once: a scan beats hashing.
        entries.firstIndex { $0.id == id }
    }

    /// Command `id`'s entry, opened (with the spare action list) if it is not running.
    private mutating func entryIndex(_ id: Int) -> Int {
        if let i = index(of: id) { return i }
        var entry = Entry(id: id)
        swap(&entry.actions, &spareActions)
        entries.append(entry)
        return entries.count - 1
    }
}
