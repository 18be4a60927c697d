import Chord
import RingsideKernel

/// Zave's ring invariants ("Reasoning about identifier spaces", IEEE TSE 2017) over the live
/// nodes of a Chord state, as script.md words them.
///
/// With no live node at all, AtLeastOneRing is violated ("some ring member exists" is
/// false) and the others hold: nothing can lie between members or fail to reach one.
public enum ChordInvariants {
    public static let names = ["AtLeastOneRing", "AtMostOneRing", "OrderedRing", "ConnectedAppendages"]

    /// Every violation, in the order of `names`; within one invariant by node id. O(N) plus O(r) per node.
    public static func violations(_ state: ChordState) -> [Violation] {
        let live = state.liveRing.nodes  // ascending id
        guard !live.isEmpty else {
            return [Violation(name: "AtLeastOneRing", detail: "no node is alive, so no ring member exists")]
        }
        let graph = BestSuccessorGraph(state)
        // Each ring's members in id order; rings in order of their smallest member.
        var ringOfCycle = [Int](repeating: -1, count: graph.cycleCount)
        var rings: [[NodeIndex]] = []
        for node in live where graph.isMember[Int(node)] {
            let c = Int(graph.cycle[Int(node)])
            if ringOfCycle[c] < 0 {
                ringOfCycle[c] = rings.count
                rings.append([])
            }
            rings[ringOfCycle[c]].append(node)
        }
        func text(_ node: NodeIndex) -> String { IDText.text(state.id(node)) }

        var result: [Violation] = []
        if rings.isEmpty {
            result.append(Violation(
                name: "AtLeastOneRing",
                detail: "no live node gets back to itself by following best successors (\(live.count) live)"))
        }
        if rings.count > 1 {
            result.append(Violation(name: "AtMostOneRing", detail: severalRings(rings, text)))
        }
        if rings.count == 1 {
            result += ViolationList.capped("OrderedRing", misordered(rings[0], graph, text), noun: "ring members")
        }
        var stranded: [String] = []
        for node in live where graph.cycle[Int(node)] < 0 {
            let end = graph.deadEnd[Int(node)]
            stranded.append(end == node
                ? "\(text(node)) has no live entry in its successor list"
                : "\(text(node)) does not reach a ring: following best successors stops at \(text(end)), which has no live successor")
        }
        result += ViolationList.capped("ConnectedAppendages", stranded, noun: "nodes")
        return result
    }

    /// "ring members 10 32 and 60 90 form two rings"
    private static func severalRings(_ rings: [[NodeIndex]], _ text: (NodeIndex) -> String) -> String {
        let shownRings = 5
        let shownMembers = 8
        var parts = rings.prefix(shownRings).map { ring in
            let ids = ring.prefix(shownMembers).map(text).joined(separator: " ")
            return ring.count > shownMembers ? "\(ids) … (\(ring.count) members)" : ids
        }
        let more = rings.count - shownRings
        if more > 0 { parts.append("the members of \(more) more ring\(more == 1 ? "" : "s")") }
        return "ring members \(ViolationList.joined(parts)) form \(ViolationList.count(rings.count)) rings"
    }

    /// With one ring, ordered means each member's best successor is the next member by id,
    /// so no member lies strictly between them; that is one pass over the id-sorted members.
    private static func misordered(_ members: [NodeIndex], _ graph: BestSuccessorGraph,
                                   _ text: (NodeIndex) -> String) -> [String] {
        guard members.count > 1 else { return [] }
        var details: [String] = []
        for (i, member) in members.enumerated() {
            let next = members[(i + 1) % members.count]
            let best = graph.bestSucc[Int(member)]
            if best != next {
                details.append("ring member \(text(next)) lies between \(text(member)) and its best successor \(text(best))")
            }
        }
        return details
    }
}
