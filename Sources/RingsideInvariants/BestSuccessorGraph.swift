import Chord

/// The graph n → bestSucc(n) over the live nodes, with its cycles found once, in O(N).
///
/// Every live node has at most one best successor, so the graph is functional: each walk
/// ends on a cycle (the cycle's nodes are ring members) or at a node with no best successor.
/// One iterative colouring pass labels every node with where its walk ends; walking from
/// every node separately would be O(N²) on a long appendage and is what this avoids.
struct BestSuccessorGraph {
    /// bestSucc(n): the first live entry of n's successor list; -1 when none (and for dead nodes).
    let bestSucc: [NodeIndex]
    /// For a live node: the cycle its walk reaches (0 ..< cycleCount), or -1 if it reaches none.
    private(set) var cycle: [Int32]
    /// For a live node whose walk reaches no cycle: the node without a best successor it stops at.
    private(set) var deadEnd: [NodeIndex]
    /// True for ring members: live nodes on a cycle.
    private(set) var isMember: [Bool]
    private(set) var cycleCount = 0

    init(_ state: ChordState) {
        let count = state.count
        let r = state.successorListLength
        var best = [NodeIndex](repeating: -1, count: count)
        state.alive.withUnsafeBufferPointer { alive in
            state.successorLists.withUnsafeBufferPointer { lists in
                for node in 0..<count where alive[node] {
                    for j in 0..<r {
                        let entry = lists[node * r + j]
                        if entry >= 0 && alive[Int(entry)] {
                            best[node] = entry
                            break
                        }
                    }
                }
            }
        }
        bestSucc = best
        cycle = [Int32](repeating: -1, count: count)
        deadEnd = [NodeIndex](repeating: -1, count: count)
        isMember = [Bool](repeating: false, count: count)
        labelWalks(alive: state.alive)
    }

    /// White (0): not seen; grey (1): on the walk being followed; black (2): labelled.
    private mutating func labelWalks(alive: [Bool]) {
        var colour = [UInt8](repeating: 0, count: bestSucc.count)
        var path: [NodeIndex] = []
        for start in 0..<bestSucc.count where alive[start] && colour[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var current = NodeIndex(start)
            var reachedCycle: Int32 = -1
            var reachedDeadEnd: NodeIndex = -1
            while true {
                let c = colour[Int(current)]
                if c == 2 {
                    // An earlier walk labelled the rest of this one.
                    reachedCycle = cycle[Int(current)]
                    reachedDeadEnd = deadEnd[Int(current)]
                    break
                }
                if c == 1 {
                    // Back on this walk's own path: the path from `current` on is a new cycle.
                    let id = Int32(cycleCount)
                    cycleCount += 1
                    var i = path.count - 1
                    while true {
                        let member = Int(path[i])
                        isMember[member] = true
                        cycle[member] = id
                        colour[member] = 2
                        if path[i] == current { break }
                        i -= 1
                    }
                    path.removeSubrange(i...)
                    reachedCycle = id
                    break
                }
                colour[Int(current)] = 1
                path.append(current)
                let next = bestSucc[Int(current)]
                if next < 0 {
                    reachedDeadEnd = current
                    break
                }
                current = next
            }
            for node in path {
                colour[Int(node)] = 2
                cycle[Int(node)] = reachedCycle
                deadEnd[Int(node)] = reachedDeadEnd
            }
        }
    }
}
