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

/// A from-scratch replay, written independently of `Operation.apply`: the model the replica must match.
func replay(_ writes: [Write]) -> (database: [String: String], outcomes: [String?]) {
    var database: [String: String] = [:]
    var outcomes: [String?] = []
    for write in writes {
        switch write.operation {
        case .put(let key, let value):
            database[key] = value
            outcomes.append(nil)
        case .delete(let key):
            database[key] = nil
            outcomes.append(nil)
        case .book(let slots, let who):
            let free = slots.first { database[$0] == nil }
            if let free { database[free] = who }
            outcomes.append(free)
        }
    }
    return (database, outcomes)
}

/// True when `writes` are in Bayou log order: CSN 1, 2, ... then tentative by (timestamp, origin).
func isInLogOrder(_ writes: [Write]) -> Bool {
    let committed = writes.prefix { $0.csn != nil }
    guard committed.enumerated().allSatisfy({ $0.element.csn == UInt64($0.offset + 1) }) else { return false }
    let tentative = writes.dropFirst(committed.count)
    guard tentative.allSatisfy({ $0.csn == nil }) else { return false }
    return zip(tentative, tentative.dropFirst()).allSatisfy { $0.stamp < $1.stamp }
}
