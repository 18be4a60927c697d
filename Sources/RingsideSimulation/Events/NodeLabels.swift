import Chord

/// How exporters name a node: events hold `NodeIndex`es, files want ids and names.
/// Built from the world's state after each command (nodes are never removed or renamed,
/// so it knows every node that command's events mention).
public struct NodeLabels: Sendable {
    /// State JSON's rule: ids are JSON numbers when bits <= 64, decimal strings above.
    public let idsAreStrings: Bool
    private let idText: @Sendable (NodeIndex) -> String?
    private let nameText: @Sendable (NodeIndex) -> String?

    /// `id` gives a node's id in decimal, `name` its name; nil for a node they do not know.
    public init(idsAreStrings: Bool, id: @escaping @Sendable (NodeIndex) -> String?,
                name: @escaping @Sendable (NodeIndex) -> String?) {
        self.idsAreStrings = idsAreStrings
        idText = id
        nameText = name
    }

    public init(_ state: ChordState) {
        let known: @Sendable (NodeIndex) -> Bool = { node in node >= 0 && Int(node) < state.count }
        self.init(idsAreStrings: state.bits > 64,
                  id: { known($0) ? state.id($0).description : nil },
                  name: { known($0) ? state.name($0) : nil })
    }

    /// The node's id in decimal, or nil for an index no node has.
    public func id(_ node: NodeIndex) -> String? { idText(node) }

    /// The node's name, or nil for an index no node has.
    public func name(_ node: NodeIndex) -> String? { nameText(node) }

    /// The id as a JSON value (number or string by the bits rule); null when unknown.
    public func jsonID(_ node: NodeIndex) -> String {
        guard let text = idText(node) else { return "null" }
        return idsAreStrings ? JSONWriter.quoted(text) : text
    }
}
