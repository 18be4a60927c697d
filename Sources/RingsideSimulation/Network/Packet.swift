import Chord
import RingsideKernel

/// A message's number in the run: `mN` in scripts, `msg` in the event log.
public typealias MessageID = UInt64

/// One message on the wire, with what the network needs to deliver it or to tell its
/// sender that it never arrived.
public struct Packet: Sendable {
    public var id: MessageID
    public var from: NodeIndex
    public var to: NodeIndex
    public var payload: WorldMessage
    public var sentAt: VirtualTime
    /// When it arrives if nothing intervenes.
    public var due: VirtualTime
    /// When the transport's timer fires if it has not been delivered by then.
    public var timerAt: VirtualTime
    /// The command whose work sent it (its completion waits for this message).
    var cause: Int

    /// A latency longer than the timeout: the timer was pushed at send time.
    var timerPushedAtSend: Bool { due > timerAt }
}
