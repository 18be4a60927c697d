import RingsideInvariants

/// The first thing that went wrong in a checked run.
///
/// `name` is a script.md invariant (`AtMostOneRing`, `PrefixProperty`, ...) or one of the
/// checker's own properties: `LookupSafety` (a lookup answered a node that was down),
/// `BayouConvergence` and `IdealRing` (the eventual properties after quiescence),
/// `Termination` (a command still running after `CheckExecution.stepLimit` steps),
/// `ScriptError` (the engine rejected a generated command) and `Determinism` (the two
/// runs of a seed differ).
public struct CheckFailure: Sendable, Equatable {
    public var name: String
    public var detail: String
    /// The script line after which it was seen (1-based).
    public var line: Int

    public init(name: String, detail: String, line: Int) {
        self.name = name
        self.detail = detail
        self.line = line
    }

    /// As the `invariants` command prints a violation.
    public var text: String { "invariant violated: \(name): \(detail)" }

    /// Properties the `invariants` command itself reports (the others only `check` sees).
    public var isScriptInvariant: Bool {
        CheckExecution.chordInvariants.contains(name) || CheckExecution.bayouInvariants.contains(name)
            || StoreInvariants.names.contains(name)
    }
}
