import Chord
import RingsideKernel

/// The `bayou` object of a node in the state JSON (wired to the Bayou module when it lands).
enum BayouJSON {
    static func encode(_ world: World, node: NodeIndex, byID: [NodeIndex], into json: inout JSONWriter) {
        json.beginObject()
        json.key("clock"); json.number(0)
        json.key("log"); json.beginArray(); json.endArray()
        json.key("vv"); json.beginObject()
        for other in byID {
            json.key(world.state.name(other)); json.number(0)
        }
        json.endObject()
        json.key("db"); json.beginObject(); json.endObject()
        json.endObject()
    }
}
