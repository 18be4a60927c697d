import Chord

/// The state JSON's `network` and `inFlight` fields (state.md, version 2).
enum NetworkJSON {
    static func encode(_ world: Simulation, into json: inout JSONWriter) {
        let config = world.network.config
        let state = world.state
        func id(_ node: NodeIndex) {
            let text = state.id(node).description
            if state.bits > 64 { json.string(text) } else { json.raw(text) }
        }
        json.key("network"); json.beginObject()
        json.key("latency"); json.beginArray()
        json.number(config.latency.lowerBound)
        json.number(config.latency.upperBound)
        json.endArray()
        json.key("timeout"); json.number(config.timeout)
        json.key("loss"); json.raw(String(config.loss))
        json.key("partition"); json.beginArray()
        for group in world.partitionGroupsByName() {
            json.beginArray()
            for name in group { json.string(name) }
            json.endArray()
        }
        json.endArray()
        json.endObject()
        json.key("inFlight"); json.beginArray()
        for message in world.network.inFlight {
            json.beginObject()
            json.key("msg"); json.number(message.id)
            json.key("from"); id(message.from)
            json.key("to"); id(message.to)
            json.key("type"); json.string(world.messageType(message.payload))
            json.key("due"); json.number(message.due)
            json.endObject()
        }
        json.endArray()
    }
}
