/// The key's replica set: its owner and the next N-1 distinct live nodes after it on the
/// ring (fewer when fewer nodes are alive).
public enum ReplicaSet {
    /// `ring` lists the live nodes in increasing id order; `owner` is the owner's position.
    /// Inlinable: unspecialized across modules, the generic loop cost a put 1,700 instructions.
    @inlinable
    public static func members<Node>(ring: [Node], ownerAt owner: Int, replication n: Int) -> [Node] {
        guard !ring.isEmpty else { return [] }
        let count = min(n, ring.count)
        var members: [Node] = []
        members.reserveCapacity(count)
        for i in 0..<count { members.append(ring[(owner + i) % ring.count]) }
        return members
    }
}
