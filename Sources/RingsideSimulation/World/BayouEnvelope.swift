import Chord

/// A Bayou anti-entropy message between two replicas (wired to the Bayou module later).
public struct BayouEnvelope: Sendable {
    public var from: NodeIndex
    public var to: NodeIndex
}
