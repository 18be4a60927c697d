import Chord
import RingsideKernel

/// Moving the run forward: starting actions, sending, delivering, timers. Everything
/// that travels goes through `network`; everything that happens is recorded as an event
/// when someone records them.
extension World {
    /// What one call of `advance` did.
    enum Advance: Equatable {
        case startedAction, delivered, lostOnArrival, timerFired
        var isArrival: Bool { self == .delivered || self == .lostOnArrival }
    }

    /// Sends a message for the work running now (its command is `currentCause`).
    mutating func send(from: NodeIndex, to: NodeIndex, _ payload: consuming WorldMessage) {
        if chord.recordsLookupPaths, case let .chord(message) = payload,
           let record = chord.lookupRecord(carriedBy: message) {
            chord.countLookupMessage(record)
        }
        let type = eventLog.isRecording ? messageType(payload) : ""
        let (id, outcome) = network.send(from: from, to: to, payload: consume payload, cause: currentCause,
                                         now: time, rng: &rng)
        commands.messageSent(cause: currentCause)
        guard eventLog.isRecording else { return }
        eventLog.append(.send(time: time, msg: id, from: from, to: to, type: type))
        if case let .lost(reason) = outcome {
            eventLog.append(.drop(time: time, msg: id, from: from, to: to, type: type, reason: reason))
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
        effects.reverse()
        while let effect = effects.popLast() {
            switch consume effect {
            case let .send(envelope):
                send(from: envelope.from, to: envelope.to, .chord(envelope.message))
            case let .note(node, text):
                trace.append(.init(time: time, kind: .chord, text: text, node: node))
                if eventLog.isRecording { eventLog.append(.note(time: time, node: node, text: text)) }
            case .lookupFinished:
                break
            case let .storeOwnerFound(operation, owner):
                storeOwnerFound(operation, owner: owner)
            }
        }
    }

    /// One event: the next action of a command that can start one, else the next message
    /// arrival or timer. Returns nil when nothing is left to do.
    mutating func advance() throws(ScriptError) -> Advance? {
        if let (command, action) = commands.takeStartableAction() {
            currentCause = command
            try perform(action, command: command)
            completeIfDone(command)
            return .startedAction
        }
        guard let popped = network.pop() else {
            finishQuiescence()
            return nil
        }
        time = max(time, popped.time)
        if popped.isTimer {
            fire(network.takeTimer(popped), handle: popped.handle)
            return .timerFired
        }
        return arrive(network.takeArrival(popped), handle: popped.handle)
    }

    /// A message reaches its receiver's side of the network.
    mutating func arrive(_ packet: consuming Packet, handle: Network.Handle) -> Advance {
        let (id, from, to, cause) = (packet.id, packet.from, packet.to, packet.cause)
        currentCause = cause
        if !chord.state.isAlive(to) {
            lose(packet, handle: handle, reason: .dead)
            return .lostOnArrival
        }
        if !network.config.canReach(from, to) {
            lose(packet, handle: handle, reason: .partition)
            return .lostOnArrival
        }
        network.delivered(handle)
        commands.messageFinished(cause: cause)
        if eventLog.isRecording {
            let event = SimulationEvent.deliver(time: time, msg: id, from: from, to: to,
                                                type: messageType(packet.payload), text: nil)
            eventLog.beginDelivery(event)
        }
        handleDelivery(from: from, to: to, (consume packet).payload)
        eventLog.endDelivery()
        completeIfDone(cause)
        return .delivered
    }

    /// The message is lost; its sender's timer will fire.
    mutating func lose(_ packet: consuming Packet, handle: Network.Handle, reason: SimulationEvent.DropReason) {
        // A slow message whose timer fired already: the command stopped waiting for the
        // timer then, and for the message now.
        if !network.lost(packet, handle) {
            commands.messageFinished(cause: packet.cause)
            completeIfDone(packet.cause)
        }
        if eventLog.isRecording {
            let event = SimulationEvent.drop(time: time, msg: packet.id, from: packet.from, to: packet.to,
                                             type: messageType(packet.payload), reason: reason)
            eventLog.append(event)
        }
    }

    /// A message's timer fired: it was never delivered. Its live sender hears of it (and
    /// so does a departed node still waiting to know whether its keys were taken).
    private mutating func fire(_ packet: Packet, handle: Network.Handle) {
        currentCause = packet.cause
        // A slow message may still be on its way (latency past the timeout): the sender
        // gives up on it now, but the command waits until it arrives or is lost.
        if !network.isInFlight(handle, id: packet.id) { commands.messageFinished(cause: packet.cause) }
        if chord.state.isAlive(packet.from) || chord.isHandingOff(packet.from) {
            if eventLog.isRecording {
                let text = "\(chord.label(packet.from)): no delivery of m\(packet.id) (\(messageType(packet.payload))) to \(chord.label(packet.to)) within \(packet.timerAt - packet.sentAt) ms"
                let event = SimulationEvent.timeout(time: time, msg: packet.id, node: packet.from, text: text)
                eventLog.append(event)
            }
            handleTimeout(packet)
        }
        completeIfDone(packet.cause)
    }

    /// Ends a command whose work is all done: a lookup it started that never got its
    /// answer can make no more progress, so it failed.
    mutating func completeIfDone(_ command: Int) {
        guard let entry = commands.removeIfComplete(command) else { return }
        for record in entry.lookups { chord.markLookupFailed(record) }
        finishStoreOperations(of: command)
    }

    /// Nothing is in flight and no timer is pending: whatever still waits for an answer
    /// never gets one.
    private mutating func finishQuiescence() {
        guard !chord.isQuiescent else { return }
        for record in chord.abandonWaiting() {
            if narrates { note(.chord, "lookup \(chord.label(chord.lookups[record].key)) from \(chord.label(chord.lookups[record].from)) failed: no answer can come any more") }
        }
    }

    /// Delivers the next message, starts the next action, or fires the next timer.
    /// Returns false when the world is idle.
    public mutating func step() throws(ScriptError) -> Bool {
        try advance() != nil
    }

    /// Steps until idle (every command, `async` ones included, has run to completion).
    public mutating func runToCompletion() throws(ScriptError) {
        while try advance() != nil {}
    }

    /// Steps until `command` is complete (earlier `async` work due meanwhile runs too).
    mutating func run(untilComplete command: Int) throws(ScriptError) {
        while commands.contains(command) {
            guard try advance() != nil else { return }
        }
    }

    /// `async COMMAND` starts COMMAND and goes on (script.md v2): its first action runs
    /// now, so its messages are in flight for `dump`, `deliver mID` and `drop mID` (an
    /// action that sends nothing lets the next one start too). Nothing is delivered.
    mutating func startAsync(_ command: Int) throws(ScriptError) {
        while let action = commands.takeStartableAction(of: command) {
            currentCause = command
            try perform(action, command: command)
            completeIfDone(command)
        }
    }

    /// Queues work for the command being begun.
    mutating func enqueue(_ action: Action) {
        commands.enqueue(action, for: currentCause)
    }
}
