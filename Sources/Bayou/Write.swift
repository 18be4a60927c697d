import RingsideKernel

/// One Bayou write, identified by ⟨CSN, timestamp, origin⟩.
///
/// `csn` is nil while the write is tentative (the slides' ∞) and is set once the
/// primary commits it. The stamp and operation live in one shared immutable
/// `StoredWrite`, so the same write held by a thousand replicas is stored once.
public struct Write: Hashable, Sendable {
    /// Commit sequence number; nil = tentative.
    public let csn: UInt64?
    let stored: StoredWrite

    public init(csn: UInt64?, timestamp: UInt64, origin: Identifier, operation: Operation) {
        self.init(csn: csn, stored: StoredWrite(stamp: WriteStamp(timestamp: timestamp, origin: origin),
                                                operation: operation))
    }

    init(csn: UInt64?, stored: StoredWrite) {
        self.csn = csn
        self.stored = stored
    }

    public var timestamp: UInt64 { stored.stamp.timestamp }
    /// The node id of the replica that accepted the write from its client.
    public var origin: Identifier { stored.stamp.origin }
    public var operation: Operation { stored.operation }
    public var stamp: WriteStamp { stored.stamp }

    public var isCommitted: Bool { csn != nil }

    public static func == (lhs: Write, rhs: Write) -> Bool {
        lhs.csn == rhs.csn && lhs.stored.stamp == rhs.stored.stamp
            && (lhs.stored === rhs.stored || lhs.stored.operation == rhs.stored.operation)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(csn)
        hasher.combine(timestamp)
        hasher.combine(origin)
        hasher.combine(operation)
    }
}

/// A write as logs store it: its stamp and operation, immutable and shared.
///
/// A write is copied into every replica's log; a log entry is one reference to this
/// object, so a replica holding n writes spends 8 bytes per write on them, and moving
/// log entries moves references, not stamps and strings. The CSN is not stored:
/// committed writes sit in CSN order starting at 1, so a committed entry's CSN is its
/// position + 1, and a tentative entry has none.
///
/// The operation sits in a box of its own: anti-entropy reads stamps all the time and
/// operations only when the database is redone, and without the operation inline the
/// object is 56 bytes rather than 81, so a third fewer cache lines hold every stamp.
final class StoredWrite: Sendable {
    let stamp: WriteStamp
    private let box: OperationBox

    var operation: Operation { box.operation }

    init(stamp: WriteStamp, operation: Operation) {
        self.stamp = stamp
        self.box = OperationBox(operation)
    }

    func write(csn: UInt64?) -> Write {
        Write(csn: csn, stored: self)
    }
}

/// A write's operation, out of line (see `StoredWrite`).
private final class OperationBox: Sendable {
    let operation: Operation

    init(_ operation: Operation) {
        self.operation = operation
    }
}
