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
