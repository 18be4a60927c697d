import Chord

/// `maintenance original|zave` and the rules Zave's protocol adds to other commands
/// (script.md, "Invariants and Chord's maintenance protocol").
extension Simulation {
    /// The protocol changes only between commands with nothing under way: a stabilize
    /// half done by one protocol and finished by the other would be neither.
    mutating func setMaintenance(zave: Bool) throws(SimulationError) {
        let wanted: Maintenance = zave ? .zave : .original
        guard wanted != chord.maintenance else { return }
        if zave, eagerJoin {
            throw SimulationError("maintenance zave has no eager join; set join-mode stabilize first")
        }
        guard network.isQuiet, chord.isQuiescent else {
            throw SimulationError("maintenance can only change while no message is in flight; run wait first")
        }
        chord.setMaintenance(wanted)
        note(.command, zave
             ? "maintenance zave: stabilize rebuilds successor lists from the successor's, rectify replaces notify, a leave is a crash after handing on the keys"
             : "maintenance original: the paper's stabilize, notify and leave")
    }

    /// `join-mode`: the eager join is the original paper's only.
    mutating func setJoinMode(eager: Bool) throws(SimulationError) {
        if eager, chord.maintenance == .zave {
            throw SimulationError("join-mode eager is an error under maintenance zave (Zave's protocol joins by stabilize only); use maintenance original first")
        }
        eagerJoin = eager
    }
}
