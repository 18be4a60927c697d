/// Each command's form as script.md writes it: one table for the parser's `usage:` ends
/// of its missing- and unexpected-word errors and for the terminal view's help, so the
/// two cannot disagree. (`join 50` said only "join is missing 'via'"; the help listed
/// bare names, so a first-time user learned the syntax from errors.)
extension Parser {
    /// In the order of `commandNames`: every command has exactly one form.
    public static let commandForms: [(name: String, form: String)] = [
        ("bits", "bits M"),
        ("seed", "seed N"),
        ("successors", "successors R"),
        ("add", "add SPEC..."),
        ("join-mode", "join-mode eager|stabilize"),
        ("join", "join SPEC via NODE"),
        ("stabilize", "stabilize [NODE]"),
        ("fix-fingers", "fix-fingers [NODE]"),
        ("check-predecessor", "check-predecessor [NODE]"),
        ("settle", "settle"),
        ("store", "store KEY..."),
        ("fail", "fail NODE"),
        ("leave", "leave NODE"),
        ("lookup", "lookup KEY from NODE"),
        ("primary", "primary NODE"),
        ("write", "write NODE put KEY VALUE|delete KEY|book SLOT[,SLOT...] for WHO [at T]"),
        ("sync", "sync A B | sync A -> B"),
        ("commit", "commit"),
        ("dump", "dump"),
        ("say", "say TEXT..."),
        ("pause", "pause"),
        ("latency", "latency MIN..MAX"),
        ("timeout", "timeout T"),
        ("loss", "loss P"),
        ("partition", "partition NODE,NODE... | NODE,NODE... [| ...]"),
        ("heal", "heal"),
        ("recover", "recover NODE via OTHER"),
        ("async", "async COMMAND..."),
        ("step", "step [N]"),
        ("deliver", "deliver mID"),
        ("drop", "drop mID"),
        ("wait", "wait"),
        ("next", "next"),
        ("invariants", "invariants"),
        ("maintenance", "maintenance original|zave"),
        ("select", "select NODE"),
        ("focus", "focus chord|bayou|time|store|all"),
        ("highlight", "highlight [NODE...]"),
        ("replication", "replication N"),
        ("quorum", "quorum W R"),
        ("lookup-mode", "lookup-mode recursive|iterative"),
        ("put", "put KEY VALUE from NODE"),
        ("get", "get KEY from NODE"),
        ("store-mode", "store-mode strict|dynamo"),
        ("vnodes", "vnodes V"),
        ("handoff", "handoff [NODE]"),
        ("merkle-sync", "merkle-sync A B"),
    ]

    /// `command`'s form, for the end of an error: "; usage: join SPEC via NODE", or
    /// "; commit takes no arguments" for a command that has none.
    static func usage(of command: String) -> String {
        guard let entry = commandForms.first(where: { $0.name == command }) else { return "" }
        return entry.form == command ? "; \(command) takes no arguments" : "; usage: " + entry.form
    }
}
