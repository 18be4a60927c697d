import RingsideKernel

/// Index of a node in the node table. Stable for the life of a run (the table only grows),
/// so fingers and successor lists store 4-byte indices instead of 20-byte ids.
public typealias NodeIndex = Int32

/// The routing state of every Chord node, stored as a structure of flat arrays.
///
/// Flat storage keeps a million-node ring compact (a finger is an `Int32`) and makes a
/// copy of the whole state O(1) until one side writes (copy-on-write arrays), which is what
/// snapshots and time travel need. `-1` means "unknown" in every pointer array.
public struct ChordState: Sendable {
    public let space: IdentifierSpace
    public private(set) var successorListLength: Int

    public private(set) var ids: [Identifier] = []
    public private(set) var names: [String] = []
    public private(set) var alive: [Bool] = []
    /// successorListLength entries per node, nearest first.
    public private(set) var successorLists: [NodeIndex] = []
    public private(set) var predecessors: [NodeIndex] = []
    /// In a space of at most 64 bits, `bits` entries per node: fingers[node * bits + (k - 1)]
    /// is finger[k] with its reach (FingerEntry.swift). Empty in larger spaces.
    public private(set) var fingers: [FingerEntry] = []
    /// In a space of more than 64 bits (where no reach is kept, and a finger is 4 bytes),
    /// fingerNodes[node * bits + (k - 1)] = finger[k].node. Empty in smaller spaces.
    public private(set) var fingerNodes: [NodeIndex] = []
    /// Per node: the fields a routing step reads, packed (RoutingHead.swift). Kept in
    /// step with `ids`, `successorLists` and the fingers by the writes below.
    public private(set) var heads: [RoutingHead] = []
    /// Every node's id's low word again, 8 bytes a node: what a routing step reads of its
    /// node's id, and of a finger's when its reach ties with the key's (FingerEntry.swift).
    /// Apart from the heads so that the table stays as small as the C reference's ids.
    public private(set) var lows: [UInt64] = []
    /// Keys stored at each node, ascending.
    public private(set) var keys: [[Identifier]] = []

    /// Live node ids in ascending order, with their indices: the oracle's view of the ring.
    public private(set) var liveRing = SortedRing()

    private var indexByID: [Identifier: NodeIndex] = [:]
    private var indexByName: [String: NodeIndex] = [:]

    /// Counts every change of routing state or stored keys; `settle` compares it across a round.
    public private(set) var changeCount: UInt64 = 0
    /// `changeCount` when the oracle last left every live node ideal (nil: never).
    public internal(set) var idealAsOf: UInt64?

    /// True when nothing has changed since the oracle made the ring ideal.
    public var isIdealByOracle: Bool { idealAsOf == changeCount }

    public init(space: IdentifierSpace, successorListLength: Int) {
        precondition(successorListLength >= 1)
        self.space = space
        self.successorListLength = successorListLength
    }

    @inlinable
    public var bits: Int { space.bits }
    @inlinable
    public var count: Int { ids.count }
    public var liveCount: Int { liveRing.count }

    // MARK: Lookup of nodes by id or name
    // The hot accessors are inlinable: called from the simulation's module, each call
    // otherwise copied the whole state (every array retained) to read one element.

    public func index(ofID id: Identifier) -> NodeIndex? { indexByID[id] }
    public func index(ofName name: String) -> NodeIndex? { indexByName[name] }

    @inlinable
    public func id(_ node: NodeIndex) -> Identifier { ids[Int(node)] }
    public func name(_ node: NodeIndex) -> String { names[Int(node)] }
    /// Read from the node's routing head, which keeps `alive[node]` (RoutingHead.swift).
    @inlinable
    public func isAlive(_ node: NodeIndex) -> Bool { heads[Int(node)].isAlive }

    /// Indices of every node ever added, by id ascending.
    public func allNodesByID() -> [NodeIndex] {
        (0..<NodeIndex(count)).sorted { ids[Int($0)] < ids[Int($1)] }
    }

    // MARK: Per-node pointers

    @inlinable
    public func successor(_ node: NodeIndex) -> NodeIndex? {
        let s = heads[Int(node)].successor
        return s < 0 ? nil : s
    }

    public func successorList(_ node: NodeIndex) -> [NodeIndex] {
        let base = Int(node) * successorListLength
        return successorLists[base..<base + successorListLength].filter { $0 >= 0 }
    }

    @inlinable
    public func predecessor(_ node: NodeIndex) -> NodeIndex? {
        let p = predecessors[Int(node)]
        return p < 0 ? nil : p
    }

    /// finger[k].node for k = 1 ... bits.
    @inlinable
    public func finger(_ node: NodeIndex, _ k: Int) -> NodeIndex? {
        let f = fingerNode(at: Int(node) * bits + k - 1)
        return f < 0 ? nil : f
    }

    /// finger slot `slot`'s node, from whichever table this space keeps.
    @inlinable
    func fingerNode(at slot: Int) -> NodeIndex {
        hasReaches ? fingers[slot].node : fingerNodes[slot]
    }

    /// Whether fingers carry reaches: in spaces of at most 64 bits (FingerEntry.swift).
    @inlinable
    var hasReaches: Bool { bits <= 64 }

    public func fingerStart(_ node: NodeIndex, _ k: Int) -> Identifier {
        space.fingerStart(of: ids[Int(node)], k: k)
    }

    public func storedKeys(_ node: NodeIndex) -> [Identifier] { keys[Int(node)] }

    // MARK: Mutation (every write that changes something bumps changeCount)

    /// Adds a node with empty routing state; callers fill it (oracle or join protocol).
    public mutating func addNode(id: Identifier, name: String) -> NodeIndex {
        let node = NodeIndex(ids.count)
        ids.append(id)
        names.append(name)
        alive.append(true)
        successorLists.append(contentsOf: repeatElement(-1, count: successorListLength))
        predecessors.append(-1)
        appendUnknownFingers(count: bits)
        heads.append(RoutingHead())
        lows.append(id.w0)
        keys.append([])
        indexByID[id] = node
        indexByName[name] = node
        liveRing.insert(id: id, node: node)
        changeCount &+= 1
        return node
    }

    /// Adds many nodes at once in O(N log N) (the oracle `add` of a large ring).
    public mutating func addNodes(_ specs: [(id: Identifier, name: String)]) -> [NodeIndex] {
        var added: [NodeIndex] = []
        added.reserveCapacity(specs.count)
        // Reserving an exact size every time would defeat the arrays' geometric growth
        // when nodes arrive one per line; reserve only for big batches.
        if specs.count >= 64 {
            let newCount = ids.count + specs.count
            ids.reserveCapacity(newCount)
            names.reserveCapacity(newCount)
            heads.reserveCapacity(newCount)
            lows.reserveCapacity(newCount)
            successorLists.reserveCapacity(newCount * successorListLength)
            if hasReaches {
                CacheHint.reserveWithHugePages(&fingers, capacity: newCount * bits)
            } else {
                CacheHint.reserveWithHugePages(&fingerNodes, capacity: newCount * bits)
            }
            // Growing a million-entry dictionary rehashes it some twenty times.
            indexByID.reserveCapacity(newCount)
            indexByName.reserveCapacity(newCount)
        }
        for spec in specs {
            let node = NodeIndex(ids.count)
            ids.append(spec.id)
            names.append(spec.name)
            alive.append(true)
            predecessors.append(-1)
            keys.append([])
            heads.append(RoutingHead())
            lows.append(spec.id.w0)
            indexByID[spec.id] = node
            indexByName[spec.name] = node
            added.append(node)
        }
        successorLists.append(contentsOf: repeatElement(-1, count: specs.count * successorListLength))
        appendUnknownFingers(count: specs.count * bits)
        liveRing.insert(contentsOf: added.map { (ids[Int($0)], $0) })
        changeCount &+= 1
        return added
    }

    private mutating func appendUnknownFingers(count: Int) {
        if hasReaches {
            fingers.append(contentsOf: repeatElement(.unknown, count: count))
        } else {
            fingerNodes.append(contentsOf: repeatElement(-1, count: count))
        }
    }

    /// Marks a node dead (crash or departure). Its state stays as it was, for display.
    public mutating func markDead(_ node: NodeIndex) {
        guard alive[Int(node)] else { return }
        alive[Int(node)] = false
        heads[Int(node)].isAlive = false
        liveRing.remove(id: ids[Int(node)])
        changeCount &+= 1
    }

    /// A failed node restarts with the same id and name and no routing state or keys
    /// (they were volatile); it must join again.
    public mutating func markRestarted(_ node: NodeIndex) {
        guard !alive[Int(node)] else { return }
        alive[Int(node)] = true
        heads[Int(node)].isAlive = true
        liveRing.insert(id: ids[Int(node)], node: node)
        setSuccessorList(node, [])
        setPredecessor(node, nil)
        for k in 1...bits { setFinger(node, k, nil) }
        setKeys(node, [])
        changeCount &+= 1
    }

    public mutating func setSuccessorList(_ node: NodeIndex, _ list: [NodeIndex]) {
        let base = Int(node) * successorListLength
        var changed = false
        for j in 0..<successorListLength {
            let value = j < list.count ? list[j] : -1
            if successorLists[base + j] != value {
                successorLists[base + j] = value
                changed = true
            }
        }
        // finger[1] is the successor (the paper's `successor` is finger[1].node).
        let first = list.first ?? -1
        if fingerNode(at: Int(node) * bits) != first {
            setFingerSlot(node, Int(node) * bits, first)
            changed = true
        }
        heads[Int(node)].successor = first
        if changed { changeCount &+= 1 }
    }

    public mutating func setPredecessor(_ node: NodeIndex, _ predecessor: NodeIndex?) {
        let value = predecessor ?? -1
        guard predecessors[Int(node)] != value else { return }
        predecessors[Int(node)] = value
        changeCount &+= 1
    }

    /// Sets finger[k]; k == 1 also moves the successor (they are one pointer in the paper).
    public mutating func setFinger(_ node: NodeIndex, _ k: Int, _ target: NodeIndex?) {
        let value = target ?? -1
        if k == 1 {
            var list = successorList(node)
            if let target {
                if list.first != target {
                    // The node itself stands in the list only while it knows no one else
                    // (a lone node is its own successor); a real successor replaces it.
                    list.removeAll { $0 == target || $0 == node }
                    list.insert(target, at: 0)
                }
            } else if !list.isEmpty {
                list.removeFirst()
            }
            setSuccessorList(node, list)
            return
        }
        let slot = Int(node) * bits + k - 1
        let old = fingerNode(at: slot)
        guard old != value else { return }
        setFingerSlot(node, slot, value)
        let change = (liesBeforeStart(node, k, value) ? 1 : 0) - (liesBeforeStart(node, k, old) ? 1 : 0)
        if change != 0 { heads[Int(node)].fingersBeforeStart &+= UInt8(bitPattern: Int8(change)) }
        changeCount &+= 1
    }

    /// Writes finger slot `slot` of `node`, with its reach where the space keeps one.
    private mutating func setFingerSlot(_ node: NodeIndex, _ slot: Int, _ target: NodeIndex) {
        guard hasReaches else {
            fingerNodes[slot] = target
            return
        }
        let reach = target < 0 ? 0 : Reach(bits: bits).of(lows[Int(target)], from: lows[Int(node)])
        fingers[slot] = FingerEntry(node: target, reach: reach)
    }

    /// Sets fingers 2 ... m at once (`row[k - 2]` is finger[k]): the oracle's whole table
    /// in one pass, with one change counted if any finger moved.
    public mutating func setFingers(_ node: NodeIndex, from2 row: [NodeIndex]) {
        precondition(row.count == bits - 1)
        let base = Int(node) * bits
        var changed = false
        var before = Int(heads[Int(node)].fingersBeforeStart)
        // Unchecked and in one pass: the oracle writes m fingers for every node of the ring.
        let ids = ids
        let space = space
        let bits = bits
        let n = ids[Int(node)]
        let reach = Reach(bits: bits)
        let lows = lows
        let low = n.w0
        func counts(_ k: Int, _ target: NodeIndex) -> Int {
            guard target >= 0, target != node else { return 0 }
            return Self.liesBeforeStart(ids[Int(target)], k, from: n, in: space) ? 1 : 0
        }
        // Runs of fingers share a node (the low ones are all the successor): its distance,
        // which gives both its reach and whether it lies before a start, is read once per
        // run, from the low words (a tenth of the ids' bytes).
        var lastTarget: NodeIndex = -1
        var lastDistance: UInt64 = 0
        if hasReaches {
            fingers.withUnsafeMutableBufferPointer { fingers in
                for k in 2...max(2, bits) where k <= bits {
                    let old = fingers[base + k - 1].node
                    let value = row[k - 2]
                    guard old != value else { continue }
                    if value < 0 {
                        fingers[base + k - 1] = .unknown
                    } else {
                        if value != lastTarget {
                            lastTarget = value
                            lastDistance = reach.words.distance(low, lows[Int(value)])
                        }
                        fingers[base + k - 1] = FingerEntry(node: value, reach: reach.cut(lastDistance))
                        if value != node && lastDistance < (1 as UInt64) << UInt64(k - 1) { before += 1 }
                    }
                    before -= counts(k, old)
                    changed = true
                }
            }
        } else {
            fingerNodes.withUnsafeMutableBufferPointer { fingers in
                for k in 2...max(2, bits) where k <= bits {
                    let old = fingers[base + k - 1]
                    let value = row[k - 2]
                    guard old != value else { continue }
                    fingers[base + k - 1] = value
                    before += counts(k, value) - counts(k, old)
                    changed = true
                }
            }
        }
        heads[Int(node)].fingersBeforeStart = UInt8(before)
        if changed { changeCount &+= 1 }
    }

    /// Forgets a node believed dead everywhere in `node`'s routing state ("treat as an empty slot").
    /// When the whole successor list is gone the node falls back on its nearest other
    /// known pointer (a finger, else its predecessor, else itself) so stabilize can go on.
    public mutating func forget(_ dead: NodeIndex, at node: NodeIndex) {
        if predecessor(node) == dead { setPredecessor(node, nil) }
        for k in 2...max(2, bits) where k <= bits && finger(node, k) == dead {
            setFinger(node, k, nil)
        }
        let list = successorList(node)
        guard list.contains(dead) else { return }
        var remaining = list.filter { $0 != dead }
        if remaining.isEmpty {
            var fallback: NodeIndex?
            var k = 2
            while fallback == nil && k <= bits {
                if let f = finger(node, k), f != dead { fallback = f }
                k += 1
            }
            remaining = [fallback ?? predecessor(node) ?? node]
        }
        setSuccessorList(node, remaining)
    }

    public mutating func setKeys(_ node: NodeIndex, _ newKeys: [Identifier]) {
        let sorted = newKeys.sorted()
        guard keys[Int(node)] != sorted else { return }
        keys[Int(node)] = sorted
        changeCount &+= 1
    }

    public mutating func addKeys(_ node: NodeIndex, _ more: [Identifier]) {
        guard !more.isEmpty else { return }
        var merged = keys[Int(node)]
        for key in more where !merged.contains(key) { merged.append(key) }
        setKeys(node, merged)
    }

    public mutating func setSuccessorListLength(_ r: Int) {
        precondition(r >= 1)
        guard r != successorListLength else { return }
        var resized: [NodeIndex] = []
        resized.reserveCapacity(count * r)
        for node in 0..<count {
            let base = node * successorListLength
            for j in 0..<r {
                resized.append(j < successorListLength ? successorLists[base + j] : -1)
            }
        }
        successorLists = resized
        successorListLength = r
        changeCount &+= 1
    }
}
