import Bayou

/// Upper bounds on everything a script can ask for ("put a limit on everything").
/// Each error that enforces one names the bound, so a student sees what is allowed.
public enum Limits {
    public static let successorListLengthMax = 1024
    public static let clockMax = Replica.timestampMax
    /// Nodes a script may create; the benchmark builds its rings directly. The memory
    /// budget (MemoryBudget) may stop a ring sooner when successor lists are long.
    public static let nodesMax = 2_000_000
    public static let eventsKept = 2_000

    // Version 2. Virtual time is counted in UInt64 ms and clocks stop at 2^53, so these
    // keep even a long run far from overflow while allowing any lecture-sized setting.

    /// A minute of virtual time per message is already far slower than any lecture needs.
    public static let latencyMax: UInt64 = 60_000
    /// Ten minutes of virtual time before a sender gives up.
    public static let timeoutMax: UInt64 = 600_000
    /// Messages one `step` may deliver; `wait` delivers everything without a bound.
    public static let stepMax = 1_000_000
    /// Replica-set size; Dynamo's papers use 3, so 32 leaves room to experiment.
    public static let replicationMax = 32
    /// Ring positions per node in Dynamo mode; each costs an id per node in memory.
    public static let vnodesMax = 64
}
