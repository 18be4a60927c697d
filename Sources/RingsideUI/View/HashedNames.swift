import RingsideKernel
import RingsideSimulation

/// A name the script hashed to an id (`lookup carol from alice`: carol → 131, alice → 232).
/// The trace speaks in ids only, so without this a student cannot tell which id is carol.
public struct HashedName: Equatable, Sendable {
    public var name: String
    public var id: Identifier
    /// True for a key (its id is where it lives), false for a node's hashed name.
    public var isKey: Bool
}

extension World {
    /// The hashed names a command mentions, first mention first, each once: keys written
    /// as a word (`lookup carol`, `put dave 1`, `store bob`) and nodes named by a word whose
    /// id is that word's hash (`add alice`, `from alice`). Names given an id by hand
    /// (`P=10`) are not hashed and are left out.
    public func hashedNames(in command: Command) -> [HashedName] {
        var found: [HashedName] = []
        func add(_ name: String, _ id: Identifier, isKey: Bool) {
            if !found.contains(where: { $0.name == name && $0.isKey == isKey }) {
                found.append(HashedName(name: name, id: id, isKey: isKey))
            }
        }
        func key(_ spec: KeySpec) {
            if case let .hashed(word) = spec.form { add(word, space.hash(word), isKey: true) }
        }
        func node(_ ref: NodeRef?) {
            guard let word = ref?.token.text, let index = state.index(ofName: word) else { return }
            let id = state.id(index)
            // A decimal token names the node by id; only a hashed name needs its id shown.
            if id.description != word, id == space.hash(word) { add(word, id, isKey: false) }
        }
        func created(_ spec: NodeSpec) {
            if case let .name(word) = spec.form { add(word, space.hash(word), isKey: false) }
        }
        switch command {
        case let .add(specs): specs.forEach(created)
        case let .join(spec, via): created(spec); node(via)
        case let .store(keys): keys.forEach(key)
        case let .lookup(spec, from): key(spec); node(from)
        case let .put(spec, _, from): key(spec); node(from)
        case let .get(spec, from): key(spec); node(from)
        case let .stabilize(ref), let .fixFingers(ref), let .checkPredecessor(ref), let .handoff(ref): node(ref)
        case let .fail(ref), let .leave(ref), let .primary(ref), let .select(ref): node(ref)
        case let .write(ref, _, _): node(ref)
        case let .sync(a, b, _), let .merkleSync(a, b): node(a); node(b)
        case let .recover(ref, via): node(ref); node(via)
        case let .highlight(refs): refs.forEach(node)
        case let .partition(groups): groups.joined().forEach(node)
        case let .async(inner): return hashedNames(in: inner)
        default: break
        }
        return found
    }

    /// "carol → 131, alice → 232", or nil for none.
    public func hashedNamesText(_ names: [HashedName], glyphs: Glyphs = .unicode) -> String? {
        guard !names.isEmpty else { return nil }
        return names.map { "\($0.name) \(glyphs.arrow) \(idText($0.id, width: 12, glyphs: glyphs))" }
            .joined(separator: ", ")
    }
}

extension AppModel {
    /// A key in a title: "carol → 131" when this session hashed it from a word, else its id.
    public func keyText(_ key: Identifier, width: Int, glyphs: Glyphs) -> String {
        let id = world.idText(key, width: width, glyphs: glyphs)
        guard let name = keyNames[key] else { return id }
        return "\(TextWidth.truncate(name, toWidth: width, ellipsis: glyphs.ellipsis)) \(glyphs.arrow) \(id)"
    }
}
