import Chord
import RingsideKernel

/// One thing that happened in a run, as the event log of state.md records it.
/// Events name nodes by `NodeIndex` (cheap to record); exporters turn them into ids and
/// names at write time through `NodeLabels`, so recording never formats anything.
public struct SimulationEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case command, send, deliver, drop, timeout, note
    }

    /// Why a message never arrived (state.md's `reason`).
    public enum DropReason: String, Sendable {
        /// Random message loss.
        case loss
        /// A partition separated sender and receiver.
        case partition
        /// Removed by hand with `drop mID`.
        case dropped
        /// The receiver was down.
        case dead
    }

    /// 1-based position among recorded events; 0 until an `EventLog` records it.
    public var seq: UInt64 = 0
    /// Virtual milliseconds.
    public var time: VirtualTime
    public var kind: Kind
    public var msg: UInt64?
    public var from: NodeIndex?
    public var to: NodeIndex?
    public var node: NodeIndex?
    /// The message type, e.g. "find_successor".
    public var type: String?
    public var text: String?
    public var reason: DropReason?
    /// The script line of a `command`.
    public var line: Int?

    public init(time: VirtualTime, kind: Kind, msg: UInt64? = nil, from: NodeIndex? = nil, to: NodeIndex? = nil,
                node: NodeIndex? = nil, type: String? = nil, text: String? = nil, reason: DropReason? = nil,
                line: Int? = nil) {
        self.time = time
        self.kind = kind
        self.msg = msg
        self.from = from
        self.to = to
        self.node = node
        self.type = type
        self.text = text
        self.reason = reason
        self.line = line
    }

    /// A script statement began; `text` is the command as written (without its comment).
    public static func command(time: VirtualTime, line: Int, text: String) -> SimulationEvent {
        SimulationEvent(time: time, kind: .command, text: text, line: line)
    }

    public static func send(time: VirtualTime, msg: UInt64, from: NodeIndex, to: NodeIndex, type: String) -> SimulationEvent {
        SimulationEvent(time: time, kind: .send, msg: msg, from: from, to: to, type: type)
    }

    /// `text` is the receiver's one-line explanation, when the world narrates.
    public static func deliver(time: VirtualTime, msg: UInt64, from: NodeIndex, to: NodeIndex, type: String,
                               text: String? = nil) -> SimulationEvent {
        SimulationEvent(time: time, kind: .deliver, msg: msg, from: from, to: to, type: type, text: text)
    }

    public static func drop(time: VirtualTime, msg: UInt64, from: NodeIndex, to: NodeIndex, type: String,
                            reason: DropReason) -> SimulationEvent {
        SimulationEvent(time: time, kind: .drop, msg: msg, from: from, to: to, type: type, reason: reason)
    }

    /// `node` waited for `msg`'s answer in vain.
    public static func timeout(time: VirtualTime, msg: UInt64, node: NodeIndex, text: String) -> SimulationEvent {
        SimulationEvent(time: time, kind: .timeout, msg: msg, node: node, text: text)
    }

    /// An explanation not tied to one message (a caption, a crash, "settle: … stable").
    public static func note(time: VirtualTime, node: NodeIndex? = nil, text: String) -> SimulationEvent {
        SimulationEvent(time: time, kind: .note, node: node, text: text)
    }
}
