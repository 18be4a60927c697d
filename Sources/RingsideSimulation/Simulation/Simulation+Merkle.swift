import Chord
import RingsideKernel
import RingsideStore

/// One `merkle-sync A B` under way: A's trees (built when it starts), B's (built when the
/// first hashes arrive, over the ranges A named) and what travelled.
struct MerkleSession: Sendable {
    var a: NodeIndex
    var b: NodeIndex
    var ranges: [MerkleRange]
    var treesA: [MerkleTree]
    var treesB: [MerkleTree] = []
    var hashesSent = 0
    var entriesSent = 0
    /// The store epoch it started in, and whether A's or B's values changed by anything
    /// but the session's own merges: either way the pair need not agree when it ends.
    var epoch = 0
    var disturbed = false
}

/// Anti-entropy with Merkle trees (Dynamo §4.7, the lecture's "anti-entropy using Merkle
/// trees"): A and B build one tree per key range both replicate, compare hashes from the
/// roots down, only under nodes that differ, and exchange the keys of differing leaves.
/// Each side merges what it receives as it would a put (newest wins / vector clocks).
extension Simulation {
    /// The key ranges (lo, hi] whose replicas include both nodes: between consecutive live
    /// nodes (strict) or consecutive tokens (Dynamo), replicated by the first N nodes from
    /// the range's end.
    func sharedRanges(_ a: NodeIndex, _ b: NodeIndex) -> [(lo: Identifier, hi: Identifier)] {
        var result: [(lo: Identifier, hi: Identifier)] = []
        if kv.dynamo {
            let ring = tokenRing()
            for j in ring.indices {
                let lo = ring[(j + ring.count - 1) % ring.count].token, hi = ring[j].token
                if lo == hi, ring.count > 1 { continue }  // two tokens at one id: an empty range
                let members = preferenceList(from: hi, ring: ring).prefix(kv.replication)
                if members.contains(a), members.contains(b) { result.append((lo, hi)) }
            }
        } else {
            let ring = state.liveRing.nodes
            for j in ring.indices {
                let lo = state.id(ring[(j + ring.count - 1) % ring.count]), hi = state.id(ring[j])
                let members = replicaSet(ofKeyAt: hi)
                if members.contains(a), members.contains(b) { result.append((lo, hi)) }
            }
        }
        return result
    }

    /// A node's keys with a digest of what it holds for each (strict or Dynamo values).
    func merkleDigests(_ node: NodeIndex) -> [(key: Identifier, digest: UInt64)] {
        if kv.dynamo {
            return storedSiblings(node).map { entry in
                (entry.key, MerkleDigest.of(entry.values.map { "\($0.value)\u{0}\($0.clock)" }.joined(separator: "\u{1}")))
            }
        }
        return storedValues(node).map { ($0.key, MerkleDigest.of("\($0.value.value)\u{0}\($0.value.version.time)\u{0}\($0.value.version.node)")) }
    }

    private func merkleEntries(_ node: NodeIndex, leaves: [MerkleNodeID], trees: [MerkleTree]) -> [MerkleEntry] {
        var entries: [MerkleEntry] = []
        for leaf in leaves {
            for key in trees[leaf.range].keys(inLeaf: leaf) {
                if kv.dynamo {
                    entries.append(MerkleEntry(key: key, copy: .dynamo(kv.siblings[node]?[key] ?? [])))
                } else if let value = kv.replicas[node]?[key] {
                    entries.append(MerkleEntry(key: key, copy: .strict(value)))
                }
            }
        }
        return entries
    }

    mutating func performMerkleSync(_ a: NodeIndex, _ b: NodeIndex) {
        let shared = sharedRanges(a, b)
        guard !shared.isEmpty else {
            note(.store, "\(chord.label(a)) and \(chord.label(b)) replicate no key range in common: nothing to compare", node: a)
            kv.syncedPair = (a, b)
            return
        }
        let digests = merkleDigests(a)
        let ranges = shared.map { range in
            let keys = digests.count { MerkleRange(lo: range.lo, hi: range.hi, keys: 1, space: space).offset(of: $0.key, space: space) != nil }
            return MerkleRange(lo: range.lo, hi: range.hi, keys: keys, space: space)
        }
        let trees = ranges.map { MerkleTree(range: $0, entries: digests, space: space) }
        let id = kv.nextMerkleSession
        kv.nextMerkleSession += 1
        let roots = MerkleExchange.roots(trees)
        kv.merkleSessions[id] = MerkleSession(a: a, b: b, ranges: ranges, treesA: trees, hashesSent: roots.count, epoch: kv.epoch)
        if narrates {
            let list = ranges.map { "(\($0.lo),\($0.hi)] (\(1 << $0.depth) leaves)" }.joined(separator: ", ")
            note(.store, "\(chord.label(a)): merkle-sync with \(chord.label(b)): both replicate \(list) → one Merkle tree per range; send the \(roots.count) root hash\(roots.count == 1 ? "" : "es")", node: a)
        }
        send(from: a, to: b, .store(.merkleHashes(session: id, ranges: ranges, hashes: roots, entries: [])))
    }

    /// B compares the hashes with its own trees and says which differ (with its keys of
    /// differing leaves); an empty list of hashes ends the session.
    mutating func deliverMerkleHashes(_ id: Int, ranges: [MerkleRange], hashes: [MerkleHash], entries: [MerkleEntry], at node: NodeIndex) {
        guard var session = kv.merkleSessions[id] else { return }
        if session.treesB.isEmpty {
            let digests = merkleDigests(node)
            session.treesB = ranges.map { MerkleTree(range: $0, entries: digests, space: space) }
        }
        mergeMerkleEntries(entries, at: node, from: session.a)
        guard !hashes.isEmpty else {
            kv.merkleSessions[id] = session
            finishMerkleSync(id)
            return
        }
        let differing = MerkleExchange.differing(hashes, trees: session.treesB)
        let leaves = differing.filter { session.treesB[$0.range].isLeaf($0) }
        let mine = merkleEntries(node, leaves: leaves, trees: session.treesB)
        session.entriesSent += mine.count
        kv.merkleSessions[id] = session
        if narrates {
            let same = hashes.map(\.node).filter { !differing.contains($0) }
            var parts: [String] = []
            if !differing.isEmpty { parts.append("differ: " + differing.map { describeTreeNode($0, session) }.joined(separator: ", ")) }
            if !same.isEmpty { parts.append("equal (skipped with everything under them): " + same.map { describeTreeNode($0, session) }.joined(separator: ", ")) }
            let tail = leaves.isEmpty ? "" : "; send my \(mine.count) value\(mine.count == 1 ? "" : "s") of the differing leaves"
            note(.store, "\(chord.label(node)): \(hashes.count) hash\(hashes.count == 1 ? "" : "es") compared; \(parts.joined(separator: "; "))\(tail)", node: node)
        }
        send(from: node, to: session.a, .store(.merkleDiffer(session: id, nodes: differing, entries: mine)))
    }

    /// A descends into the differing internal nodes and sends its keys of differing leaves.
    mutating func deliverMerkleDiffer(_ id: Int, nodes: [MerkleNodeID], entries: [MerkleEntry], at node: NodeIndex) {
        guard var session = kv.merkleSessions[id] else { return }
        let next = MerkleExchange.descend(nodes, trees: session.treesA)
        // A's copies as they were, less those equal to what B just sent: only values
        // that differ travel back.
        let theirs = Set(entries)
        let mine = merkleEntries(node, leaves: next.leaves, trees: session.treesA).filter { !theirs.contains($0) }
        mergeMerkleEntries(entries, at: node, from: session.b)
        guard !next.hashes.isEmpty || !mine.isEmpty else {
            finishMerkleSync(id)
            return
        }
        session.hashesSent += next.hashes.count
        session.entriesSent += mine.count
        kv.merkleSessions[id] = session
        if narrates {
            var parts: [String] = []
            if !next.hashes.isEmpty { parts.append("send the \(next.hashes.count) children's hashes") }
            if !mine.isEmpty { parts.append("send my \(mine.count) value\(mine.count == 1 ? "" : "s") of the differing leaves") }
            note(.store, "\(chord.label(node)): \(parts.joined(separator: "; "))", node: node)
        }
        send(from: node, to: session.b, .store(.merkleHashes(session: id, ranges: [], hashes: next.hashes, entries: mine)))
    }

    /// Each received copy is merged as a put would be: newest version wins (strict), or
    /// vector clocks decide and concurrent versions stay siblings (Dynamo).
    private mutating func mergeMerkleEntries(_ entries: [MerkleEntry], at node: NodeIndex, from sender: NodeIndex) {
        kv.mergingMerkleEntries = true
        defer { kv.mergingMerkleEntries = false }
        for entry in entries {
            switch entry.copy {
            case let .strict(value):
                let kept = kv.replicas[node, default: ReplicaStore()].accept(entry.key, value)
                if kept { storeChanged(at: node) }
                if narrates { note(.store, "\(chord.label(node)): \(chord.label(entry.key)) = \(value.value) \(describe(value.version)) from \(chord.label(sender))\(kept ? " → newer, kept" : ", not newer → keep mine")", node: node) }
            case let .dynamo(values):
                for value in values { storeDynamo(at: node, key: entry.key, value: value, hintFor: nil) }
            }
        }
    }

    private mutating func finishMerkleSync(_ id: Int) {
        guard let session = kv.merkleSessions.removeValue(forKey: id) else { return }
        if session.epoch == kv.epoch && !session.disturbed { kv.syncedPair = (session.a, session.b) }
        note(.store, "merkle-sync \(chord.label(session.a))–\(chord.label(session.b)) done: \(session.hashesSent) hash\(session.hashesSent == 1 ? "" : "es") and \(session.entriesSent) value\(session.entriesSent == 1 ? "" : "s") sent", node: session.a)
    }

    /// A lost message ends the session where it was (a later merkle-sync starts afresh).
    mutating func merkleTimedOut(_ id: Int) {
        guard let session = kv.merkleSessions.removeValue(forKey: id) else { return }
        note(.store, "merkle-sync \(chord.label(session.a))–\(chord.label(session.b)) cut off: a message was lost", node: session.a)
    }

    /// "root of (10,32]" or "(21,32] (level 1)".
    private func describeTreeNode(_ node: MerkleNodeID, _ session: MerkleSession) -> String {
        let range = session.ranges[node.range]
        if node.level == 0 { return "root of (\(range.lo),\(range.hi)]" }
        let (lo, hi) = range.bounds(level: node.level, index: node.index, space: space)
        return "(\(lo),\(hi)] (level \(node.level)\(node.level == range.depth ? ", a leaf" : ""))"
    }
}
