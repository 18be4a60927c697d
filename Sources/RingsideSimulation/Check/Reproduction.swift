/// A failing seed's shrunk script and the violation it shows when replayed.
public struct Reproduction: Sendable, Equatable {
    /// Script lines ending in `invariants`.
    public var lines: [String]
    /// The script's own violation (the unshrunk run's for a determinism failure).
    public var failure: CheckFailure
}
