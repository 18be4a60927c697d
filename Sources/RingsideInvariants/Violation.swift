/// One broken invariant, as a student reads it.
///
/// `name` is the invariant's name exactly as script.md spells it (`AtMostOneRing`,
/// `PrefixProperty`, ...); `detail` says which nodes or writes break it, node ids in decimal.
public struct Violation: Equatable, Sendable {
    public let name: String
    public let detail: String

    public init(name: String, detail: String) {
        self.name = name
        self.detail = detail
    }

    /// `invariant violated: NAME: DETAIL` (the headless runner prints `# ` before it).
    public var line: String { "invariant violated: \(name): \(detail)" }
}
