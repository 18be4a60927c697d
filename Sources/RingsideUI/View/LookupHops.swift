import Chord
import RingsideKernel
import RingsideSimulation

/// The focused lookup broken into what the ring draws: hops taken, the hop in flight,
/// the nodes visited and the one holding the query now.
struct LookupHops {
    let record: LookupRecord?
    /// Hops already taken, in order.
    let done: [(from: NodeIndex, to: NodeIndex)]
    /// The message carrying the lookup now (a forward, the last hop, or the answer).
    let active: InFlightMessage?
    let visited: Set<NodeIndex>
    /// Where the query is: the active message's target, else the last node of the path.
    let holder: NodeIndex?

    init(model: AppModel) {
        let lookups = model.world.chord.lookups
        guard let focus = model.lookupFocus, focus >= 0, focus < lookups.count else {
            record = nil
            done = []
            active = nil
            visited = []
            holder = nil
            return
        }
        let record = lookups[focus]
        self.record = record
        let path = record.path
        done = path.count > 1 ? (1..<path.count).map { (path[$0 - 1], path[$0]) } : []
        active = model.digest.inFlight.first { $0.lookup == focus }
        visited = Set(path)
        holder = active?.to ?? (record.owner == nil ? path.last : nil)
    }

    /// The key being looked up.
    var key: Identifier? { record?.key }
}
