import RingsideKernel

/// One Bayou write, identified by ⟨CSN, timestamp, origin⟩.
///
/// `csn` is nil while the write is tentative (the slides' ∞) and is set once the
/// primary commits it. The operation lives in a shared immutable box so that the
/// same write held by a thousand replicas is stored once.
public struct Write: Hashable, Sendable {
    /// Commit sequence number; nil = tentative.
    public let csn: UInt64?
    public let timestamp: UInt64
    /// The node id of the replica that accepted the write from its client.
    public let origin: Identifier
    let body: OperationBox

    public init(csn: UInt64?, timestamp: UInt64, origin: Identifier, operation: Operation) {
        self.init(csn: csn, timestamp: timestamp, origin: origin, body: OperationBox(operation))
    }

    init(csn: UInt64?, timestamp: UInt64, origin: Identifier, body: OperationBox) {
        self.csn = csn
        self.timestamp = timestamp
        self.origin = origin
        self.body = body
    }

    public var operation: Operation { body.operation }

    public var stamp: WriteStamp { WriteStamp(timestamp: timestamp, origin: origin) }

    public var isCommitted: Bool { csn != nil }

    public static func == (lhs: Write, rhs: Write) -> Bool {
        lhs.csn == rhs.csn && lhs.timestamp == rhs.timestamp && lhs.origin == rhs.origin
            && (lhs.body === rhs.body || lhs.body.operation == rhs.body.operation)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(csn)
        hasher.combine(timestamp)
        hasher.combine(origin)
        hasher.combine(body.operation)
    }
}

/// A write as a log stores it: its stamp and its shared operation.
///
/// The CSN is not stored: committed writes sit in CSN order starting at 1, so a
/// committed entry's CSN is its position + 1, and a tentative entry has none.
struct StoredWrite: Sendable {
    let stamp: WriteStamp
    let body: OperationBox

    init(_ write: Write) {
        stamp = write.stamp
        body = write.body
    }

    init(stamp: WriteStamp, body: OperationBox) {
        self.stamp = stamp
        self.body = body
    }

    func write(csn: UInt64?) -> Write {
        Write(csn: csn, timestamp: stamp.timestamp, origin: stamp.origin, body: body)
    }
}
