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

/// One command of the script language (script.md, version 1).
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
}

/// A parsed command with where it came from.
public struct Statement: Equatable, Sendable {
    public var command: Command
    public var line: Int
    public var column: Int
    /// The command as written, without its comment or surrounding blanks (for the event log).
    public var text = ""
}
