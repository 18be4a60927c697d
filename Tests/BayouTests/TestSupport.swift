import RingsideInvariants
import RingsideKernel
@testable import Bayou

/// The lecture's replicas: ids chosen so that name order (P, A, B) is not id order by accident.
enum Lecture {
    static let p: Identifier = 10
    static let a: Identifier = 32
    static let b: Identifier = 60
    static let all = [p, a, b]

    static func name(_ id: Identifier) -> String {
        switch id {
        case p: return "P"
        case a: return "A"
        case b: return "B"
        default: return "N\(id)"
        }
    }
}

extension Replica {
    /// The log in slide notation.
    func slides(_ name: (Identifier) -> String = Lecture.name) -> [String] {
        log.map { $0.slideNotation(name: name) }
    }

    /// The version vector as the slides list it, every lecture replica included.
    func slideVV(_ replicas: [Identifier] = Lecture.all, _ name: (Identifier) -> String = Lecture.name) -> String {
        SlideNotation.versionVector(versionVector, replicas: replicas, name: name)
    }

    /// Delivers every item of a session from `sender`, returning the receive results.
    @discardableResult
    mutating func receiveAll(from sender: Replica) -> [ReceiveResult] {
        sender.antiEntropyItems(for: antiEntropyRequest()).map { receive($0) }
    }
}

/// The problems the invariants library finds in one replica's own log, vector and database
/// (LogOrder, VersionVector, DatabaseReplay): the checks that need no other replica.
func replicaInvariantProblems(_ replica: Replica) -> [String] {
    let own: Set<String> = ["LogOrder", "VersionVector", "DatabaseReplay"]
    return BayouInvariants.violations([ReplicaSnapshot(replica)]).filter { own.contains($0.name) }.map(\.line)
}
