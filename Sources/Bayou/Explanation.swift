import RingsideKernel

/// One-line teaching captions for anti-entropy messages.
extension AntiEntropyRequest {
    /// `A asks: VV A:12 B:5, CSN 0`
    public func explanation(name: (Identifier) -> String) -> String {
        let vector = versionVector.entries.isEmpty
            ? "empty" : SlideNotation.versionVector(versionVector, name: name)
        return "\(name(receiver)) asks for what it lacks: its VV is \(vector), its highest CSN \(highestCSN)"
    }
}

extension AntiEntropyItem {
    /// The item as its receiver finds it: the version-vector entry and CSN it quotes are the
    /// receiver's own on arrival. The sender reckoned them from the request, advanced by the
    /// items before this one; when one of those was lost, that reckoning was wrong (user
    /// test: "B's VV[A]=4" where B's entry was 3).
    public func arriving(at versionVector: VersionVector, highestCSN: UInt64) -> AntiEntropyItem {
        let quoted: Payload
        switch payload {
        case let .write(write, _, _):
            quoted = .write(write, receiverTimestamp: versionVector[write.origin], receiverCSN: highestCSN)
        case let .commitNotice(csn, stamp, _):
            quoted = .commitNotice(csn: csn, stamp: stamp, receiverTimestamp: versionVector[stamp.origin])
        case .endOfSession:
            return self
        }
        return AntiEntropyItem(sender: sender, receiver: receiver, session: session, index: index, payload: quoted)
    }

    /// `sending ∞:13:B D(Y) (P's VV[B]=5)`, `commit notice 3:5:B (A holds it: A's VV[B]=5)`
    ///
    /// The receiver's version-vector entry and CSN are quoted as they stand when the item
    /// arrives, so each caption shows why this item is new to the receiver at that moment.
    public func explanation(name: (Identifier) -> String) -> String {
        let to = name(receiver)
        switch payload {
        case .write(let write, let receiverTimestamp, let receiverCSN):
            let text = SlideNotation.write(write, name: name)
            let vv = "\(to)'s VV[\(name(write.origin))]=\(receiverTimestamp)"
            if write.csn != nil { return "sending \(text) (\(to)'s CSN=\(receiverCSN), \(vv))" }
            return "sending \(text) (\(vv))"
        case .commitNotice(let csn, let stamp, let receiverTimestamp):
            let text = SlideNotation.stamp(csn: csn, stamp: stamp, name: name)
            return "commit notice \(text) (\(to) holds it: \(to)'s VV[\(name(stamp.origin))]=\(receiverTimestamp))"
        case .endOfSession(let writes, let notices):
            let w = writes == 1 ? "1 write" : "\(writes) writes"
            let n = notices == 1 ? "1 commit notice" : "\(notices) commit notices"
            return "end of session \(name(sender)) → \(to): \(w), \(n)"
        }
    }
}
