import Testing
@testable import RingsideSimulation
import RingsideKernel

/// Dynamo mode: values follow joins and leaves (issue 10, "a join moves values to the new
/// owner, a leave hands them on"), siblings and their clocks intact.
@Suite("Dynamo mode: values move on join and leave")
struct DynamoMembershipTests {
    private func values(_ state: [String: Any], _ id: Int, key: Int = 25) -> [String] {
        let store = node(state, id)?["store"] as? [String: [[String: Any]]]
        return (store?["\(key)"] ?? []).map { entry in
            let clock = (entry["version"] as? [String: Int] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
            return "\(entry["value"] as? String ?? "?")[\(clock.joined(separator: ","))]"
        }
    }

    /// Two concurrent puts make siblings at B, C, D (key 25's first three). G joins at 40:
    /// it enters the first three and gets both siblings; D, now fourth, drops them. B leaves:
    /// D is among the first three again and gets them back.
    private let script = """
    bits 7
    latency 5..5
    store-mode dynamo
    replication 3
    quorum 2 2
    add A=10 B=30 C=50 D=70 E=90 F=110
    put 25 v1 from B
    put 25 v2 from C
    get 25 from A
    join G=40 via A
    wait
    dump
    get 25 from G
    leave B
    wait
    dump
    get 25 from A
    invariants

    """

    @Test func getsBeforeAndAfterJoinAndLeaveSeeBothSiblings() throws {
        let reports = try run(script).outputs.compactMap { if case let .report(text) = $0 { text } else { nil } }
        #expect(reports == ["get 25 from A = v1 | v2", "get 25 from G = v1 | v2", "get 25 from A = v1 | v2", "invariants hold"])
    }

    @Test func theJoinMovesValuesAndTheLeaveHandsThemOn() throws {
        let states = try dumps(script)
        let siblings = ["v1[B:1]", "v2[C:1]"]
        // After the join: G among the first three holds both siblings, D dropped them.
        for id in [30, 40, 50] { #expect(values(states[0], id) == siblings, "node \(id)") }
        #expect(values(states[0], 70) == [])
        // After B's leave: D is among the first three again; B is gone with its store.
        for id in [40, 50, 70] { #expect(values(states[1], id) == siblings, "node \(id)") }
        #expect(node(states[1], 30) == nil || values(states[1], 30) == [])
        let trace = traceText(try run(script).world)
        #expect(trace.contains { $0.contains("70: no longer among the first N of 25's preference list, and they hold it → drop it") })
    }

    /// After the moves and the quiescence phase, `check`'s store properties hold.
    @Test func storeInvariantsHoldAfterQuiescence() {
        var execution = CheckExecution()
        for line in script.split(separator: "\n") where !line.hasPrefix("dump") { execution.perform(String(line)) }
        execution.finish()
        #expect(execution.failure == nil, "\(execution.failure?.text ?? "")")
        #expect(execution.world.simulation.storeConvergenceViolations().isEmpty)
    }

    /// A transfer arrives as a message: in flight, the new member does not hold it yet.
    @Test func transfersAreMessages() throws {
        let text = script.replacingOccurrences(of: "join G=40 via A\nwait\n", with: "async join G=40 via A\nstep 1\ndump\nwait\n")
        let states = try dumps(text)
        #expect(values(states[0], 40) == [])
        #expect(values(states[1], 40) == ["v1[B:1]", "v2[C:1]"])
    }
}
