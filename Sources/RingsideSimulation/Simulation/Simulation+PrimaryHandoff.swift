import Bayou
import Chord
import RingsideKernel

/// `primary NODE`: handing the committing role from one replica to another.
///
/// CSNs are only unique if each is given out once. A new primary that lacked some of the
/// old one's commits would number its own from its own highest CSN and hand out CSNs the
/// old primary had already used: two different writes with CSN 1, and replicas that can
/// never agree (each takes the other's commits for ones it already has). So the old
/// primary first runs an anti-entropy session to the new one, and the role moves only
/// when that session has delivered every committed write.
extension Simulation {
    /// Reachability between two nodes for the handoff's session.
    /// (Down nodes are checked separately.)
    func canReach(_ a: NodeIndex, _ b: NodeIndex) -> Bool { network.config.canReach(a, b) && network.config.canReach(b, a) }

    /// Makes `new` the primary, after a handoff session if the old primary has committed:
    /// returns the actions the driver queues for that (none if the role just moves).
    mutating func changePrimary(to new: NodeIndex) throws(SimulationError) -> [Action] {
        // No commit yet (or no change): there is nothing to hand over, the role just moves.
        guard let old = primary, old != new, replica(old).highestCSN > 0 else {
            primary = new
            return []
        }
        let oldName = state.name(old)
        let newName = state.name(new)
        let held = replica(old).highestCSN
        guard state.isAlive(old) else {
            throw SimulationError("the primary \(oldName) is down and holds the committed writes (\(csns(1, through: held))) that \(newName) must have before it can commit; recover \(oldName) first (recover \(oldName) via NODE)")
        }
        guard state.isAlive(new) else {
            throw SimulationError("\(newName) is down, so the primary \(oldName) cannot hand it the committed writes; recover \(newName) first (recover \(newName) via NODE)")
        }
        guard canReach(old, new) else {
            throw SimulationError("the primary \(oldName) cannot reach \(newName) to hand it the committed writes; reconnect them first (heal)")
        }
        note(.bayou, "\(oldName) hands the primary role to \(newName): first an anti-entropy session \(oldName)→\(newName), so \(newName) holds \(csns(1, through: held)) and CSNs stay unique", node: old)
        return [.antiEntropy(sender: old, receiver: new), .primaryHandoff(from: old, to: new)]
    }

    /// Runs once the handoff session's messages are all delivered: moves the role if the
    /// new primary now holds every commit of the old one.
    mutating func completePrimaryHandoff(from old: NodeIndex, to new: NodeIndex) throws(SimulationError) {
        let oldName = state.name(old)
        let newName = state.name(new)
        guard primary == old else {
            // Another `primary` command moved the role while this session ran: it decides.
            note(.bayou, "handoff \(oldName)→\(newName) abandoned: the primary is already \(primary.map { state.name($0) } ?? "none")", node: new)
            return
        }
        let needed = replica(old).highestCSN
        let got = replica(new).highestCSN
        guard got >= needed else {
            // "holds 0 of 1 committed write", not "holds no CSN of CSN 1" (user test).
            let writes = needed == 1 ? "1 committed write" : "\(needed) committed writes"
            throw SimulationError("the handoff session \(oldName)→\(newName) was cut off: \(newName) holds \(got) of \(oldName)'s \(writes) (\(csns(1, through: needed))), so \(oldName) stays the primary; recover or reconnect them and give the primary command again")
        }
        primary = new
        note(.bayou, "\(newName) is now the primary: it holds \(csns(1, through: needed)), so its commits go on from CSN \(needed + 1)", node: new)
    }
}
