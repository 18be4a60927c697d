import Chord

/// Zave's fault assumptions, under which Chord's maintenance must reach the ideal ring:
/// at least r + 1 live members at all times, and no member loses every live entry of its
/// successor list. The generator only crashes nodes that keep them; the checker re-judges
/// every crash, so a shrunk script is judged by what it does, not by where it came from.
extension ChordState {
    /// Whether crashing (or removing) `victim` now keeps Zave's assumptions.
    public func crashKeepsZaveAssumptions(_ victim: NodeIndex) -> Bool {
        guard isAlive(victim), liveCount - 1 >= successorListLength + 1 else { return false }
        for node in liveRing.nodes where node != victim {
            var hasLive = false
            var hasOtherLive = false
            for entry in successorList(node) where isAlive(entry) {
                hasLive = true
                if entry != victim { hasOtherLive = true; break }
            }
            // A node with no live entry at all (a joiner not yet linked) loses nothing here.
            if hasLive && !hasOtherLive { return false }
        }
        return true
    }
}

extension ChordState {
    /// Whether some live node other than `node` has `node` in its successor list.
    public func isListedByALiveNode(_ node: NodeIndex) -> Bool {
        liveRing.nodes.contains { $0 != node && successorList($0).contains(node) }
    }
}

extension ChordProtocol {
    /// `ChordState.crashKeepsZaveAssumptions`, and not a node a join under way depends on:
    /// in Zave's model a join is one atomic step, so a crash of its entry node or of the
    /// successor the joiner is copying its list from, between the steps this engine takes,
    /// lies outside her assumptions (her proof says nothing about it).
    public func crashKeepsZaveAssumptions(_ victim: NodeIndex) -> Bool {
        state.crashKeepsZaveAssumptions(victim) && !joinDependencies.contains(victim)
    }
}
