import RingsideKernel

/// A reference to a node as written in a script: its decimal id or its name.
/// Resolved when the command runs, since nodes come and go.
public struct NodeRef: Equatable, Sendable {
    public var token: Token
    public init(_ token: Token) { self.token = token }
}

/// How a node to be created was written: `ID`, `NAME` (id = hash(NAME)) or `NAME=ID`.
public struct NodeSpec: Equatable, Sendable {
    public enum Form: Equatable, Sendable {
        case id(Identifier)
        case name(String)
        case named(String, Identifier)
    }
    public var form: Form
    public var token: Token
}

/// A key as written: a decimal id, or any other token, which is hashed.
public struct KeySpec: Equatable, Sendable {
    public enum Form: Equatable, Sendable {
        case id(Identifier)
        case hashed(String)
    }
    public var form: Form
    public var token: Token
}

/// A Bayou operation as written after `write NODE`.
public enum WriteSpec: Equatable, Sendable {
    case put(key: String, value: String)
    case delete(key: String)
    case book(slots: [String], who: String)
}

/// The panels `focus` can fill the screen with.
public enum FocusTarget: String, Sendable, CaseIterable {
    case chord, bayou, time, store, all
}

/// One command of the script language (script.md, versions 1 and 2).
public enum Command: Equatable, Sendable {
    case bits(Int)
    case seed(UInt64)
    case successors(Int)
    case add([NodeSpec])
    case joinMode(eager: Bool)
    case join(NodeSpec, via: NodeRef)
    case stabilize(NodeRef?)
    case fixFingers(NodeRef?)
    case checkPredecessor(NodeRef?)
    case settle
    case store([KeySpec])
    case fail(NodeRef)
    case leave(NodeRef)
    case lookup(KeySpec, from: NodeRef)
    case primary(NodeRef)
    case write(NodeRef, WriteSpec, at: UInt64?)
    case sync(NodeRef, NodeRef, oneWay: Bool)
    case commit
    case dump
    case say(String)
    case pause
    // Version 2: network and faults
    case latency(min: UInt64, max: UInt64)
    case timeout(UInt64)
    case loss(Double)                       // 0 ... 1
    case partition([[NodeRef]])             // `partition 10,32 | 60,90`; spaces around `,` and `|` are optional
    case heal
    case recover(NodeRef, via: NodeRef)
    // Version 2: messages one at a time
    indirect case async(Command)            // `async lookup 15 from 90`; never nested, never empty
    case step(Int)                          // default 1, 1 ... Limits.stepMax
    case deliver(UInt64, column: Int)       // `deliver m12` → 12; column: where `m12` is written
    case drop(UInt64, column: Int)          // (a "not in flight" error points there)
    case wait
    /// `next` (Ringside's extension): the one next event in (time, sequence) order, as the
    /// terminal view's `n` runs it: an action of a command that may start, a message's
    /// arrival, or a transport timer. `step` delivers messages and fires timers only on its
    /// way to one, so a session recording needs `next` for a timer with nothing in flight
    /// and for actions begun after the last message stepped.
    case nextEvent
    // Version 2: invariants and maintenance
    case invariants
    case maintenance(zave: Bool)
    // Version 2: view control
    case select(NodeRef)
    case focus(FocusTarget)
    case highlight([NodeRef])               // may be empty: clears the highlight
    // Version 2: key-value storage
    case replication(Int)
    case quorum(w: Int, r: Int)             // checked against `replication` when it runs
    case lookupMode(iterative: Bool)
    case put(KeySpec, value: String, from: NodeRef)
    case get(KeySpec, from: NodeRef)
    case storeMode(dynamo: Bool)
    case vnodes(Int)
    case handoff(NodeRef?)
    case merkleSync(NodeRef, NodeRef)
}

/// A parsed command with where it came from.
public struct Statement: Equatable, Sendable {
    public var command: Command
    public var line: Int
    public var column: Int
    /// The command as written, without its comment or surrounding blanks (for the event log).
    public var text = ""
}

extension Command {
    /// True for `async COMMAND`: it starts and the script goes on at once.
    public var isAsync: Bool {
        if case .async = self { return true }
        return false
    }
}

extension Command {
    /// `select`, `focus` and `highlight`: the terminal view acts on them; headless they
    /// change nothing (a node they name that does not exist included).
    public var isViewControl: Bool {
        switch self {
        case .select, .focus, .highlight: return true
        default: return false
        }
    }
}
