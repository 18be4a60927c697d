/// The key-value store's keys: put and get at the selected node, the replication and
/// quorum settings, and which key the store view shows. Each command goes through the
/// same queue as every other key's, so it is recorded and replayable like them.
extension AppModel {
    mutating func submitStore(_ action: Action, text: String, node: String) -> [AppEffect] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch action {
        case .storePut:
            guard words.count == 2 else { return refuse("a put is KEY VALUE, e.g. 14 v1 or cart cat-opoly") }
            storeKey = nil
            return command("put \(words[0]) \(words[1]) from \(node)")
        case .storeGet:
            guard words.count == 1 else { return refuse("a get needs one key, e.g. 14 or cart") }
            storeKey = nil
            return command("get \(words[0]) from \(node)")
        case .storeSettings:
            let numbers = words.compactMap { Int($0) }
            guard numbers.count == words.count, (2...3).contains(numbers.count), numbers.allSatisfy({ $0 >= 1 }) else {
                return refuse("give N W R (e.g. 3 2 2) or W R (e.g. 2 2), each at least 1")
            }
            guard numbers.count == 3 else { return command("quorum \(numbers[0]) \(numbers[1])") }
            let (n, w, r) = (numbers[0], numbers[1], numbers[2])
            // The quorum must fit N at each step: shrink it first when N goes down.
            let replication = "replication \(n)"
            let quorum = "quorum \(w) \(r)"
            let lines = n < world.replication ? [quorum, replication] : [replication, quorum]
            return lines.flatMap { command($0) }
        case .storeKey:
            mainView = .store
            guard let word = words.first else {
                storeKey = nil
                status = StatusMessage("store view: the key of the last put or get")
                return []
            }
            guard words.count == 1, let key = world.storeKey(word) else {
                return refuse("'\(text)' is not a key: a whole number inside the ring, or a word to hash")
            }
            storeKey = key
            // A word is hashed: the title names it as a put's key is named ("cart → 109");
            // it showed the id alone and the word seemed lost (user test).
            if UInt64(word) == nil { keyNames[key] = word }
            status = StatusMessage("store view: key \(keyText(key, width: 24, glyphs: .unicode))")
            return []
        default:
            return []
        }
    }
}
