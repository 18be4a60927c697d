import Chord
import RingsideKernel

/// Moving the simulation forward: sending, delivering, timers. Everything that travels
/// goes through `network`; everything that happens is recorded as an event when someone
/// records them. Each step returns its `StepReport`.
extension Simulation {
    /// Sends a message for the work running now (its cause is `cause`). Inlined: outlined,
    /// every message was copied into it whole and the call cost a sixtieth of a lookup.
    @inline(__always)
    mutating func send(from: NodeIndex, to: NodeIndex, _ payload: consuming WorldMessage) {
        if chord.recordsLookupPaths { countLookupMessage(payload) }
        ledger.started += 1
        // Unrecorded (benchmarks), no type name is built or destroyed.
        guard eventLog.isRecording else {
            _ = network.send(from: from, to: to, payload: consume payload, cause: cause, now: time, rng: &rng)
            return
        }
        let type = messageType(payload)
        let (id, outcome) = network.send(from: from, to: to, payload: consume payload, cause: cause,
                                         now: time, rng: &rng)
        eventLog.append(.send(time: time, msg: id, from: from, to: to, type: type))
        if case let .lost(reason) = outcome {
            eventLog.append(.drop(time: time, msg: id, from: from, to: to, type: type, reason: reason))
        }
    }

    /// Counts a message of a recorded `lookup`. Apart from `send`, so that matching the
    /// message does not copy it there (the copy and its destroy cost a tenth of a hop).
    private mutating func countLookupMessage(_ payload: WorldMessage) {
        if case let .chord(message) = payload, let record = chord.lookupRecord(carriedBy: message) {
            chord.countLookupMessage(record)
        }
    }

    /// Applies a Chord step's effects: messages to the network, notes to the trace.
    mutating func apply(_ effects: [ChordEffect]) {
        var effects = effects
        applyDraining(&effects)
    }

    /// Applies effects in order, moving each out of the array: nothing is copied, and the
    /// emptied array keeps its capacity for the next delivery.
    mutating func applyDraining(_ effects: inout [ChordEffect]) {
        // A routing hop has one effect: no reversing for it.
        if effects.count == 1 {
            applyOne(effects.removeLast())
            return
        }
        effects.reverse()
        while let effect = effects.popLast() { applyOne(effect) }
    }

    mutating func applyOne(_ effect: consuming ChordEffect) {
        switch consume effect {
        case let .send(envelope):
            let (from, to) = (envelope.from, envelope.to)
            // Consumed: the message moves on, with no copy and no destroy of the envelope.
            send(from: from, to: to, .chord((consume envelope).message))
        case let .note(node, text):
            trace.append(.init(time: time, kind: .chord, text: text, node: node))
            if eventLog.isRecording { eventLog.append(.note(time: time, node: node, text: text)) }
        case let .storeOwnerFound(operation, owner):
            storeOwnerFound(operation, owner: owner)
        }
    }

    /// The next message arrival or timer. Returns nil when none is left.
    mutating func advanceNetwork() -> StepReport? {
        guard let popped = network.pop() else {
            finishQuiescence()
            return nil
        }
        time = max(time, popped.time)
        if popped.isTimer { return fire(network.takeTimer(popped), handle: popped.handle) }
        return arrive(network.takeArrival(popped), handle: popped.handle)
    }

    /// A message reaches its receiver's side of the network.
    mutating func arrive(_ packet: consuming Packet, handle: Network.Handle) -> StepReport {
        let (id, from, to) = (packet.id, packet.from, packet.to)
        cause = packet.cause
        ledger = StepReport(kind: .delivered, cause: packet.cause)
        if !chord.state.isAlive(to) {
            lose(packet, handle: handle, reason: .dead)
            return ledger
        }
        if !network.config.canReach(from, to) {
            lose(packet, handle: handle, reason: .partition)
            return ledger
        }
        network.delivered(handle)
        ledger.finished = 1
        if eventLog.isRecording {
            let event = SimulationEvent.deliver(time: time, msg: id, from: from, to: to,
                                                type: messageType(packet.payload), text: nil)
            eventLog.beginDelivery(event)
        }
        // The message is consumed: a borrowed one was copied whole to take its payload apart.
        handleDelivery(from: from, to: to, (consume packet).payload)
        eventLog.endDelivery()
        return ledger
    }

    /// The message is lost; its sender's timer will fire.
    mutating func lose(_ packet: Packet, handle: Network.Handle, reason: SimulationEvent.DropReason) {
        ledger.kind = .lost
        // A slow message whose timer fired already: its cause stopped waiting for the
        // timer then, and for the message now. That may complete the cause, and what
        // completing it records comes before the drop: the drop's event waits for
        // `flushDeferredDrop`.
        let finished = !network.lost(packet, handle)
        if finished { ledger.finished += 1 }
        if eventLog.isRecording {
            let event = SimulationEvent.drop(time: time, msg: packet.id, from: packet.from, to: packet.to,
                                             type: messageType(packet.payload), reason: reason)
            if finished { deferredDrop = event } else { eventLog.append(event) }
        }
    }

    /// Records a drop event `lose` held back, once the cause's completion is handled.
    mutating func flushDeferredDrop() {
        guard let event = deferredDrop else { return }
        deferredDrop = nil
        eventLog.append(event)
    }

    /// A message's timer fired: it was never delivered. Its live sender hears of it (and
    /// so does a departed node still waiting to know whether its keys were taken).
    private mutating func fire(_ packet: Packet, handle: Network.Handle) -> StepReport {
        cause = packet.cause
        ledger = StepReport(kind: .timerFired, cause: packet.cause)
        // A slow message may still be on its way (latency past the timeout): the sender
        // gives up on it now, but the cause waits until it arrives or is lost.
        if !network.isInFlight(handle, id: packet.id) { ledger.finished = 1 }
        if chord.state.isAlive(packet.from) || chord.isHandingOff(packet.from) {
            if eventLog.isRecording {
                let text = "\(chord.label(packet.from)): no delivery of m\(packet.id) (\(messageType(packet.payload))) to \(chord.label(packet.to)) within \(packet.timerAt - packet.sentAt) ms"
                let event = SimulationEvent.timeout(time: time, msg: packet.id, node: packet.from, text: text)
                eventLog.append(event)
            }
            handleTimeout(packet)
        }
        return ledger
    }

    /// The driver found `cause`'s work complete: a lookup it started that never got its
    /// answer can make no more progress, so it failed; so did its unanswered store
    /// operations.
    mutating func finishCause(_ cause: Int, lookups: [Int]) {
        for record in lookups { chord.markLookupFailed(record) }
        finishStoreOperations(of: cause)
    }

    /// Nothing is in flight and no timer is pending: whatever still waits for an answer
    /// never gets one.
    private mutating func finishQuiescence() {
        for record in chord.abandonWaitingIfAny() {
            if narrates { note(.chord, "lookup \(chord.label(chord.lookups[record].key)) from \(chord.label(chord.lookups[record].from)) failed: no answer can come any more") }
        }
    }
}
