import Bayou
import Chord

/// One message of a Bayou anti-entropy session.
public enum BayouMessage: Sendable {
    /// The receiver opens a one-way session: "here is my version vector and CSN".
    case request(AntiEntropyRequest)
    /// The sender's answer, one item (write, commit notice or end) per message, in log order.
    case item(AntiEntropyItem)
}

/// A Bayou message between two replicas (nodes).
public struct BayouEnvelope: Sendable {
    public var from: NodeIndex
    public var to: NodeIndex
    public var message: BayouMessage
}
