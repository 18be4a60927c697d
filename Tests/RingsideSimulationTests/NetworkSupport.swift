import Foundation
@testable import RingsideSimulation

/// Helpers for the version-2 network tests: the fields of a dump they read.
func lookups(_ state: [String: Any]) -> [[String: Any]] {
    state["lookups"] as? [[String: Any]] ?? []
}

func inFlight(_ state: [String: Any]) -> [[String: Any]] {
    state["inFlight"] as? [[String: Any]] ?? []
}

func network(_ state: [String: Any]) -> [String: Any] {
    state["network"] as? [String: Any] ?? [:]
}

/// Ids of the messages in flight, in the dump's order.
func inFlightIDs(_ state: [String: Any]) -> [Int] {
    inFlight(state).compactMap { $0["msg"] as? Int }
}

/// A dump field re-serialized with sorted keys, to compare two runs exactly.
func canonical(_ value: Any?) -> String {
    guard let value else { return "null" }
    let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "?"
}

/// Node ids alive in a dump.
func liveIDs(_ state: [String: Any]) -> [Int] {
    ((state["nodes"] as? [[String: Any]]) ?? []).filter { $0["alive"] as? Bool == true }.compactMap { $0["id"] as? Int }
}

/// The owner of `key` on an ideal ring of `ids` (first id at or after the key, wrapping).
func idealOwner(_ key: Int, _ ids: [Int]) -> Int {
    let sorted = ids.sorted()
    return sorted.first { $0 >= key } ?? sorted[0]
}

/// The `# ` report lines a run printed (e.g. `invariants hold`).
func reports(_ outputs: [ScriptOutput]) -> [String] {
    outputs.compactMap { if case let .report(text) = $0 { text } else { nil } }
}
