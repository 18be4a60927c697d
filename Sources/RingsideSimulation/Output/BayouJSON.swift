import Bayou
import Chord
import RingsideKernel

/// The `bayou` object of a node in the state JSON.
enum BayouJSON {
    static func encode(_ world: Simulation, node: NodeIndex, byID: [NodeIndex], into json: inout JSONWriter) {
        let replica = world.replica(node)
        json.beginObject()
        json.key("clock"); json.number(replica.clock)
        json.key("log"); json.beginArray()
        for entry in replica.log {
            json.beginObject()
            json.key("csn")
            if let csn = entry.csn { json.number(csn) } else { json.null() }
            json.key("ts"); json.number(entry.timestamp)
            json.key("origin"); json.string(world.replicaName(entry.origin))
            switch entry.operation {
            case let .put(key, value):
                json.key("op"); json.string("put")
                json.key("key"); json.string(key)
                json.key("value"); json.string(value)
            case let .delete(key):
                json.key("op"); json.string("delete")
                json.key("key"); json.string(key)
            case let .book(slots, who):
                json.key("op"); json.string("book")
                json.key("slots"); json.beginArray()
                for slot in slots { json.string(slot) }
                json.endArray()
                json.key("who"); json.string(who)
                json.key("outcome")
                if let outcome = entry.outcome { json.string(outcome) } else { json.null() }
            }
            json.endObject()
        }
        json.endArray()
        json.key("vv"); json.beginObject()
        let vector = replica.versionVector
        for other in byID {
            json.key(world.state.name(other)); json.number(vector[world.state.id(other)])
        }
        json.endObject()
        json.key("db"); json.beginObject()
        for (key, value) in replica.sortedDatabase {
            json.key(key); json.string(value)
        }
        json.endObject()
        json.endObject()
    }
}
