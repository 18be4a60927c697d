import RingsideSimulation

/// What the panels need from a snapshot that is too costly to work out every frame
/// (sorting nodes, ordering the message queue), computed once when a report arrives.
public struct WorldDigest: Sendable {
    /// Every node, live or failed, by id ascending: the order Tab walks.
    public let nodesByID: [NodeIndexValue]
    /// The first messages in delivery order.
    public let inFlight: [InFlightMessage]
    /// All messages in flight.
    public let inFlightCount: Int
    /// Nodes whose Bayou replica holds writes, by id ascending (the Bayou panel's default).
    public let replicasWithWrites: [NodeIndexValue]
    /// True when the newest protocol work in the trace is Bayou's (a write accepted, an
    /// anti-entropy session, a commit) rather than Chord's or the store's: projector mode
    /// then shows the Bayou logs beside the ring instead of the finger table.
    public let newestWorkIsBayou: Bool

    /// Trace lines looked through for the newest protocol work.
    static let workLookback = 512

    /// Messages described at most: the events panel shows the first, the ring looks
    /// among them for the focused lookup's hop.
    public static let inFlightShown = 128

    public init(_ world: World) {
        nodesByID = world.state.allNodesByID()
        inFlight = world.inFlightMessages(limit: Self.inFlightShown)
        inFlightCount = world.inFlightCount
        replicasWithWrites = world.replicasWithWrites
        let newestWork = world.trace.last(Self.workLookback).last { [.chord, .bayou, .store].contains($0.kind) }
        newestWorkIsBayou = !replicasWithWrites.isEmpty && newestWork?.kind == .bayou
    }

    /// The next message to be delivered.
    public var next: InFlightMessage? { inFlight.first }
}
