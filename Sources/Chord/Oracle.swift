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
        let after = Identifier.powerOfTwo(0)
        guard var position = ring.successorPosition(of: space.add(id(node), after)) else { return [] }
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

    /// Sets every live node's successor list, predecessor, fingers and keys to the ideal ring.
    mutating func stabilizeByOracle() {
        let ring = liveRing
        for position in 0..<ring.count {
            let node = ring.nodes[position]
            setSuccessorList(node, idealSuccessorList(node))
            setPredecessor(node, idealPredecessor(node))
            // Fingers grow clockwise, so each search starts where the previous finger landed.
            for k in 2...max(2, bits) where k <= bits {
                setFinger(node, k, idealFinger(node, k))
            }
        }
        rehomeKeysByOracle()
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
