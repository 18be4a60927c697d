import RingsideKernel

/// Turns script text into commands, with errors a student can act on.
public enum Parser {
    /// The command names, for help and "did you mean" messages.
    public static let commandNames = commandForms.map(\.name)

    /// Parses one line; nil for blank and comment-only lines.
    public static func parse(line text: Substring, number: Int) throws(ScriptError) -> Statement? {
        let tokens = Lexer.tokens(of: text)
        guard let head = tokens.first else { return nil }
        do {
            let command = try parse(head: head, tokens: tokens, line: text)
            return Statement(command: command, line: number, column: head.column,
                             text: Lexer.withoutComment(String(text)))
        } catch var error {
            error.line = number
            throw error
        }
    }

    /// Parses a whole script; stops at the first error.
    public static func parse(script: String) throws(ScriptError) -> [Statement] {
        var statements: [Statement] = []
        var number = 0
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if let statement = try parse(line: line, number: number) { statements.append(statement) }
        }
        return statements
    }

    static func parse(head: Token, tokens: [Token], line: Substring) throws(ScriptError) -> Command {
        var args = Arguments(tokens: Array(tokens.dropFirst()), head: head)
        let command: Command
        switch head.text {
        case "bits":
            let token = try args.next("the number of bits (1 to 160)")
            guard let m = wholeNumber(token.text).flatMap({ Int(exactly: $0) }), IdentifierSpace.bitsRange.contains(m) else {
                throw ScriptError(column: token.column, "bits must be a whole number from 1 to 160, not '\(token.text)'")
            }
            command = .bits(m)
        case "seed":
            let token = try args.next("a seed (a whole number)")
            guard let seed = wholeNumber(token.text) else {
                throw ScriptError(column: token.column, "seed must be a whole number from 0 to 18446744073709551615, not '\(token.text)'")
            }
            command = .seed(seed)
        case "successors":
            let token = try args.next("the successor-list length R")
            guard let r = wholeNumber(token.text).flatMap({ Int(exactly: $0) }), r >= 1, r <= Limits.successorListLengthMax else {
                throw ScriptError(column: token.column, "successors takes a length from 1 to \(Limits.successorListLengthMax), not '\(token.text)'")
            }
            command = .successors(r)
        case "add":
            var specs: [NodeSpec] = []
            while let token = args.optional() { specs.append(try nodeSpec(token)) }
            guard !specs.isEmpty else {
                throw ScriptError(column: head.column, "add needs at least one node: an ID, a NAME or NAME=ID")
            }
            command = .add(specs)
        case "join-mode":
            let token = try args.next("'eager' or 'stabilize'")
            switch token.text {
            case "eager": command = .joinMode(eager: true)
            case "stabilize": command = .joinMode(eager: false)
            default: throw ScriptError(column: token.column, "join-mode is 'eager' or 'stabilize', not '\(token.text)'")
            }
        case "join":
            let spec = try nodeSpec(try args.next("the new node: an ID, a NAME or NAME=ID"))
            try args.keyword("via")
            command = .join(spec, via: try nodeRef(try args.next("the node to join through")))
        case "stabilize":
            command = .stabilize(try args.optional().map(nodeRef))
        case "fix-fingers":
            command = .fixFingers(try args.optional().map(nodeRef))
        case "check-predecessor":
            command = .checkPredecessor(try args.optional().map(nodeRef))
        case "settle":
            command = .settle
        case "store":
            var keys: [KeySpec] = []
            while let token = args.optional() { keys.append(try keySpec(token)) }
            guard !keys.isEmpty else { throw ScriptError(column: head.column, "store needs at least one key") }
            command = .store(keys)
        case "fail":
            command = .fail(try nodeRef(try args.next("the node that crashes")))
        case "leave":
            command = .leave(try nodeRef(try args.next("the node that leaves")))
        case "lookup":
            let key = try keySpec(try args.next("the key to look up"))
            try args.keyword("from")
            command = .lookup(key, from: try nodeRef(try args.next("the node the lookup starts at")))
        case "primary":
            command = .primary(try nodeRef(try args.next("the replica that commits")))
        case "write":
            command = try write(&args)
        case "sync":
            let a = try nodeRef(try args.next("two replicas: sync A B, or sync A -> B"))
            if let arrow = args.peek(), arrow.text == "->" {
                _ = args.optional()
                command = .sync(a, try nodeRef(try args.next("the receiving replica after '->'")), oneWay: true)
            } else {
                command = .sync(a, try nodeRef(try args.next("a second replica: sync A B, or sync A -> B")), oneWay: false)
            }
        case "commit":
            command = .commit
        case "dump":
            command = .dump
        case "say":
            return .say(Lexer.rest(of: line, after: head))
        case "pause":
            command = .pause
        default:
            guard let version2 = try version2(head: head, tokens: tokens, args: &args, line: line) else {
                throw ScriptError(column: head.column, unknownCommandMessage(head.text))
            }
            command = version2
        }
        try args.end()
        return command
    }

    private static func write(_ args: inout Arguments) throws(ScriptError) -> Command {
        let node = try nodeRef(try args.next("the replica that accepts the write"))
        let verb = try args.next("'put KEY VALUE', 'delete KEY' or 'book SLOT[,SLOT...] for WHO'")
        let spec: WriteSpec
        switch verb.text {
        case "put":
            let key = try args.next("the key to put")
            let value = try args.next("the value to put")
            spec = .put(key: key.text, value: value.text)
        case "delete":
            spec = .delete(key: try args.next("the key to delete").text)
        case "book":
            let slotsToken = try args.next("the slots to try, e.g. r1@10,r1@11")
            let slots = slotsToken.text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !slots.contains(where: \.isEmpty) else {
                throw ScriptError(column: slotsToken.column, "slots are separated by single commas, e.g. r1@10,r1@11")
            }
            try args.keyword("for")
            spec = .book(slots: slots, who: try args.next("who the room is booked for").text)
        default:
            throw ScriptError(column: verb.column, "a write is 'put KEY VALUE', 'delete KEY' or 'book SLOT[,SLOT...] for WHO', not '\(verb.text)'")
        }
        var at: UInt64?
        if let word = args.peek(), word.text == "at" {
            _ = args.optional()
            let time = try args.next("a clock value after 'at'")
            guard let t = wholeNumber(time.text), t <= Limits.clockMax else {
                throw ScriptError(column: time.column, "'at' takes a clock value from 0 to \(Limits.clockMax), not '\(time.text)'")
            }
            at = t
        }
        return .write(node, spec, at: at)
    }

    /// `ID`, `NAME` or `NAME=ID`. A word that starts like a number must be an id:
    /// `add -3` or `add 1abc` is an error, never a node called "-3".
    static func nodeSpec(_ token: Token) throws(ScriptError) -> NodeSpec {
        let scalars = token.text.unicodeScalars
        if let equals = scalars.firstIndex(of: "=") {
            let name = String(scalars[..<equals])
            let idText = String(scalars[scalars.index(after: equals)...])
            guard isValidName(name) else {
                throw ScriptError(column: token.column, "'\(name)' is not a usable node name: a name starts with a letter or '_' (and has no '=')")
            }
            guard !hasControl(name) else {
                throw ScriptError(column: token.column, "'\(name)' is not a usable node name: it holds a control character")
            }
            let idColumn = token.column + name.unicodeScalars.count + 1
            guard isDecimal(idText) else {
                throw ScriptError(column: idColumn, "'\(idText)' is not a node id: an id is a whole number such as 42, with no sign")
            }
            guard let id = Identifier(decimal: idText) else {
                throw ScriptError(column: idColumn, "'\(idText)' is too large for an id")
            }
            return NodeSpec(form: .named(name, id), token: token)
        }
        if startsLikeNumber(token.text) {
            guard isDecimal(token.text) else {
                throw ScriptError(column: token.column, "'\(token.text)' is neither a node id (a whole number, no sign) nor a name (a name starts with a letter or '_')")
            }
            guard let id = Identifier(decimal: token.text) else {
                throw ScriptError(column: token.column, "'\(token.text)' is too large for an id")
            }
            return NodeSpec(form: .id(id), token: token)
        }
        guard isValidName(token.text) else {
            throw ScriptError(column: token.column, "'\(token.text)' is not a usable node name: a name starts with a letter or '_'")
        }
        guard !hasControl(token.text) else {
            throw ScriptError(column: token.column, "'\(token.text)' is not a usable node name: it holds a control character")
        }
        return NodeSpec(form: .name(token.text), token: token)
    }

    /// A decimal id, or any other word, which is hashed; but a word that starts like a
    /// number must be one (`lookup -3 from 10` is a mistake, not the key "-3").
    static func keySpec(_ token: Token) throws(ScriptError) -> KeySpec {
        if let id = Identifier(decimal: token.text) { return KeySpec(form: .id(id), token: token) }
        if isDecimal(token.text) {
            throw ScriptError(column: token.column, "key \(token.text) is too large for a 160-bit identifier space")
        }
        if startsLikeNumber(token.text) {
            throw ScriptError(column: token.column, "'\(token.text)' is not a key: a key is a whole number (no sign), or a word to hash that does not start with a digit, '+' or '-'")
        }
        return KeySpec(form: .hashed(token.text), token: token)
    }

    private static func unknownCommandMessage(_ word: String) -> String {
        // Only a distance of at most 2 earns a hint, so each distance is computed once and
        // given up past 2: a long garbage word (a fuzzer's, or a pasted paragraph) costs a
        // length comparison per command name, not a full table each.
        let typed = Array(word)
        var close = ""
        var closest = Int.max
        for name in commandNames {
            let distance = editDistance(Array(name), typed, limit: 2)
            if distance < closest { (close, closest) = (name, distance) }
        }
        let hint = closest <= 2 ? " (did you mean '\(close)'?)" : ""
        return "unknown command '\(word)'\(hint); commands are \(commandNames.joined(separator: " "))"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b), limit: Int.max - 1)
    }

    /// Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            // Every later row is at least this row's minimum.
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], limit + 1)
    }
}

/// The remaining words of a command, consumed left to right.
struct Arguments {
    var tokens: [Token]
    var head: Token
    var position = 0

    mutating func next(_ what: String) throws(ScriptError) -> Token {
        guard position < tokens.count else {
            let column = tokens.last.map { $0.column + $0.width + 1 } ?? head.column + head.width + 1
            throw ScriptError(column: column, "\(head.text) is missing \(what)" + Parser.usage(of: head.text))
        }
        position += 1
        return tokens[position - 1]
    }

    mutating func optional() -> Token? {
        guard position < tokens.count else { return nil }
        position += 1
        return tokens[position - 1]
    }

    func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

    mutating func keyword(_ word: String) throws(ScriptError) {
        let token = try next("'\(word)'")
        guard token.text == word else {
            throw ScriptError(column: token.column, "expected '\(word)' here, found '\(token.text)'" + Parser.usage(of: head.text))
        }
    }

    func end() throws(ScriptError) {
        guard position < tokens.count else { return }
        let extra = tokens[position]
        throw ScriptError(column: extra.column, "unexpected '\(extra.text)' after \(head.text)" + Parser.usage(of: head.text))
    }
}
