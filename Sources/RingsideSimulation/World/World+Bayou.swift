import Chord
import RingsideKernel

/// Bayou commands (wired to the Bayou module when it lands).
extension World {
    mutating func deliverBayou(_ envelope: BayouEnvelope) {}
    mutating func startAntiEntropy(sender: NodeIndex, receiver: NodeIndex) {}
    mutating func bayouNodeAdded(_ node: NodeIndex) {}
    // Placeholders until the Bayou module is wired in: they accept and ignore.
    mutating func write(_ ref: NodeRef, _ spec: WriteSpec, at: UInt64?) throws(ScriptError) {}
    mutating func sync(_ a: NodeRef, _ b: NodeRef, oneWay: Bool) throws(ScriptError) {}
    mutating func commit() throws(ScriptError) {}
}

extension World {
    func describeBayou(_ envelope: BayouEnvelope) -> String { "anti-entropy" }
}

extension World {
    /// The Bayou replica at `node`, for display.
    public func bayouView(of node: NodeIndex) -> BayouReplicaView {
        BayouReplicaView(clock: 0, log: [], versionVector: state.allNodesByID().map { ($0, 0) }, database: [], undone: 0, redoneCount: 0)
    }
}
