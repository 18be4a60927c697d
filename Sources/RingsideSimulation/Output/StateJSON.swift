import Chord
import RingsideKernel

/// The state JSON of state.md, version 2: one object on one line.
public enum StateJSON {
    public static func encode(_ world: World) -> String {
        encode(world.simulation)
    }

    /// The state is the simulation's alone: the interpreter's `dump` writes it too.
    static func encode(_ world: Simulation) -> String {
        var json = JSONWriter()
        let state = world.state
        let wideIDs = state.bits > 64
        func id(_ value: Identifier) {
            if wideIDs { json.string(value.description) } else { json.raw(value.description) }
        }
        func node(_ index: NodeIndex?) {
            if let index { id(state.id(index)) } else { json.null() }
        }
        json.beginObject()
        json.key("version"); json.number(2)
        json.key("bits"); json.number(state.bits)
        json.key("successorListLength"); json.number(state.successorListLength)
        json.key("primary")
        if let primary = world.primary { json.string(state.name(primary)) } else { json.null() }
        json.key("nodes"); json.beginArray()
        let byID = state.allNodesByID()
        for n in byID {
            json.beginObject()
            json.key("id"); id(state.id(n))
            json.key("name"); json.string(state.name(n))
            json.key("alive"); json.bool(state.isAlive(n))
            json.key("successor"); node(state.successor(n))
            json.key("predecessor"); node(state.predecessor(n))
            json.key("successors"); json.beginArray()
            for s in state.successorList(n) { id(state.id(s)) }
            json.endArray()
            json.key("fingers"); json.beginArray()
            for k in 1...state.bits {
                json.beginObject()
                json.key("start"); id(state.fingerStart(n, k))
                json.key("node"); node(state.finger(n, k))
                json.endObject()
            }
            json.endArray()
            json.key("keys"); json.beginArray()
            for key in state.storedKeys(n) { id(key) }
            json.endArray()
            json.key("bayou")
            BayouJSON.encode(world, node: n, byID: byID, into: &json)
            // The key-value store's fields (version 2); `hints` stay empty in strict mode.
            json.key("store"); json.beginObject()
            if world.kv.dynamo {
                for (key, values) in world.storedSiblings(n) {
                    json.key(key.description); json.beginArray()
                    for value in values {
                        json.beginObject()
                        json.key("value"); json.string(value.value)
                        json.key("version"); json.beginObject()
                        for entry in value.clock.entries { json.key(entry.node); json.raw(entry.count.description) }
                        json.endObject()
                        json.endObject()
                    }
                    json.endArray()
                }
            }
            for (key, value) in world.storedValues(n) {
                json.key(key.description); json.beginArray()
                json.beginObject()
                json.key("value"); json.string(value.value)
                json.key("version"); json.beginObject()
                json.key("time"); json.raw(value.version.time.description)
                json.key("node"); id(value.version.node)
                json.endObject()
                json.endObject()
                json.endArray()
            }
            json.endObject()
            json.key("hints"); json.beginArray()
            for hint in world.hints(at: n) {
                json.beginObject()
                json.key("for"); id(state.id(hint.intended))
                json.key("key"); id(hint.key)
                json.key("value"); json.string(hint.value.value)
                json.endObject()
            }
            json.endArray()
            if world.listsTokens {
                json.key("tokens"); json.beginArray()
                for token in world.tokens(of: n) { id(token) }
                json.endArray()
            }
            json.endObject()
        }
        json.endArray()
        json.key("lookups"); json.beginArray()
        for lookup in world.chord.lookups {
            json.beginObject()
            json.key("key"); id(lookup.key)
            json.key("from"); id(state.id(lookup.from))
            json.key("path"); json.beginArray()
            for hop in lookup.path { id(state.id(hop)) }
            json.endArray()
            json.key("owner"); node(lookup.owner)
            json.key("failed"); json.bool(lookup.failed)
            json.key("messages"); json.number(lookup.messages)
            json.endObject()
        }
        json.endArray()
        json.key("maintenance"); json.string(world.chord.maintenance.rawValue)
        NetworkJSON.encode(world, into: &json)
        json.key("replication"); json.number(world.replication)
        json.key("quorum"); json.beginObject()
        json.key("w"); json.number(world.quorum.w)
        json.key("r"); json.number(world.quorum.r)
        json.endObject()
        json.key("lookupMode"); json.string(world.lookupIterative ? "iterative" : "recursive")
        json.key("storeMode"); json.string(world.storeModeName)
        json.key("gets"); json.beginArray()
        for get in world.gets {
            json.beginObject()
            json.key("key"); id(get.key)
            json.key("from"); id(state.id(get.from))
            json.key("values"); json.beginArray()
            for value in get.values { json.string(value) }
            json.endArray()
            json.key("ok"); json.bool(get.ok)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }
}
