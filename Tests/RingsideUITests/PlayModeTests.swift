import RingsideSimulation
import Testing
@testable import RingsideUI

/// Play mode on the model alone: which requests ticks produce, at which wall-clock times.
@Suite struct PlayModeTests {
    let size = Size(width: 120, height: 40)

    private func busyModel() throws -> AppModel {
        var world = try Fixtures.model(Fixtures.lectureRing).world
        let statement = try #require(try Parser.parse(line: "stabilize", number: 1))
        _ = try world.begin(statement)
        return AppModel(world: world, speed: 4)
    }

    @Test func messagesAreDeliveredAtTheSpeed() throws {
        var model = try busyModel()
        _ = model.update(.key(.space), size: size, now: 1_000)
        #expect(model.isPlaying)
        #expect(model.update(.tick, size: size, now: 1_100).isEmpty)  // 0.4 of a message owed
        #expect(model.update(.tick, size: size, now: 1_300) == [.engine(.step(1))])
        // While that request is unanswered, nothing more is sent (the engine sets the pace).
        #expect(model.update(.tick, size: size, now: 2_300).isEmpty)
        #expect(model.requestsOutstanding == 1)
        #expect(model.tickMilliseconds == 10)
    }

    @Test func aStallDoesNotTurnIntoABurst() throws {
        var model = try busyModel()
        _ = model.update(.key(.space), size: size, now: 0)
        #expect(model.update(.tick, size: size, now: 60_000) == [.engine(.step(4))])
    }

    @Test func anIdleRingGetsMaintenanceEveryFewSeconds() throws {
        var model = try Fixtures.model(Fixtures.lectureRing)
        _ = model.update(.key(.space), size: size, now: 0)
        #expect(model.update(.tick, size: size, now: 100).isEmpty)
        #expect(model.update(.tick, size: size, now: 2_000).isEmpty)
        let due = AppModel.maintenanceIntervalMillis + 100
        #expect(model.update(.tick, size: size, now: due) == AppModel.maintenanceCommands.map {
            .engine(.command($0, origin: .maintenance))
        })
    }

    @Test func pausedOrWaitingModelsSleep() throws {
        var model = try busyModel()
        #expect(model.tickMilliseconds == nil)
        #expect(model.update(.tick, size: size, now: 10_000).isEmpty)
        _ = model.update(.key(.space), size: size, now: 10_000)
        #expect(model.tickMilliseconds == 100)  // 4 messages a second: a tick every 100 ms at most
        _ = model.update(.key(.space), size: size, now: 10_050)
        #expect(model.tickMilliseconds == nil)
    }

    /// Playing the demo through the front end heals a crash without any other key.
    @Test func playingHealsAFailureByItself() throws {
        var (frontEnd, _) = try Fixtures.demo(selecting: "32")
        frontEnd.press(.character("x"))
        frontEnd.press(.space)
        var now: Int64 = 0
        for _ in 0..<400 {
            now += 250
            frontEnd.handle(.tick, size: size, now: now)
        }
        let state = frontEnd.model.world.state
        let ten = try #require(state.index(ofName: "P"))
        let sixty = try #require(state.index(ofName: "B"))
        #expect(state.successor(ten) == sixty)
        #expect(state.predecessor(sixty) == ten)
    }
}

/// A command the user gives does not wait behind play mode's maintenance round.
@Suite struct MaintenanceGivesWayTests {
    private func coreMidRound() throws -> EngineCore {
        var core = try EngineCore.lectureRing()
        for command in AppModel.maintenanceCommands { _ = core.serve(.command(command, origin: .maintenance)) }
        _ = core.serve(.step(2))
        return core
    }

    /// Paused in the middle of a round (stabilize under way, fix-fingers and
    /// check-predecessor queued), a typed lookup begins at once: the round's queued
    /// commands are dropped, the one under way is finished, and the next `n` delivers the
    /// lookup's first message. It waited behind the whole round (some 100 presses of n).
    @Test func aTypedLookupBeginsAtOnceMidRound() throws {
        var core = try coreMidRound()
        #expect(core.queuedLines == ["fix-fingers", "check-predecessor"])
        #expect(core.world.hasCommandUnderWay)
        let report = core.serve(.command("lookup 15 from 90", origin: .commandLine))
        #expect(core.queuedLines.isEmpty)
        #expect(core.transcript.last == "lookup 15 from 90")
        #expect(!report.notices.contains { if case .queued = $0.event { true } else { false } })
        // Nothing of the round is left in flight: the next message is the lookup's.
        #expect(report.world.inFlightCount == 0)
        var world = report.world
        for _ in 0..<3 where world.chord.lookups.first.map({ $0.path.count < 2 }) ?? true {
            world = core.serve(.step(1)).world
        }
        #expect(world.chord.lookups.first?.path.prefix(2) == [world.state.index(ofName: "N90")!, world.state.index(ofName: "N10")!])
        // The round's commands that had not begun are not in the session's transcript.
        #expect(!core.transcript.contains("fix-fingers"))
    }

    /// A crash, a partition or a selection given first acts at once and leaves the round
    /// the work under way: a lookup typed next still does not wait behind it (it did,
    /// 76 presses of n, once anything came between the pause and the lookup).
    @Test(arguments: ["fail 120", "select 32", "partition 10 | 60", "focus bayou"])
    func anInstantCommandFirstStillLetsTheLookupThrough(_ first: String) throws {
        var core = try coreMidRound()
        _ = core.serve(.command(first, origin: .commandLine))
        #expect(core.queuedLines == ["fix-fingers", "check-predecessor"])
        let report = core.serve(.command("lookup 15 from 10", origin: .commandLine))
        #expect(core.queuedLines.isEmpty)
        #expect(core.transcript.last == "lookup 15 from 10")
        #expect(report.world.inFlightCount == 0)
    }

    /// Work that is not play mode's keeps its turn: a script's or the user's command.
    @Test func otherWorkKeepsItsTurn() throws {
        var core = try EngineCore.lectureRing()
        _ = core.serve(.command("stabilize", origin: .commandLine))
        _ = core.serve(.step(1))
        _ = core.serve(.command("lookup 15 from 90", origin: .commandLine))
        #expect(core.queuedLines == ["lookup 15 from 90"])
    }
}

/// View control acts at once, also while a command is under way.
@Suite struct ViewControlAtOnceTests {
    @Test func focusDuringALookupActsAtOnce() throws {
        var core = try EngineCore.lectureRing()
        _ = core.serve(.command("lookup 15 from 90", origin: .commandLine))
        _ = core.serve(.step(1))
        #expect(core.world.hasCommandUnderWay)
        let report = core.serve(.command("focus bayou", origin: .commandLine))
        #expect(core.queuedLines.isEmpty)
        #expect(report.notices.contains { if case .focused(.bayou) = $0.event { true } else { false } })
    }
}

extension EngineCore {
    /// An engine on the lecture ring (Fixtures.lectureRing), with no script.
    static func lectureRing() throws -> EngineCore {
        var world = World()
        for line in Fixtures.lectureRing { _ = try world.execute(line: line) }
        return EngineCore(world: world)
    }
}
