import RingsideKernel

/// The commands script.md adds in version 2: network and faults, messages one at a
/// time, invariants and maintenance, view control, and key-value storage.
extension Parser {
    /// The version-2 command `head` names, or nil when it names none (an unknown command).
    static func version2(head: Token, tokens: [Token], args: inout Arguments, line: Substring) throws(ScriptError) -> Command? {
        switch head.text {
        // Network and faults
        case "latency":
            return try latency(try args.next("the latency range MIN..MAX in virtual ms, e.g. 1..9"))
        case "timeout":
            let token = try args.next("the timeout in virtual ms")
            return .timeout(try count(token, 1...Limits.timeoutMax, "timeout (in virtual ms)"))
        case "loss":
            return .loss(try probability(try args.next("the loss probability, from 0 to 1")))
        case "partition":
            var rest: [Token] = []
            while let token = args.optional() { rest.append(token) }
            return .partition(try partitionGroups(rest, head: head))
        case "heal":
            return .heal
        case "recover":
            let node = try nodeRef(try args.next("the failed node that restarts"))
            try args.keyword("via")
            return .recover(node, via: try nodeRef(try args.next("the node to join through")))
        // Messages one at a time
        case "async":
            let rest = Array(tokens.dropFirst())
            guard let inner = rest.first else {
                throw ScriptError(column: head.column + head.width + 1, "async is missing the command to start, e.g. async lookup 15 from 90")
            }
            guard inner.text != "async" else {
                throw ScriptError(column: inner.column, "async starts one command; 'async async' means nothing more than 'async'")
            }
            let command = try parse(head: inner, tokens: rest, line: line)
            args.position = args.tokens.count  // the inner command checked its own words
            return .async(command)
        case "step":
            guard let token = args.optional() else { return .step(1) }
            return .step(Int(try count(token, 1...UInt64(Limits.stepMax), "step")))
        case "deliver":
            let token = try args.next("the message to deliver, e.g. m12")
            return .deliver(try messageID(token, head: head), column: token.column)
        case "drop":
            let token = try args.next("the message to lose, e.g. m12")
            return .drop(try messageID(token, head: head), column: token.column)
        case "wait":
            return .wait
        case "next":
            return .nextEvent
        // Invariants and maintenance
        case "invariants":
            return .invariants
        case "maintenance":
            let zave = try choice(try args.next("'original' or 'zave'"), ["original": false, "zave": true], head: head)
            return .maintenance(zave: zave)
        // View control
        case "select":
            return .select(try nodeRef(try args.next("the node to select")))
        case "focus":
            let token = try args.next("the panels to show: chord, bayou, time, store or all")
            guard let target = FocusTarget(rawValue: token.text) else {
                throw ScriptError(column: token.column, "focus is chord, bayou, time, store or all, not '\(token.text)'")
            }
            return .focus(target)
        case "highlight":
            var nodes: [NodeRef] = []
            while let token = args.optional() { nodes.append(try nodeRef(token)) }
            return .highlight(nodes)
        // Key-value storage
        case "replication":
            let token = try args.next("the replica-set size N")
            return .replication(Int(try count(token, 1...UInt64(Limits.replicationMax), "replication")))
        case "quorum":
            let range = 1...UInt64(Limits.replicationMax)
            let w = try count(try args.next("the write quorum W and the read quorum R"), range, "quorum W")
            let r = try count(try args.next("the read quorum R"), range, "quorum R")
            return .quorum(w: Int(w), r: Int(r))
        case "lookup-mode":
            let iterative = try choice(try args.next("'recursive' or 'iterative'"), ["recursive": false, "iterative": true], head: head)
            return .lookupMode(iterative: iterative)
        case "put":
            let key = try keySpec(try args.next("the key to put"))
            let value = try args.next("the value to put")
            try args.keyword("from")
            return .put(key, value: value.text, from: try nodeRef(try args.next("the node that coordinates the put")))
        case "get":
            let key = try keySpec(try args.next("the key to get"))
            try args.keyword("from")
            return .get(key, from: try nodeRef(try args.next("the node that coordinates the get")))
        case "store-mode":
            let dynamo = try choice(try args.next("'strict' or 'dynamo'"), ["strict": false, "dynamo": true], head: head)
            return .storeMode(dynamo: dynamo)
        case "vnodes":
            let token = try args.next("the number of ring positions per node")
            return .vnodes(Int(try count(token, 1...UInt64(Limits.vnodesMax), "vnodes")))
        case "handoff":
            return .handoff(try args.optional().map(nodeRef))
        case "merkle-sync":
            let a = try nodeRef(try args.next("two nodes: merkle-sync A B"))
            let b = try nodeRef(try args.next("a second node: merkle-sync A B"))
            guard a.token.text != b.token.text else {
                throw ScriptError(column: b.token.column, "merkle-sync compares two different nodes, not \(a.token.text) with itself")
            }
            return .merkleSync(a, b)
        default:
            return nil
        }
    }

    /// `MIN..MAX`, written as one word: 1 <= MIN <= MAX <= Limits.latencyMax.
    static func latency(_ token: Token) throws(ScriptError) -> Command {
        let form = "latency is written MIN..MAX in virtual ms, e.g. latency 1..9 (a fixed latency: 5..5)"
        guard let dots = token.text.firstRange(of: "..") else {
            throw ScriptError(column: token.column, "\(form), not '\(token.text)'")
        }
        let minText = String(token.text[..<dots.lowerBound])
        let maxText = String(token.text[dots.upperBound...])
        let maxColumn = token.column + minText.unicodeScalars.count + 2
        guard let min = wholeNumber(minText) else {
            throw ScriptError(column: token.column, "\(form), not '\(token.text)'")
        }
        guard let max = wholeNumber(maxText) else {
            throw ScriptError(column: maxColumn, "\(form), not '\(token.text)'")
        }
        guard min >= 1 else {
            throw ScriptError(column: token.column, "a message takes at least 1 virtual ms, so MIN in latency MIN..MAX is 1 or more")
        }
        guard min <= max else {
            throw ScriptError(column: token.column, "latency MIN..MAX needs MIN <= MAX, not \(token.text)")
        }
        guard max <= Limits.latencyMax else {
            throw ScriptError(column: maxColumn, "latency is at most \(Limits.latencyMax) virtual ms, not \(maxText)")
        }
        return .latency(min: min, max: max)
    }

    /// A decimal from 0 to 1 such as `0`, `1`, `0.25` or `.5`. Swift's `Double("nan")`,
    /// `"1e-3"` or `"+0.5"` are not in the language, so the form is checked first.
    static func probability(_ token: Token) throws(ScriptError) -> Double {
        let parts = token.text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let wellFormed = (whole.isEmpty || isDecimal(whole)) && (fraction.isEmpty || isDecimal(fraction))
            && !(whole.isEmpty && fraction.isEmpty)
        // Judged on the digits: 1.0000000000000000001 is past 1 though it reads as the double 1.
        let units = whole.drop { $0 == "0" }
        let atMostOne = units.isEmpty || (units == "1" && fraction.allSatisfy { $0 == "0" })
        guard wellFormed, atMostOne, let p = Double(token.text), p >= 0, p <= 1 else {
            throw ScriptError(column: token.column, "loss is a probability from 0 to 1 such as 0.1, not '\(token.text)'")
        }
        return p
    }

    /// `mN` as the trace prints it. Any `m` and digits is taken, even `m0` or an N past
    /// 2^64 (read as the largest id): no such message is ever in flight, and the run's
    /// error then names the ids that are, as script.md asks of an id not in flight.
    static func messageID(_ token: Token, head: Token) throws(ScriptError) -> UInt64 {
        let text = token.text
        if text.hasPrefix("m"), isDecimal(String(text.dropFirst())) {
            return wholeNumber(String(text.dropFirst())) ?? .max
        }
        if isDecimal(text) {
            throw ScriptError(column: token.column, "\(head.text) takes a message id as the trace shows it, m\(text), not '\(text)'")
        }
        throw ScriptError(column: token.column, "'\(text)' is not a message id; ids are m1, m2, ... as the trace shows them")
    }

    /// One of a few keywords.
    static func choice<T>(_ token: Token, _ options: KeyValuePairs<String, T>, head: Token) throws(ScriptError) -> T {
        if let match = options.first(where: { $0.key == token.text }) { return match.value }
        let names = options.map { "'\($0.key)'" }.joined(separator: " or ")
        throw ScriptError(column: token.column, "\(head.text) is \(names), not '\(token.text)'")
    }
}
