import RingsideKernel

/// Which ring-maintenance protocol the nodes run (script.md, `maintenance`).
public enum Maintenance: String, Sendable, Hashable {
    /// The paper's and the lecture's stabilize / notify / check_predecessor.
    case original
    /// Pamela Zave's corrected protocol ("Reasoning about identifier spaces: How to make
    /// Chord correct", IEEE TSE 2017): successor lists rebuilt from the successor's,
    /// rectify instead of notify, members and joiners kept apart.
    case zave
}

/// What Zave's protocol remembers beyond the original's state. Only ever read by key,
/// so no dictionary or set order can reach the output.
struct ZaveBookkeeping: Sendable {
    /// Nodes that joined under `zave` and have not finished their first stabilize/rectify
    /// cycle: not yet members, so no join may enter through them.
    var joiners: Set<NodeIndex> = []
    /// A stabilizing node whose successor named a closer predecessor: the node it now asks
    /// for a successor list before adopting it (Zave adopts only a node that answers).
    var adopting: [NodeIndex: NodeIndex] = [:]
    /// A joiner that has its successor and waits for that successor's list.
    var joinListFrom: [NodeIndex: NodeIndex] = [:]
    /// A rectifying node that pinged its old predecessor: whom it pinged, and the notifier
    /// that takes the old one's place if the ping goes unanswered.
    var rectifying: [NodeIndex: (pinged: NodeIndex, candidate: NodeIndex)] = [:]
    /// A joiner's tries so far whose successor died before answering. The entry keeps
    /// naming a dead node until it notices (its own stabilize), which a join alone never
    /// makes it do: without a bound, `recover X via Y` could retry forever.
    var joinTries: [NodeIndex: Int] = [:]
    static let joinTriesMax = 3

    /// True when no node waits for an answer in Zave's steps.
    var waitsForNothing: Bool { adopting.isEmpty && joinListFrom.isEmpty && rectifying.isEmpty }

    /// Nothing is in flight any more: no awaited answer can come.
    mutating func dropWaiting() {
        adopting = [:]
        joinListFrom = [:]
        rectifying = [:]
    }

    mutating func dropWork(of node: NodeIndex) {
        joiners.remove(node)
        joinTries[node] = nil
        adopting[node] = nil
        joinListFrom[node] = nil
        rectifying[node] = nil
    }
}
