import Chord
import RingsideKernel
import RingsideSimulation

/// Read-only helpers the panels need, computed from the public `World` API.
extension World {
    /// How a node is written in a command: its decimal id, which `resolve` tries first,
    /// so a node whose name looks like another's id is still the one meant.
    public func commandReference(_ node: NodeIndex) -> String {
        state.id(node).description
    }

    /// True when the node was given a name of its own (`P=10`), not the default `N<id>`.
    public func hasCustomName(_ node: NodeIndex) -> Bool {
        state.name(node) != "N" + state.id(node).description
    }

    /// The node on the ring: its id when that is short, else a short custom name, else
    /// the id's leading digits and an ellipsis (160-bit ids have 49 digits).
    public func ringLabel(_ node: NodeIndex, width: Int = 6, glyphs: Glyphs = .unicode) -> String {
        let id = state.id(node).description
        if id.count <= width { return id }
        let name = state.name(node)
        if hasCustomName(node), TextWidth.of(name) <= width { return name }
        return abbreviatedID(node, id, toWidth: width, glyphs: glyphs)
    }

    /// How a panel writes its nodes: each by its id (cut to the room it has), or each by
    /// its name. A panel picks one form for all of them: `n516` among rows of ids read as
    /// another kind of thing, and the same node was `10146694` a line below.
    public enum LabelForm: Sendable { case id, name }

    /// `.name` when some of `nodes` has an id too long for its room (each node with its
    /// room) and every one has a name of its own that fits; else `.id`.
    public func labelForm(_ nodes: [(node: NodeIndex, width: Int)]) -> LabelForm {
        let cut = nodes.contains { state.id($0.node).description.count > $0.width }
        let named = nodes.allSatisfy { hasCustomName($0.node) && TextWidth.of(state.name($0.node)) <= $0.width }
        return cut && named ? .name : .id
    }

    /// The node in `form`: its name, or its id (leading digits and an ellipsis when long).
    public func label(_ node: NodeIndex, form: LabelForm, width: Int, glyphs: Glyphs = .unicode) -> String {
        switch form {
        case .name: return state.name(node)
        case .id: return abbreviatedID(node, state.id(node).description, toWidth: width, glyphs: glyphs)
        }
    }

    /// The node in titles and the status line: "90", "10 P", "1461… Alice".
    public func displayName(_ node: NodeIndex, glyphs: Glyphs = .unicode) -> String {
        let id = abbreviatedID(node, state.id(node).description, toWidth: 12, glyphs: glyphs)
        return hasCustomName(node) ? "\(id) \(state.name(node))" : id
    }

    /// An identifier in at most `width` cells: leading digits and an ellipsis when long.
    public func idText(_ id: Identifier, width: Int, glyphs: Glyphs = .unicode) -> String {
        Self.abbreviate(id.description, toWidth: width, glyphs: glyphs)
    }

    /// The node's id cut to `width` cells, or longer when that many leading digits are
    /// shared with a neighbour on the ring ("1461…" twice would name two nodes alike), up
    /// to twice `width`: ids hashed apart share few digits, and layouts need a bound.
    func abbreviatedID(_ node: NodeIndex, _ digits: String, toWidth width: Int, glyphs: Glyphs) -> String {
        guard digits.count > width else { return digits }
        let needed = distinguishingDigits(node, digits)
        let cells = min(max(width, needed + 1), 2 * width)
        return cells >= digits.count ? digits : Self.abbreviate(digits, toWidth: cells, glyphs: glyphs)
    }

    /// How many leading digits tell the node's id from every other live node's. Ids next
    /// to it on the ring share the most leading digits with it (for ids of its length),
    /// so its two live neighbours are the ones to compare: O(log N), not O(N).
    func distinguishingDigits(_ node: NodeIndex, _ digits: String) -> Int {
        let id = state.id(node)
        let ring = state.liveRing
        guard ring.count > 1 else { return 1 }
        let before = ring.lowerBound(id) - 1
        var after = before + 1
        if after < ring.count, ring.ids[after] == id { after += 1 }
        var shared = 0
        for raw in [before, after] {
            let other = ring.ids[(raw + ring.count) % ring.count]
            guard other != id else { continue }
            shared = max(shared, Self.sharedLeadingDigits(id, digits, other))
        }
        return shared + 1
    }

    /// Leading decimal digits two ids have in common. Ids that fit a word are compared by
    /// dividing (no strings: a 2,000-node ring labels every node each frame).
    static func sharedLeadingDigits(_ a: Identifier, _ aDigits: String, _ b: Identifier) -> Int {
        if let x = a.uint64Value, let y = b.uint64Value {
            let length = digitCount(x)
            if length == digitCount(y) {
                var (x, y, dropped) = (x, y, 0)
                while x != y { x /= 10; y /= 10; dropped += 1 }
                return length - dropped
            }
        }
        var count = 0
        for (p, q) in zip(aDigits.utf8, b.description.utf8) {
            guard p == q else { break }
            count += 1
        }
        return count
    }

    private static func digitCount(_ value: UInt64) -> Int {
        var (value, count) = (value / 10, 1)
        while value > 0 { value /= 10; count += 1 }
        return count
    }

    /// Leading digits and an ellipsis (which digits lead tells ids apart on a big ring).
    static func abbreviate(_ digits: String, toWidth width: Int, glyphs: Glyphs) -> String {
        TextWidth.truncate(digits, toWidth: max(1, width), ellipsis: glyphs.ellipsis)
    }
}
