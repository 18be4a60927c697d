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
        return Self.abbreviate(id, toWidth: width, glyphs: glyphs)
    }

    /// The node in titles and the status line: "90", "10 P", "1461… Alice".
    public func displayName(_ node: NodeIndex, glyphs: Glyphs = .unicode) -> String {
        let id = Self.abbreviate(state.id(node).description, toWidth: 12, glyphs: glyphs)
        return hasCustomName(node) ? "\(id) \(state.name(node))" : id
    }

    /// An identifier in at most `width` cells: leading digits and an ellipsis when long.
    public func idText(_ id: Identifier, width: Int, glyphs: Glyphs = .unicode) -> String {
        Self.abbreviate(id.description, toWidth: width, glyphs: glyphs)
    }

    /// Leading digits and an ellipsis (which digits lead tells ids apart on a big ring).
    static func abbreviate(_ digits: String, toWidth width: Int, glyphs: Glyphs) -> String {
        TextWidth.truncate(digits, toWidth: max(1, width), ellipsis: glyphs.ellipsis)
    }
}
