import RingsideKernel
import Chord
import RingsideStore

/// The key-value store's messages (strict mode). `operation` names the coordinator's
/// put or get, so a reply finds its quorum count.
public enum StoreMessage: Sendable {
    /// Coordinator → replica: keep this value if it is newer than yours.
    case put(operation: Int, key: Identifier, value: VersionedValue)
    /// Replica → coordinator: stored (or already held something at least as new).
    case putAck(operation: Int)
    /// Coordinator → replica: what do you hold for this key?
    case get(operation: Int, key: Identifier)
    /// Replica → coordinator: the replica's newest version, or nothing.
    case getReply(operation: Int, value: VersionedValue?)
    /// Re-replication (join, leave, settle): a holder sends a value to a member of the
    /// key's replica set that lacks it.
    case transfer(key: Identifier, value: VersionedValue)
    /// Dynamo: coordinator → a node of the preference list; `hintFor` names the unreachable
    /// node a stand-in keeps the value for.
    case dynamoPut(operation: Int, key: Identifier, value: ClockedValue, hintFor: NodeIndex?)
    /// Dynamo: replica → coordinator, every sibling it holds for the key (hinted ones too).
    case dynamoGetReply(operation: Int, values: [ClockedValue])
    /// Hinted handoff: stand-in → intended node, and the intended node's acknowledgement.
    case handoff(key: Identifier, value: ClockedValue)
    case handoffAck(key: Identifier, value: ClockedValue)
    /// Dynamo, at a join or leave: a holder sends a key's versions to a node that entered
    /// the key's first N; the ack lets a holder outside the first N drop them.
    case dynamoTransfer(key: Identifier, values: [ClockedValue])
    case dynamoTransferAck(key: Identifier, values: [ClockedValue])
    /// merkle-sync: initiator → other side, tree hashes to compare (the first message also
    /// names the ranges) and the initiator's entries of leaves found different.
    case merkleHashes(session: Int, ranges: [MerkleRange], hashes: [MerkleHash], entries: [MerkleEntry])
    /// merkle-sync: other side → initiator, which nodes differ, with its own entries of the
    /// differing leaves.
    case merkleDiffer(session: Int, nodes: [MerkleNodeID], entries: [MerkleEntry])

    /// The event log's and in-flight list's name for it.
    var typeName: String {
        switch self {
        case .put: "store_put"
        case .putAck: "store_put_ack"
        case .get: "store_get"
        case .getReply: "store_get_reply"
        case .transfer: "store_transfer"
        case .dynamoPut: "store_put"
        case .dynamoGetReply: "store_get_reply"
        case .handoff: "store_handoff"
        case .handoffAck: "store_handoff_ack"
        case .dynamoTransfer: "store_transfer"
        case .dynamoTransferAck: "store_transfer_ack"
        case .merkleHashes: "merkle_hashes"
        case .merkleDiffer: "merkle_differ"
        }
    }
}

/// One key's copy as merkle-sync carries it: a strict version or Dynamo's siblings.
public struct MerkleEntry: Sendable, Hashable {
    public enum Copy: Sendable, Hashable {
        case strict(VersionedValue)
        case dynamo([ClockedValue])
    }
    public var key: Identifier
    public var copy: Copy
}
