import Foundation
import Testing
@testable import RingsideSimulation
import RingsideKernel
import Chord

/// Runs a script and returns what it printed (dumps and captions) and the final world.
func run(_ script: String, seed: UInt64 = 0) throws -> (outputs: [ScriptOutput], world: World) {
    var runner = ScriptRunner(world: World(seed: seed))
    var outputs: [ScriptOutput] = []
    try runner.run(bytes: Array(script.utf8)) { outputs.append($0) }
    return (outputs, runner.world)
}

/// The error a script stops with (nil when it runs through).
func scriptError(_ script: String) -> ScriptError? {
    var runner = ScriptRunner()
    do {
        try runner.run(bytes: Array(script.utf8)) { _ in }
        return nil
    } catch {
        return error
    }
}

/// Every `dump` a script printed, parsed.
func dumps(_ script: String, seed: UInt64 = 0) throws -> [[String: Any]] {
    try run(script, seed: seed).outputs.compactMap { output in
        guard case let .dump(json) = output else { return nil }
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    }
}

/// The node object with the given id in a dump.
func node(_ state: [String: Any], _ id: Int) -> [String: Any]? {
    (state["nodes"] as? [[String: Any]])?.first { ($0["id"] as? Int) == id }
}

func fingerNodes(_ node: [String: Any]?) -> [Int?] {
    ((node?["fingers"] as? [[String: Any]]) ?? []).map { $0["node"] as? Int }
}

func fingerStarts(_ node: [String: Any]?) -> [Int] {
    ((node?["fingers"] as? [[String: Any]]) ?? []).compactMap { $0["start"] as? Int }
}

/// The trace lines of a world, text only.
func traceText(_ world: World) -> [String] {
    world.trace.events.map(\.text)
}

/// Reads a scenario from Assets/scenarios.
func scenario(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Assets/scenarios/\(name).ringside"), encoding: .utf8)
}

/// A brute-force model of a fully stabilized ring, written independently of the engine:
/// linear scans over a plain sorted list, no binary search, no shared code.
struct BruteForceRing {
    let space: IdentifierSpace
    let ids: [Identifier]  // live, ascending

    init(space: IdentifierSpace, ids: [Identifier]) {
        self.space = space
        self.ids = ids.sorted()
    }

    func successor(of x: Identifier) -> Identifier {
        ids.first { $0 >= x } ?? ids[0]
    }

    func nextAfter(_ n: Identifier) -> Identifier {
        ids.first { $0 > n } ?? ids[0]
    }

    func predecessor(of n: Identifier) -> Identifier {
        ids.last { $0 < n } ?? ids[ids.count - 1]
    }

    func finger(_ n: Identifier, _ k: Int) -> Identifier {
        successor(of: space.add(n, Identifier.powerOfTwo(k - 1)))
    }

    func successorList(_ n: Identifier, r: Int) -> [Identifier] {
        guard ids.count > 1 else { return [n] }
        var list: [Identifier] = []
        var current = n
        while list.count < min(r, ids.count - 1) {
            current = nextAfter(current)
            list.append(current)
        }
        return list
    }
}

/// Differences between the engine's routing state and the brute-force ring, for every live node.
func differencesFromBruteForce(_ world: World, checkKeys: [Identifier]? = nil) -> [String] {
    let state = world.state
    let live = state.liveRing.nodes
    let model = BruteForceRing(space: state.space, ids: live.map { state.id($0) })
    var problems: [String] = []
    for node in live {
        let n = state.id(node)
        let name = "node \(n)"
        if state.successor(node).map(state.id) != model.successorList(n, r: state.successorListLength).first {
            problems.append("\(name): successor \(String(describing: state.successor(node).map(state.id)))")
        }
        let list = state.successorList(node).map(state.id)
        if list != model.successorList(n, r: state.successorListLength) {
            problems.append("\(name): successor list \(list) vs \(model.successorList(n, r: state.successorListLength))")
        }
        let expectedPredecessor = live.count == 1 ? nil : model.predecessor(of: n)
        if state.predecessor(node).map(state.id) != expectedPredecessor {
            problems.append("\(name): predecessor \(String(describing: state.predecessor(node).map(state.id))) vs \(String(describing: expectedPredecessor))")
        }
        for k in 1...state.bits where state.finger(node, k).map(state.id) != model.finger(n, k) {
            problems.append("\(name): finger[\(k)] \(String(describing: state.finger(node, k).map(state.id))) vs \(model.finger(n, k))")
        }
        if let checkKeys {
            let expected = checkKeys.filter { model.successor(of: $0) == n }.sorted()
            if state.storedKeys(node) != expected {
                problems.append("\(name): keys \(state.storedKeys(node)) vs \(expected)")
            }
        }
    }
    return problems
}

/// The error one line fails to parse with (nil when it parses).
func parseError(_ line: String) -> ScriptError? {
    do {
        _ = try Parser.parse(line: Substring(line), number: 1)
        return nil
    } catch {
        return error
    }
}
