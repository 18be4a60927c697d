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

    /// Messages described at most: the events panel shows the first, the ring looks
    /// among them for the focused lookup's hop.
    public static let inFlightShown = 128

    public init(_ world: World) {
        nodesByID = world.state.allNodesByID()
        inFlight = world.inFlightMessages(limit: Self.inFlightShown)
        inFlightCount = world.inFlightCount
        replicasWithWrites = world.replicasWithWrites
    }

    /// The next message to be delivered.
    public var next: InFlightMessage? { inFlight.first }
}
