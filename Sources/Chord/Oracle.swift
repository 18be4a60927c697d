import RingsideKernel

/// The ideal ring: what every pointer would be if the live nodes were fully stabilized.
///
/// Used by `add` (place nodes directly), by `store` (a key's owner), by the UI to mark
/// stale fingers, and by tests as the brute-force reference.
public extension ChordState {
    /// The owner of `key`: the first live node at or after it.
    func idealOwner(of key: Identifier) -> NodeIndex? {
        liveRing.successor(of: key)
    }

    /// finger[k].node of a fully stabilized ring: successor(n + 2^(k-1)).
    func idealFinger(_ node: NodeIndex, _ k: Int) -> NodeIndex? {
        liveRing.successor(of: fingerStart(node, k))
    }

    /// The first r live nodes after `node`, nearest first (fewer when the ring is smaller).
    func idealSuccessorList(_ node: NodeIndex) -> [NodeIndex] {
        let ring = liveRing
        guard !ring.isEmpty else { return [] }
        guard var position = ring.successorPosition(of: space.add(id(node), 1)) else { return [] }
        var list: [NodeIndex] = []
        let length = min(successorListLength, max(1, ring.count - (isAlive(node) ? 1 : 0)))
        while list.count < length {
            let candidate = ring.nodes[position]
            if candidate == node && ring.count > 1 {
                position = (position + 1) % ring.count
                continue
            }
            list.append(candidate)
            position = (position + 1) % ring.count
        }
        return list
    }

    /// The predecessor of a fully stabilized ring: the last live node before `node`.
    func idealPredecessor(_ node: NodeIndex) -> NodeIndex? {
        liveRing.predecessor(of: id(node))
    }

    /// Places freshly added nodes (already in the ring) so that every live node is exactly
    /// what a fully stabilized ring has. When the ring was ideal before and only a few nodes
    /// arrive, only what they change is recomputed (their own state, the successor lists
    /// of the r nodes before them, the fingers that now point at them, the keys they take
    /// over), so adding nodes one line at a time stays linear overall. Otherwise every
    /// live node is recomputed.
    mutating func placeByOracle(_ added: [NodeIndex], ringWasIdeal: Bool) {
        let incremental = ringWasIdeal && added.count * 16 <= liveRing.count
        guard incremental else {
            stabilizeByOracle()
            return
        }
        let isNew = Set(added)
        var previousOwners = Set<NodeIndex>()
        for node in added {
            integrate(node)
            // The node that owned this range before: the first older node after it.
            var position = liveRing.successorPosition(of: id(node)) ?? 0
            for _ in 0..<liveRing.count {
                position = (position + 1) % liveRing.count
                let candidate = liveRing.nodes[position]
                if !isNew.contains(candidate) {
                    previousOwners.insert(candidate)
                    break
                }
            }
        }
        for owner in previousOwners.sorted() {
            let held = storedKeys(owner)
            let moving = held.filter { idealOwner(of: $0) != owner }
            guard !moving.isEmpty else { continue }
            setKeys(owner, held.filter { idealOwner(of: $0) == owner })
            for key in moving {
                if let target = idealOwner(of: key) { addKeys(target, [key]) }
            }
        }
        idealAsOf = changeCount
    }

    /// Makes one new node and everything that points at it ideal.
    private mutating func integrate(_ node: NodeIndex) {
        setSuccessorList(node, idealSuccessorList(node))
        setPredecessor(node, idealPredecessor(node))
        for k in 2...max(2, bits) where k <= bits {
            setFinger(node, k, idealFinger(node, k))
        }
        guard liveRing.count > 1, let predecessor = idealPredecessor(node),
              let successor = idealSuccessorList(node).first else { return }
        setPredecessor(successor, node)
        // The r nodes before it now list it among their successors.
        var position = liveRing.successorPosition(of: id(node)) ?? 0
        for _ in 0..<min(successorListLength, liveRing.count - 1) {
            position = (position + liveRing.count - 1) % liveRing.count
            let earlier = liveRing.nodes[position]
            setSuccessorList(earlier, idealSuccessorList(earlier))
        }
        // finger[k] of p points here when p + 2^(k-1) ∈ (predecessor, node], that is
        // p ∈ (predecessor − 2^(k-1), node − 2^(k-1)].
        let low = id(predecessor)
        let high = id(node)
        for k in 2...max(2, bits) where k <= bits {
            let step = Identifier.powerOfTwo(k - 1)
            let from = space.subtract(low, step)
            let to = space.subtract(high, step)
            guard var position = liveRing.successorPosition(of: space.add(from, 1)) else { continue }
            for _ in 0..<liveRing.count {
                let p = liveRing.nodes[position]
                guard space.isInOpenClosed(id(p), from, to), from != to else { break }
                if p != node { setFinger(p, k, node) }
                position = (position + 1) % liveRing.count
            }
        }
    }

    /// Sets every live node's successor list, predecessor, fingers and keys to the ideal ring.
    mutating func stabilizeByOracle() {
        let ring = liveRing
        var row = [NodeIndex](repeating: -1, count: max(0, bits - 1))
        let words = bits <= 64 ? ring.ids.map(\.w0) : []
        ring.ids.withUnsafeBufferPointer { ids in
            words.withUnsafeBufferPointer { words in
                ring.nodes.withUnsafeBufferPointer { nodes in
                    // Fingers found by galloping along the ring (IdealFingerWalk.swift), not
                    // by one binary search each: a few cache misses per node, not m·log N.
                    var walk = IdealFingerWalk(ids: ids, words: words, nodes: nodes, space: space)
                    for position in 0..<ring.count {
                        let node = ring.nodes[position]
                        setSuccessorList(node, idealSuccessorList(node))
                        // The ideal predecessor is the ring's previous node (no search needed).
                        setPredecessor(node, ring.nodes[position == 0 ? ring.count - 1 : position - 1])
                        walk.fingers(ofPosition: position, into: &row)
                        setFingers(node, from2: row)
                    }
                }
            }
        }
        rehomeKeysByOracle()
        idealAsOf = changeCount
    }

    /// `store`: each key goes straight to its ideal owner (an ideal ring stays ideal).
    mutating func storeByOracle(_ newKeys: [Identifier]) {
        let wasIdeal = isIdealByOracle
        var byOwner: [NodeIndex: [Identifier]] = [:]
        for key in newKeys {
            if let owner = idealOwner(of: key) { byOwner[owner, default: []].append(key) }
        }
        for owner in byOwner.keys.sorted() { addKeys(owner, byOwner[owner] ?? []) }
        if wasIdeal { idealAsOf = changeCount }
    }

    /// Moves every stored key on a live node to its ideal owner.
    mutating func rehomeKeysByOracle() {
        var byOwner: [NodeIndex: [Identifier]] = [:]
        var holders: [NodeIndex] = []
        for position in 0..<liveRing.count {
            let node = liveRing.nodes[position]
            let held = storedKeys(node)
            guard !held.isEmpty else { continue }
            holders.append(node)
            for key in held {
                if let owner = idealOwner(of: key) { byOwner[owner, default: []].append(key) }
            }
        }
        for node in holders { setKeys(node, []) }
        for owner in byOwner.keys.sorted() { setKeys(owner, byOwner[owner] ?? []) }
    }
}
