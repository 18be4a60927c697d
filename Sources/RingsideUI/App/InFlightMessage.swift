import Chord
import RingsideKernel
import RingsideSimulation

/// A message on the wire, described for a viewer.
public struct InFlightMessage: Sendable, Equatable {
    /// Its number: `m7` in scripts.
    public var id: MessageID
    public var deliverAt: VirtualTime
    public var from: NodeIndex
    public var to: NodeIndex
    /// The event log's type, e.g. `find_successor`.
    public var type: String
    /// The protocol's name for it, e.g. `find_successor(15)` or `notify`.
    public var summary: String
    /// True for Bayou anti-entropy traffic, false for Chord.
    public var isBayou: Bool
    /// The `lookup` command this message carries a hop of, if any (index into lookups).
    public var lookup: Int?
}

extension World {
    /// Messages in flight in delivery order, described (O(m log m)).
    public func inFlightMessages(limit: Int = 64) -> [InFlightMessage] {
        inFlightPackets(limit: limit).map { packet in
            var lookup: Int?
            var isBayou = false
            switch packet.payload {
            case let .chord(message): lookup = chord.lookupRecord(carriedBy: message)
            case .bayou: isBayou = true
            case .store: break
            }
            return InFlightMessage(id: packet.id, deliverAt: packet.due, from: packet.from, to: packet.to,
                                   type: messageType(packet), summary: summary(packet),
                                   isBayou: isBayou, lookup: lookup)
        }
    }
}
