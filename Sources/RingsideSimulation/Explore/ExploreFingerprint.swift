import Chord
import RingsideKernel

/// A 128-bit hash of a state's canonical encoding: what the explorer remembers of a state
/// it has seen (16 bytes, whatever the state's size). Two different states share one with
/// probability about n² / 2^129 for n states: nil in practice at these bounds.
struct Fingerprint: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    init(_ words: [UInt64]) {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F ^ UInt64(words.count)
        for word in words {
            a = Self.mix(a ^ word)
            b = Self.mix(b &+ word &* 0x1656_67B1_9E37_79F9)
        }
        high = Self.mix(a ^ (b >> 7))
        low = Self.mix(b ^ a)
    }

    /// SplitMix64's finalizer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ExploreState {
    /// The canonical encoding of the state as seen from a ring rotated back by `shift`:
    /// every node by its rotated id, nodes in rotated-id order; routing state (alive,
    /// successor list, predecessor, fingers), what each node waits for, and the messages
    /// grouped by sender, each sender's in send order (in flight and lost alike: a channel
    /// is FIFO and timers fire in send order, while different senders' messages commute),
    /// plus the fault budget used. Message ids and virtual times are left out.
    func encoding(shift: UInt64, settings: ExploreSettings) -> [UInt64] {
        let mask = (UInt64(1) << UInt64(settings.bits)) - 1
        let state = self.state
        func rotated(_ id: Identifier) -> UInt64 { (id.w0 &- shift) & mask }
        func ref(_ node: NodeIndex?) -> UInt64 {
            guard let node, node >= 0 else { return UInt64.max }
            return rotated(state.id(node))
        }
        var out: [UInt64] = [UInt64(failuresUsed), UInt64(joinsUsed)]
        out.reserveCapacity(256)
        let nodes = (0..<NodeIndex(state.count)).sorted { rotated(state.id($0)) < rotated(state.id($1)) }
        for node in nodes {
            out.append(ref(node))
            out.append(state.isAlive(node) ? 1 : 0)
            let list = state.successorList(node)
            out.append(UInt64(list.count))
            for entry in list { out.append(ref(entry)) }
            out.append(ref(state.predecessor(node)))
            if state.bits >= 2 {
                for k in 2...state.bits { out.append(ref(state.finger(node, k))) }
            }
        }
        world.chord.explorationFingerprint(into: &out, id: rotated)
        // Messages by sender (rotated id), each sender's in send order.
        var messages: [(sender: UInt64, id: MessageID, lost: Bool, packet: Packet)] = []
        for packet in world.simulation.network.inFlight { messages.append((ref(packet.from), packet.id, false, packet)) }
        for packet in lost { messages.append((ref(packet.from), packet.id, true, packet)) }
        messages.sort { ($0.sender, $0.id) < ($1.sender, $1.id) }
        out.append(UInt64(messages.count))
        for message in messages {
            out.append(message.lost ? 1 : 0)
            out.append(ref(message.packet.to))
            out.append(message.sender)
            switch message.packet.payload {
            case let .chord(chordMessage):
                world.chord.explorationEncode(chordMessage, into: &out, id: rotated)
            case .bayou, .store:
                out.append(0xbad)
            }
        }
        return out
    }

    /// The fingerprint of the state up to rotation of the ring: the least encoding over
    /// the rotations that map the initial ring and the joiner ids onto themselves (by a
    /// whole gap, when the gaps are equal). Chord's rules compare ids only through
    /// intervals on the circle, which rotation keeps, so rotated states behave alike.
    func fingerprint(_ settings: ExploreSettings) -> Fingerprint {
        var best = encoding(shift: 0, settings: settings)
        for shift in Self.symmetries(settings).dropFirst() {
            let candidate = encoding(shift: shift, settings: settings)
            if candidate.lexicographicallyPrecedes(best) { best = candidate }
        }
        return Fingerprint(best)
    }

    /// The rotations the bounds are symmetric under (0 always).
    static func symmetries(_ settings: ExploreSettings) -> [UInt64] {
        let size = UInt64(1) << UInt64(settings.bits)
        let n = UInt64(settings.nodes)
        guard size % n == 0 else { return [0] }
        let gap = size / n
        let shifts = (0..<n).map { $0 * gap }
        let ids = Set(settings.initialIDs)
        let joiners = Set(settings.joinerIDs)
        return shifts.filter { shift in
            ids.allSatisfy { ids.contains(($0 &+ shift) % size) }
                && joiners.allSatisfy { joiners.contains(($0 &+ shift) % size) }
        }
    }
}
