import RingsideKernel

/// The key-value-store lecture's comparison: memcached-style placement (`hash(key) mod S`)
/// against consistent hashing (the first server id at or after the key on the ring), when
/// one server is added to S. Mod placement moves about S/(S+1) of the keys (nearly all);
/// the ring moves only the keys the new server now owns, about 1/(S+1).
public enum PlacementFigure {
    public struct Point: Sendable, Equatable {
        public let servers: Int
        public let keys: Int
        public let movedByMod: Int
        /// Keys moved on the ring, averaged over `trials` different servers added (one new
        /// id lands in one gap, so a single addition moves anything from none to many).
        public let meanMovedByRing: Double
        public let trials: Int
        public var modFraction: Double { Double(movedByMod) / Double(max(1, keys)) }
        public var ringFraction: Double { meanMovedByRing / Double(max(1, keys)) }
        /// What a uniform hash predicts: S/(S+1) and 1/(S+1).
        public var expectedMod: Double { Double(servers) / Double(servers + 1) }
        public var expectedRing: Double { 1 / Double(servers + 1) }
    }

    /// Keys `key0` … and servers `server0` … hashed as script.md hashes names (SHA-1, 64 bits);
    /// the added server is `new0` … `new(trials-1)`, one at a time.
    public static func point(servers: Int, keys: Int, trials: Int = 64) -> Point {
        let space = IdentifierSpace(bits: 64)
        let before = (0..<servers).map { space.hash("server\($0)").w0 }.sorted()
        let keyIDs = (0..<keys).map { space.hash("key\($0)").w0 }
        var movedByMod = 0
        for key in keyIDs where key % UInt64(servers) != key % UInt64(servers + 1) { movedByMod += 1 }
        var movedByRing = 0
        for trial in 0..<trials {
            let after = (before + [space.hash("new\(trial)").w0]).sorted()
            for key in keyIDs where owner(of: key, among: before) != owner(of: key, among: after) { movedByRing += 1 }
        }
        return Point(servers: servers, keys: keys, movedByMod: movedByMod,
                     meanMovedByRing: Double(movedByRing) / Double(max(1, trials)), trials: trials)
    }

    /// The first server id at or after `key`, wrapping past the top of the ring.
    static func owner(of key: UInt64, among servers: [UInt64]) -> UInt64 {
        var low = 0
        var high = servers.count
        while low < high {
            let middle = (low + high) / 2
            if servers[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low == servers.count ? servers[0] : servers[low]
    }
}
