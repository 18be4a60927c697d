import RingsideUI

/// One input from curses before it becomes a `Key`: a character code (`get_wch` returned
/// OK) or a key curses recognised itself (KEY_CODE_YES), already translated.
enum RawInput: Equatable {
    case character(UInt32)
    case key(Key?)
}

/// VT escape sequences curses hands over raw: when the terminfo entry lacks a key's
/// sequence (tmux with TERM=xterm-256color sends End as `ESC [ 4 ~`, Home as
/// `ESC [ 1 ~`), curses returns Esc and then the sequence's characters one by one, and
/// the app would read Esc, `[`, `4`, `~`. This decodes them, pure over the codes, so it
/// can be tested without a terminal.
enum EscapeSequence {
    static let escape: UInt32 = 27

    /// What the codes after an Esc are.
    enum Outcome: Equatable {
        /// A whole CSI (`ESC [`) or SS3 (`ESC O`) sequence of `consumed` codes, and its
        /// key; nil for a sequence Ringside does not know, swallowed whole.
        case key(Key?, consumed: Int)
        /// Not a sequence: the Esc stands alone, the codes are keys of their own.
        case notASequence
        /// A sequence begun and not ended yet (or only the Esc so far): read on.
        case incomplete
    }

    /// The longest sequence read; a longer run of parameter bytes is swallowed.
    static let lengthMax = 32

    /// Decodes the codes that follow an Esc.
    static func decode(afterEscape codes: ArraySlice<UInt32>) -> Outcome {
        guard let introducer = codes.first else { return .incomplete }
        guard introducer == 0x5B || introducer == 0x4F else { return .notASequence }  // `[` or `O`
        var index = codes.startIndex + 1
        while index < codes.endIndex {
            let code = codes[index]
            let consumed = index - codes.startIndex + 1
            if (0x40...0x7E).contains(code) {
                let parameters = String(decoding: codes[(codes.startIndex + 1)..<index].map { UInt8($0) }, as: UTF8.self)
                return .key(key(final: code, parameters: parameters, ss3: introducer == 0x4F), consumed: consumed)
            }
            // Parameter and intermediate bytes go on; anything else breaks the sequence,
            // which is swallowed up to that code (the code itself is a key of its own).
            guard (0x20...0x3F).contains(code) else { return .key(nil, consumed: consumed - 1) }
            if consumed >= lengthMax { return .key(nil, consumed: consumed) }
            index += 1
        }
        return .incomplete
    }

    /// The key of a sequence with final byte `final` and parameters like `4` or `1;5`.
    static func key(final: UInt32, parameters: String, ss3: Bool) -> Key? {
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first.flatMap { Int($0) }
        switch Unicode.Scalar(final).map(Character.init) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return ss3 ? nil : .backTab
        case "P": return ss3 || first != nil ? .function(1) : nil
        case "Q": return ss3 || first != nil ? .function(2) : nil
        case "R": return ss3 || first != nil ? .function(3) : nil
        case "S": return ss3 || first != nil ? .function(4) : nil
        case "~":
            guard !ss3, let first else { return nil }
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 2: return .insert
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(first - 10)
            case 17...21: return .function(first - 11)
            case 23, 24: return .function(first - 12)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The next key, starting from `first`: an Esc reads what follows it with `more`
    /// (nil: nothing more within the escape delay) and decodes a sequence; the input it
    /// read past the key goes back through `pushBack`, in order, to be read next. Nil
    /// for an unknown sequence (swallowed) or an input that is no key.
    static func nextKey(startingWith first: RawInput, more: () -> RawInput?, pushBack: ([RawInput]) -> Void) -> Key? {
        guard first == .character(escape) else { return translate(first) }
        var codes: [UInt32] = []
        while true {
            switch decode(afterEscape: codes[...]) {
            case let .key(key, consumed):
                pushBack(codes[consumed...].map(RawInput.character))
                return key
            case .notASequence:
                pushBack(codes.map(RawInput.character))
                return .escape
            case .incomplete:
                guard let next = more() else {
                    pushBack(codes.map(RawInput.character))
                    return .escape
                }
                guard case let .character(code) = next else {
                    pushBack(codes.map(RawInput.character) + [next])
                    return .escape
                }
                codes.append(code)
            }
        }
    }

    /// Every key of `inputs`, read as the terminal reader reads them (no more input
    /// after the last: a trailing Esc stands alone). For tests and the fuzzer.
    static func keys(_ inputs: [RawInput]) -> [Key?] {
        var queue = inputs[...]
        var keys: [Key?] = []
        while let first = queue.popFirst() {
            keys.append(nextKey(startingWith: first, more: { queue.popFirst() },
                                pushBack: { queue = ($0 + queue)[...] }))
        }
        return keys
    }

    static func translate(_ input: RawInput) -> Key? {
        switch input {
        case let .character(code): return InputReader.translate(character: code)
        case let .key(key): return key
        }
    }
}
