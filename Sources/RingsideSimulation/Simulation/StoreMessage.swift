import RingsideKernel
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

    /// The event log's and in-flight list's name for it.
    var typeName: String {
        switch self {
        case .put: "store_put"
        case .putAck: "store_put_ack"
        case .get: "store_get"
        case .getReply: "store_get_reply"
        case .transfer: "store_transfer"
        }
    }
}
