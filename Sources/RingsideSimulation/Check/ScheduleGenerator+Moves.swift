import Chord
import RingsideKernel

/// The moves a schedule is made of: membership, maintenance, lookups, Bayou, faults.
extension ScheduleGenerator {
    /// The next command for `world`.
    public mutating func next(_ world: World) -> String {
        let state = world.state
        let live = state.liveRing.nodes.map { state.id($0) }
        // Joins and recoveries enter through members. Under `zave` a node still joining is no
        // entry point, so once faults have crashed every member (a run that breaks Zave's
        // assumptions) no join can be written at all: `entries` is empty and none is drawn.
        // Under `original` every live node is a member.
        let entries = state.liveRing.nodes.filter { world.chord.isMember($0) }.map { state.id($0) }
        if !plan.isEmpty { return planned(state, live: live, world: world) }
        let primaryAlive = world.primary.map { state.isAlive($0) } ?? false
        let primary = world.primary.map { state.id($0) }
        switch rng.index(below: 26) {
        case 0...1 where state.count < settings.maxNodes && !entries.isEmpty:
            return "join \(freeID(state)) via \(pick(entries, &rng))"
        case 2:
            let candidates = live.filter { $0 != primary && canCrash($0, state) }
            if !candidates.isEmpty { return "leave \(pick(candidates, &rng))" }
        case 3 where has(.crash):
            let candidates = live.filter { canCrash($0, state) }
            if !candidates.isEmpty { return crash(pick(candidates, &rng), .crash) }
        case 4 where !crashed.isEmpty && !entries.isEmpty:
            let node = crashed.remove(at: rng.index(below: crashed.count))
            return "recover \(node) via \(pick(entries, &rng))"
        case 5:
            return "lookup \(rng.identifier(in: world.space)) from \(pick(live, &rng))"
        case 6: return "stabilize" + maybeNode(live)
        case 7: return "fix-fingers" + maybeNode(live)
        case 8: return "check-predecessor" + maybeNode(live)
        case 9, 10:
            writes += 1
            return "write \(pick(live, &rng)) put k\(rng.index(below: 5)) v\(writes)"
        case 11 where live.count > 1:
            return sync(live)
        case 12 where primaryAlive:
            return "commit"
        case 13 where has(.loss):
            counts.count(.loss)
            return world.networkConfig.loss > 0 ? "loss 0" : "loss 0.\(1 + rng.index(below: 5))"
        case 14 where has(.partition):
            if world.networkConfig.isPartitioned { return "heal" }
            counts.count(.partition)
            return partition(live)
        case 15 where has(.latency):
            if world.networkConfig.latency != 1...9 { return "latency 1..9" }
            counts.count(.latency)
            let spreads: [Int] = crashOnlyLatency ? [15, 25] : [15, 25, 45, 80]
            return "latency 1..\(pick(spreads, &rng))"
        case 16 where has(.reorder):
            counts.count(.reorder)
            switch rng.index(below: 5) {
            case 4: return asyncStoreMove(live: live)
            case 0: return "async lookup \(rng.identifier(in: world.space)) from \(pick(live, &rng))"
            case 1: return "async stabilize \(pick(live, &rng))"
            case 2: return "async fix-fingers \(pick(live, &rng))"
            default: return live.count > 1 ? "async " + sync(live) : "async stabilize"
            }
        case 17 where has(.reorder) && world.inFlightCount > 0:
            let flying = world.inFlightPackets(limit: 16)
            if rng.index(below: 2) == 0 { return "deliver m\(pick(flying, &rng).id)" }
            return "step \(1 + rng.index(below: 4))"
        case 18 where has(.drop) && world.inFlightCount > 0:
            counts.count(.drop)
            return "drop m\(pick(world.inFlightPackets(limit: 16), &rng).id)"
        case 19 where has(.joinCrash) && state.count < settings.maxNodes && !entries.isEmpty:
            let joiner = freeID(state), via = pick(entries, &rng)
            plan = [.step(1 + rng.index(below: 3)), .crashOneOf(rng.index(below: 2) == 0 ? [joiner, via] : [via, joiner], .joinCrash)]
            return "async join \(joiner) via \(via)"
        case 20 where has(.syncCrash) && live.count > 1:
            let line = sync(live)
            let pair = line.split(separator: " ").dropFirst().compactMap { Identifier(decimal: $0) }
            plan = [.step(1 + rng.index(below: 3)), .crashOneOf(pair, .syncCrash)]
            return "async " + line
        case 21 where world.inFlightCount > 0:
            return "wait"
        case 22...25:
            if let move = storeMove(world, live: live) { return move }
        default:
            break
        }
        return "stabilize"
    }

    private mutating func planned(_ state: ChordState, live: [Identifier], world: World) -> String {
        let next = plan.removeFirst()
        switch next {
        case let .step(n):
            if world.inFlightCount > 0 { return "step \(n)" }
        case let .crashOneOf(candidates, kind):
            for id in candidates where live.contains(id) && canCrash(id, state) {
                return crash(id, kind)
            }
        }
        return plan.isEmpty ? "stabilize" : planned(state, live: live, world: world)
    }

    private mutating func crash(_ id: Identifier, _ kind: FaultKind) -> String {
        counts.count(kind)
        crashed.append(id)
        return "fail \(id)"
    }

    private func canCrash(_ id: Identifier, _ state: ChordState) -> Bool {
        guard let node = state.index(ofID: id) else { return false }
        return state.crashKeepsZaveAssumptions(node)
    }

    private mutating func freeID(_ state: ChordState) -> Identifier {
        let size = UInt64(1) << UInt64(settings.bits)
        while true {
            let id = Identifier(rng.next(below: size))
            if state.index(ofID: id) == nil { return id }
        }
    }

    private mutating func maybeNode(_ live: [Identifier]) -> String {
        rng.index(below: 2) == 0 ? "" : " \(pick(live, &rng))"
    }

    private mutating func sync(_ live: [Identifier]) -> String {
        let a = pick(live, &rng)
        let b = pick(live.filter { $0 != a }, &rng)
        return "sync \(a) \(b)"
    }

    /// Live nodes split in two at random (each side non-empty).
    private mutating func partition(_ live: [Identifier]) -> String {
        var nodes = live
        rng.shuffle(&nodes)
        let cut = 1 + rng.index(below: max(1, nodes.count - 1))
        let a = nodes[..<cut].map { "\($0)" }.joined(separator: ",")
        let b = nodes[cut...].map { "\($0)" }.joined(separator: ",")
        return b.isEmpty ? "partition \(a)" : "partition \(a) | \(b)"
    }
}
