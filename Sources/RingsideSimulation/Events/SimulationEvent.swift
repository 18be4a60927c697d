import Chord
import RingsideKernel

/// One thing that happened in a run (state.md, "Event log"). PROVISIONAL: replaced by the exports branch.
public struct SimulationEvent: Sendable, Equatable {
    public enum Kind: String, Sendable { case command, send, deliver, drop, timeout, note }
    public enum DropReason: String, Sendable { case loss, partition, dropped, dead }
    public var seq: UInt64 = 0
    public var time: VirtualTime
    public var kind: Kind
    public var msg: UInt64?
    public var from: NodeIndex?
    public var to: NodeIndex?
    public var node: NodeIndex?
    public var type: String?
    public var text: String?
    public var reason: DropReason?
    public var line: Int?

    public static func command(time: VirtualTime, line: Int, text: String) -> Self {
        .init(time: time, kind: .command, text: text, line: line)
    }
    public static func send(time: VirtualTime, msg: UInt64, from: NodeIndex, to: NodeIndex, type: String) -> Self {
        .init(time: time, kind: .send, msg: msg, from: from, to: to, type: type)
    }
    public static func deliver(time: VirtualTime, msg: UInt64, from: NodeIndex, to: NodeIndex, type: String, text: String?) -> Self {
        .init(time: time, kind: .deliver, msg: msg, from: from, to: to, type: type, text: text)
    }
    public static func drop(time: VirtualTime, msg: UInt64, from: NodeIndex, to: NodeIndex, type: String, reason: DropReason) -> Self {
        .init(time: time, kind: .drop, msg: msg, from: from, to: to, type: type, reason: reason)
    }
    public static func timeout(time: VirtualTime, msg: UInt64, node: NodeIndex, text: String) -> Self {
        .init(time: time, kind: .timeout, msg: msg, node: node, text: text)
    }
    public static func note(time: VirtualTime, node: NodeIndex?, text: String) -> Self {
        .init(time: time, kind: .note, node: node, text: text)
    }
}
