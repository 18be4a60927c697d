import RingsideKernel

/// A one-way anti-entropy session this replica opened as receiver and still expects items of.
///
/// Items are computed against the receiver's state at request time, each assuming every
/// item before it arrived: a tentative write of origin O at timestamp t is sent only because
/// O's earlier writes came first; a commit notice for CSN c only after CSN c - 1. So the
/// receiver may apply only a gap-free prefix of a session. It counts the items of each open
/// session and ends the session at the first item that is not the next one.
struct IncomingSession: Sendable {
    let number: UInt64
    let sender: Identifier
    var nextIndex = 0
}

extension Replica {
    /// At most this many sessions stay open at once. A session whose request or last items
    /// were lost never ends by itself; dropping the oldest only discards its late items,
    /// which is always safe (the next session resends what they carried).
    static let openSessionLimit = 32

    /// Starts a tracked session in which `sender` sends to this replica: the request to send it.
    ///
    /// Each session gets a new number, so items of an earlier session from the same sender
    /// (still in flight, or overtaken) can never be taken for items of this one.
    public mutating func openSession(from sender: Identifier) -> AntiEntropyRequest {
        AntiEntropyRequest(receiver: id, versionVector: versionVector, highestCSN: highestCSN,
                           session: startSession(from: sender))
    }

    /// `openSession(from:)` without making the request; returns the session's number
    /// (for `sync(from:)`, whose sender reads this replica's table directly).
    mutating func startSession(from sender: Identifier) -> UInt64 {
        sessionsOpened += 1
        if openSessions.count >= Self.openSessionLimit { openSessions.removeFirst() }
        openSessions.append(IncomingSession(number: sessionsOpened, sender: sender))
        return sessionsOpened
    }

    /// The sessions still open, oldest first (for tests and display).
    public var openSessionNumbers: [UInt64] { openSessions.map(\.number) }

    /// Checks that `item` is the next item of an open session; nil if it may be applied.
    ///
    /// A gap ends the session: the item and all that follow it are discarded. The end of
    /// a session closes it.
    mutating func admitToSession(_ item: AntiEntropyItem) -> ReceiveRejection? {
        // Linear: a replica has a handful of sessions open at most. The newest is tried
        // first: it is the one whose items usually arrive (every item pays this search).
        guard let position = openSessionIndex(item.session, sender: item.sender)
        else { return .sessionClosed(session: item.session) }
        let expected = openSessions[position].nextIndex
        guard item.index == expected else {
            openSessions.remove(at: position)
            return .sessionGap(session: item.session, expected: expected, got: item.index)
        }
        if case .endOfSession = item.payload {
            openSessions.remove(at: position)
        } else {
            openSessions[position].nextIndex += 1
        }
        return nil
    }

    private func openSessionIndex(_ number: UInt64, sender: Identifier) -> Int? {
        var position = openSessions.count - 1
        while position >= 0 {
            if openSessions[position].number == number {
                return openSessions[position].sender == sender ? position : nil
            }
            position -= 1
        }
        return nil
    }

    /// Ends a session early: nothing more of it is applied.
    mutating func closeSession(_ number: UInt64) {
        openSessions.removeAll { $0.number == number }
    }
}
