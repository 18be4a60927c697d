/// `partition G | G [| G ...]`, each G a comma-separated list of NODEs.
///
/// Spaces around `,` and `|` are optional, so `10,32 | 60`, `10, 32 | 60` and `10,32|60`
/// all mean the same; the words are re-split on `,` and `|` with their own columns. The
/// price: a node whose name holds `,` or `|` must be named by its id in a partition.
extension Parser {
    private enum Piece {
        case node(Token)
        case comma(Int)
        case bar(Int)
    }

    static func partitionGroups(_ tokens: [Token], head: Token) throws(ScriptError) -> [[NodeRef]] {
        let example = "e.g. partition 10,32 | 60,90 (heal ends a partition)"
        let pieces = split(tokens)
        guard !pieces.isEmpty else {
            throw ScriptError(column: head.column + head.width + 1, "partition needs at least one group of nodes, \(example)")
        }
        var groups: [[NodeRef]] = [[]]
        var firstColumnOfText: [String: Int] = [:]
        var expectingNode = true
        for piece in pieces {
            switch piece {
            case let .node(token):
                guard expectingNode else {
                    throw ScriptError(column: token.column, "expected ',' or '|' before '\(token.text)': a group is nodes separated by commas, groups are separated by '|', \(example)")
                }
                guard firstColumnOfText[token.text] == nil else {
                    throw ScriptError(column: token.column, "node \(token.text) is named twice in the partition; a node belongs to one group")
                }
                firstColumnOfText[token.text] = token.column
                groups[groups.count - 1].append(try nodeRef(token))
                expectingNode = false
            case let .comma(column), let .bar(column):
                guard !expectingNode else {
                    let mark = if case .comma = piece { "," } else { "|" }
                    throw ScriptError(column: column, "expected a node before '\(mark)', \(example)")
                }
                if case .bar = piece { groups.append([]) }
                expectingNode = true
            }
        }
        if expectingNode, let last = tokens.last {
            throw ScriptError(column: last.column + last.width, "partition ends with a separator; a node must follow it, \(example)")
        }
        return groups
    }

    /// The words and separators of the tokens, each with its column.
    private static func split(_ tokens: [Token]) -> [Piece] {
        var pieces: [Piece] = []
        for token in tokens {
            var word = String.UnicodeScalarView()
            var wordColumn = token.column
            var column = token.column
            func flush() {
                if !word.isEmpty { pieces.append(.node(Token(String(word), column: wordColumn))) }
                word = String.UnicodeScalarView()
            }
            // Code point by code point, as the lexer reads: a combining mark after ',' or
            // '|' belongs to the next word, not to the separator.
            for scalar in token.text.unicodeScalars {
                switch scalar {
                case ",": flush(); pieces.append(.comma(column))
                case "|": flush(); pieces.append(.bar(column))
                default:
                    if word.isEmpty { wordColumn = column }
                    word.append(scalar)
                }
                column += 1
            }
            flush()
        }
        return pieces
    }
}
