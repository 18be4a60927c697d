import RingsideKernel

/// What the receiver of a one-way anti-entropy session tells the sender first.
///
/// Petersen et al. (SOSP'97): the receiver sends its version vector and its highest
/// CSN; from these alone the sender knows which writes and commits the receiver lacks.
public struct AntiEntropyRequest: Hashable, Sendable {
    public let receiver: Identifier
    public let versionVector: VersionVector
    public let highestCSN: UInt64
    /// The number the receiver gave this session (`Replica.openSession(from:)`); its items
    /// echo it. 0 = an untracked session, whose items the receiver judges one by one.
    public let session: UInt64

    public init(receiver: Identifier, versionVector: VersionVector, highestCSN: UInt64, session: UInt64 = 0) {
        self.receiver = receiver
        self.versionVector = versionVector
        self.highestCSN = highestCSN
        self.session = session
    }
}

/// One message of a one-way anti-entropy session, sender → receiver.
///
/// Items go in the sender's log order: commit notices and committed writes first (by
/// CSN), then tentative writes, then the end of the session. The receiver applies
/// each as it arrives, so a session cut after any item leaves it with a prefix of the
/// sender's log and the prefix property intact. Items must arrive in order: in a tracked
/// session (`session` > 0) the receiver discards an item whose predecessor did not
/// arrive, and everything after it, as a broken stream would.
public struct AntiEntropyItem: Hashable, Sendable {
    public let sender: Identifier
    public let receiver: Identifier
    /// The request's session number, echoed (0 = untracked).
    public let session: UInt64
    /// Position in the session, from 0.
    public let index: Int
    public let payload: Payload

    public enum Payload: Hashable, Sendable {
        /// A write the receiver lacks, committed (csn set) or tentative. `receiverTimestamp`
        /// is the receiver's version-vector entry for the write's origin and `receiverCSN` its
        /// highest CSN as they stand when this item arrives (the request's values advanced by
        /// the items before it): the reasons it is sent.
        case write(Write, receiverTimestamp: UInt64, receiverCSN: UInt64)
        /// The receiver holds this write tentatively (its version vector covers the stamp);
        /// the primary committed it with this CSN.
        case commitNotice(csn: UInt64, stamp: WriteStamp, receiverTimestamp: UInt64)
        /// Nothing follows; the counts are for the explanation.
        case endOfSession(writes: Int, commitNotices: Int)
    }

    public init(sender: Identifier, receiver: Identifier, session: UInt64 = 0, index: Int, payload: Payload) {
        self.sender = sender
        self.receiver = receiver
        self.session = session
        self.index = index
        self.payload = payload
    }

    /// True for an item carrying a whole write (not a commit notice or the end).
    public var carriesWrite: Bool {
        if case .write = payload { return true }
        return false
    }
}

/// What the receiver did with an item.
public enum ReceiveResult: Hashable, Sendable {
    /// The write joined the log at this position (a tentative one, or a committed one it lacked).
    case inserted(position: Int, rollback: Rollback?)
    /// A write it held tentatively became committed and now sits at this position.
    case committed(position: Int, rollback: Rollback?)
    /// Nothing to do: the replica already had it (an overlapping session sent it too).
    case alreadyKnown
    /// Ignored: applying it would break the prefix property.
    case rejected(ReceiveRejection)
    case endOfSession
}

/// Why an item was ignored.
public enum ReceiveRejection: Hashable, Sendable, CustomStringConvertible {
    /// The item is addressed to another replica.
    case wrongReceiver(Identifier)
    /// A commit would skip CSNs the replica does not have yet.
    case csnGap(expected: UInt64, got: UInt64)
    /// A commit notice for a write the replica does not hold.
    case unknownWrite(WriteStamp)
    /// A committed write whose CSN the replica already gave to another write (two primaries?).
    case conflictingCommit(csn: UInt64)
    /// An item of a tracked session that is not the next one expected: its predecessor was
    /// lost (or overtaken), so the session is broken and ends here.
    case sessionGap(session: UInt64, expected: Int, got: Int)
    /// An item of a tracked session that is not open: it ended, broke, was never opened
    /// with this sender, or was dropped as too old.
    case sessionClosed(session: UInt64)

    public var description: String {
        switch self {
        case .wrongReceiver(let id): return "item addressed to replica \(id)"
        case .csnGap(let expected, let got): return "commit \(got) arrived before commit \(expected)"
        case .unknownWrite(let stamp): return "commit notice for \(stamp.timestamp):\(stamp.origin), which is not held"
        case .conflictingCommit(let csn): return "CSN \(csn) is already held by another write"
        case .sessionGap(let session, let expected, let got):
            // Counted from 1 as a reader counts; `index` counts from 0.
            return "item \(got + 1) of session \(session) arrived but item \(expected + 1) did not: the session ends here"
        case .sessionClosed(let session): return "session \(session) has ended; the rest of it is discarded"
        }
    }
}

/// Counts of one whole one-way session.
public struct SessionSummary: Hashable, Sendable {
    /// Items carrying a write.
    public var writes = 0
    public var commitNotices = 0
    /// All items, the end of session included.
    public var items = 0
    public var undone = 0
    public var redone = 0

    public init() {}
}

extension Replica {
    /// The request this replica sends to open a session in which it receives.
    public func antiEntropyRequest() -> AntiEntropyRequest {
        AntiEntropyRequest(receiver: id, versionVector: versionVector, highestCSN: highestCSN)
    }

    /// Everything the receiver of `request` lacks, as session items in this replica's log order.
    ///
    /// Committed writes past the receiver's CSN go first: a commit notice if the receiver
    /// already holds the write (its stamp is covered by the receiver's version vector),
    /// the whole write otherwise. Then every tentative write newer than the receiver's
    /// version-vector entry for its origin. Cost: one pass over both version vectors and,
    /// unless the receiver's vector already covers this one's, one pass over the tentative
    /// log testing each write against an array: O(R + n) per session, never per item.
    public func antiEntropyItems(for request: AntiEntropyRequest) -> [AntiEntropyItem] {
        var items: [AntiEntropyItem] = []
        forEachAntiEntropyItem(for: request) { items.append($0) }
        return items
    }

    /// The items of `antiEntropyItems(for:)`, handed over one at a time as they are made.
    ///
    /// A whole session run this way never holds all its items at once (for `sync(from:)`
    /// and benchmarks, where a session can carry thousands of writes).
    public func forEachAntiEntropyItem(for request: AntiEntropyRequest, _ body: (AntiEntropyItem) -> Void) {
        var index = 0
        func send(_ payload: AntiEntropyItem.Payload) {
            body(AntiEntropyItem(sender: id, receiver: request.receiver, session: request.session, index: index,
                                 payload: payload))
            index += 1
        }
        let receiverHas = request.receiver != id ? origins.entries(of: request.versionVector) : []
        forEachAntiEntropyPayload(to: request.receiver, has: receiverHas, highestCSN: request.highestCSN,
                                  tentativeWrite: { write, _, receiverTimestamp, receiverCSN in
            send(.write(write.write(csn: nil), receiverTimestamp: receiverTimestamp, receiverCSN: receiverCSN))
        }, send)
    }

    /// The payloads of `forEachAntiEntropyItem(for:)`, without wrapping each in an item
    /// (for `sync(from:)`, which needs no addresses or numbering to apply them in order).
    ///
    /// Tentative writes, the bulk of a session, go to `tentativeWrite` instead, unwrapped: the
    /// write (borrowed: making a `Write` of it retained and released every write again),
    /// its origin's slot in this replica's `OriginTable`, and the receiver's timestamp and CSN.
    // Inlined: the bodies are then specialised into the loops, for every item of every session.
    @inline(__always)
    /// `receiverHas` is the receiver's version vector as `origins.entries(of:)` gives it.
    func forEachAntiEntropyPayload(
        to receiver: Identifier, has receiverHas: [UInt64], highestCSN receiverCSN: UInt64,
        tentativeWrite: (_ write: StoredWrite, _ slot: Int, _ receiverTimestamp: UInt64, _ receiverCSN: UInt64) -> Void,
        _ send: (AntiEntropyItem.Payload) -> Void
    ) {
        var writeCount = 0
        var noticeCount = 0
        if receiver != id {
            // The receiver's version vector and CSN as they will stand when each item arrives:
            // the request's values, advanced by what this session has already sent. Deciding
            // with these or with the request's values sends the same items (an origin's
            // writes go out in timestamp order); the running values make better captions.
            var receiverHas = receiverHas
            var receiverCSN = receiverCSN
            if receiverCSN < highestCSN {
                for index in Int(receiverCSN)..<committed.count {
                    let write = committed[index]
                    let csn = UInt64(index + 1)
                    // Every origin in the log has a slot.
                    let slot = origins.slot(of: write.stamp.origin) ?? 0
                    let receiverTimestamp = receiverHas[slot]
                    if write.stamp.timestamp <= receiverTimestamp {
                        send(.commitNotice(csn: csn, stamp: write.stamp, receiverTimestamp: receiverTimestamp))
                        noticeCount += 1
                    } else {
                        send(.write(write.write(csn: csn), receiverTimestamp: receiverTimestamp, receiverCSN: receiverCSN))
                        receiverHas[slot] = write.stamp.timestamp
                        writeCount += 1
                    }
                    receiverCSN = csn
                }
            }
            let newer = origins.records.indices.contains { origins.records[$0].highestTimestamp > receiverHas[$0] }
            if newer {
                tentative.forEach(newerThan: receiverHas, origins: origins) { write, slot in
                    tentativeWrite(write, slot, receiverHas[slot], receiverCSN)
                    receiverHas[slot] = write.stamp.timestamp
                    writeCount += 1
                }
            }
        }
        send(.endOfSession(writes: writeCount, commitNotices: noticeCount))
    }

    /// Applies one session item as it arrives.
    ///
    /// Every item leaves the replica with the prefix property: it holds, for each origin,
    /// exactly that origin's writes up to its version-vector entry, and its committed
    /// writes are CSNs 1 ... highestCSN with no gap. In a tracked session only a gap-free
    /// prefix of the items is applied (see `Session.swift`).
    @discardableResult
    public mutating func receive(_ item: AntiEntropyItem) -> ReceiveResult {
        guard item.receiver == id else { return .rejected(.wrongReceiver(item.receiver)) }
        if item.session != 0, let refusal = admitToSession(item) { return .rejected(refusal) }
        let result = apply(item.payload)
        if item.session != 0, case .rejected = result {
            // Later items were computed assuming this one arrived (a tentative write of an
            // origin whose earlier committed write was refused would skip a stamp): stop here.
            closeSession(item.session)
        }
        return result
    }

    /// One item's effect, judged on its own.
    /// It takes the payload alone: matching on the whole item copied it twice per item.
    private mutating func apply(_ payload: AntiEntropyItem.Payload) -> ReceiveResult {
        switch payload {
        case .endOfSession:
            return .endOfSession
        case .commitNotice(let csn, let stamp, _):
            return receiveCommit(csn: csn, stamp: stamp, write: nil)
        case .write(let write, _, _):
            if let csn = write.csn {
                return receiveCommit(csn: csn, stamp: write.stamp, write: write.stored)
            }
            // `contains`, with the slot looked up once for the insertion too. A timestamp of 0
            // is always covered; it must not create a slot (version-vector entries are > 0).
            guard write.timestamp > 0 else { return .alreadyKnown }
            let slot = origins.slotCreatingIfNeeded(write.origin)
            guard write.timestamp > origins.records[slot].highestTimestamp else { return .alreadyKnown }
            guard let (position, rollback) = insertTentative(write.stored, slot: slot) else { return .alreadyKnown }
            return .inserted(position: position, rollback: rollback)
        }
    }

    /// A commit with this CSN for this write; `write` is the whole write if it was sent.
    private mutating func receiveCommit(csn: UInt64, stamp: WriteStamp, write: StoredWrite?) -> ReceiveResult {
        if csn <= highestCSN {
            return committed[Int(csn - 1)].stamp == stamp ? .alreadyKnown : .rejected(.conflictingCommit(csn: csn))
        }
        guard csn == highestCSN + 1 else { return .rejected(.csnGap(expected: highestCSN + 1, got: csn)) }
        if contains(stamp) {
            // Held tentatively (a stale request may have sent the whole write): commit it in place.
            guard let (position, rollback) = commitHeld(stamp) else { return .rejected(.unknownWrite(stamp)) }
            return .committed(position: position, rollback: rollback)
        }
        guard let write else { return .rejected(.unknownWrite(stamp)) }
        let (position, rollback) = insertCommitted(write)
        return .inserted(position: position, rollback: rollback)
    }

    /// Runs a whole one-way session from `sender` to this replica (for tests and benchmarks).
    ///
    /// The same as opening a session and receiving each of its items in order, without
    /// making the items: nothing is lost or reordered here, so every item is the next one
    /// of the open session, and only a rejection (which closes it) stops the rest applying.
    /// Tentative writes (which are never rejected) are judged one by one as they come but
    /// enter the log together (`insertTentative(ascending:)`) before any other item applies.
    @discardableResult
    public mutating func sync(from sender: Replica) -> SessionSummary {
        var summary = SessionSummary()
        let session = startSession(from: sender.id)
        var open = true
        var arrivals: [TentativeLog.Arrival] = []
        // The sender's slot → this replica's slot for the same origin (-1 = not looked up
        // yet): one hash lookup per origin and session instead of one per write.
        var slots = [Int32](repeating: -1, count: sender.origins.records.count)
        let has = sender.id != id ? sender.origins.entries(of: origins) : []
        sender.forEachAntiEntropyPayload(to: id, has: has, highestCSN: highestCSN, tentativeWrite: { write, senderSlot, _, _ in
            summary.items += 1
            summary.writes += 1
            guard open else { return }
            // A timestamp of 0 is always covered; it must not create a slot (entries are > 0).
            guard write.stamp.timestamp > 0 else { return }
            var slot = Int(slots[senderSlot])
            if slot < 0 {
                slot = origins.slotCreatingIfNeeded(write.stamp.origin)
                slots[senderSlot] = Int32(slot)
            }
            if admitTentative(write.stamp, slot: slot) {
                // The sender's log holds the write for the whole session.
                arrivals.append(TentativeLog.Arrival(write: .passUnretained(write), slot: slot))
            }
        }) { payload in
            summary.items += 1
            switch payload {
            case .write: summary.writes += 1
            case .commitNotice: summary.commitNotices += 1
            case .endOfSession: break
            }
            // A closed session discards what follows (`receive` would say `.sessionClosed`).
            guard open else { return }
            if !arrivals.isEmpty {
                // A sender's tentative writes come last and in log order, so this runs once.
                let undone = insertTentative(ascending: arrivals)
                summary.undone += undone
                summary.redone += undone
                arrivals.removeAll()
            }
            if case .endOfSession = payload {
                closeSession(session)
                return
            }
            switch apply(payload) {
            case .inserted(_, let rollback?), .committed(_, let rollback?):
                summary.undone += rollback.undone
                summary.redone += rollback.redone
            case .rejected:
                closeSession(session)
                open = false
            default:
                break
            }
        }
        return summary
    }
}
