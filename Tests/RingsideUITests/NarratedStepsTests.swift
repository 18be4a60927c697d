import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// A scenario narrated message by message shows each caption with what it describes: one
/// `n` runs up to the next caption that follows an action, and a sentence split over two
/// `say`s is one caption (user test: one `n` ran `deliver m1`, `deliver m2` and `fail 16`
/// unseen, and pauses showed the second half of a sentence).
@Suite struct NarratedStepsTests {
    static func playing(_ name: String) throws -> (FrontEnd, SynchronousEngine) {
        try Fixtures.scripted(try ScriptPlaysAsHeadlessTests.scenario(name), name: "\(name).ringside")
    }

    @Test func eachCaptionedDeliveryIsItsOwnStep() throws {
        var (frontEnd, _) = try Self.playing("explore-at-most-one-ring")
        let paused = frontEnd.model.isWaitingAtPause
        #expect(paused)
        var captions: [String] = []
        frontEnd.press(.character("n"))  // ends the pause; the join begins, held before m1's caption
        for _ in 0..<4 {
            frontEnd.press(.character("n"))
            captions.append(frontEnd.model.caption ?? "")
        }
        #expect(captions[0].hasPrefix("m1: 5 asks 0"), "\(captions)")
        #expect(captions[1].hasPrefix("m2: 5 ∈ (0,16]"), "\(captions)")
        #expect(captions[2].hasPrefix("16 crashes"), "\(captions)")
        #expect(captions[3].hasPrefix("m3: 16's answer arrives anyway"), "\(captions)")
        let pausedAgain = frontEnd.model.isWaitingAtPause
        #expect(pausedAgain)
        // While held before a caption, the next line says the script goes on.
        var (held, _) = try Self.playing("explore-at-most-one-ring")
        held.press(.character("n"))
        #expect(held.model.isHeldAtCaption == true)
        #expect(held.screen().contains { $0.contains("n goes on with the script") })
    }

    @Test func aSentenceSplitOverTwoSaysIsOneCaption() throws {
        var (frontEnd, _) = try Self.playing("explore-at-most-one-ring")
        for _ in 0..<30 where frontEnd.model.caption?.contains("it falls back on itself") != true {
            frontEnd.press(.character("n"))
        }
        let caption = try #require(frontEnd.model.caption)
        #expect(caption.hasPrefix("Time passes: 5's timer for m5 fires."), "\(caption)")
        #expect(caption.hasSuffix("and no predecessor left, it falls back on itself: a ring of one."), "\(caption)")
    }

    /// The setup runs through to the first pause: a scenario opens on its first caption.
    @Test func theOpeningRunsToTheFirstPause() throws {
        let (frontEnd, _) = try Self.playing("bayou-lecture")
        #expect(frontEnd.model.isWaitingAtPause || !frontEnd.model.world.isIdle)
        #expect(frontEnd.model.caption == "Anti-entropy session A & B: each sends the other what it lacks")
    }

    /// A commit and the write after it are two steps, each with its caption.
    @Test func bayouLectureCommitsThenWrites() throws {
        var (frontEnd, _) = try Self.playing("bayou-lecture")
        for _ in 0..<40 where frontEnd.model.caption != "Primary commits its entries" {
            frontEnd.press(.character("n"))
        }
        #expect(frontEnd.model.caption == "Primary commits its entries")
        let b = try #require(frontEnd.model.world.state.index(ofName: "B"))
        // Committed, and B's delete not written yet.
        #expect(frontEnd.model.world.replica(frontEnd.model.world.state.index(ofName: "P")!).highestCSN > 0)
        let logBefore = frontEnd.model.world.replica(b).logCount
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.caption?.hasPrefix("Write after anti-entropy") == true)
        #expect(frontEnd.model.world.replica(b).logCount == logBefore + 1)
    }

    /// A `wait` typed at a pause is stepped by n while the script stays, as a lookup is.
    @Test func aWaitTypedAtAPauseIsStepped() throws {
        var (frontEnd, engine) = try Self.playing("quorum-k14")
        for _ in 0..<40 where !frontEnd.model.isWaitingAtPause { frontEnd.press(.character("n")) }
        #expect((frontEnd.model.isWaitingAtPause == true))
        let time = frontEnd.model.world.time
        frontEnd.press(.character(":"))
        frontEnd.type("wait")
        frontEnd.press(.enter)
        #expect((frontEnd.model.isUserWorkUnderWay == true))
        frontEnd.press(.character("n"))
        #expect((frontEnd.model.isWaitingAtPause == true))
        #expect(frontEnd.model.world.time > time)
        #expect(!engine.requests.contains(.resume))
        frontEnd.press(.character("N"))
        #expect((frontEnd.model.world.isIdle == true))
        #expect((frontEnd.model.isWaitingAtPause == true))
    }

    /// `async` typed at a pause leaves nothing of the user's to step: the hint says n goes on.
    @Test func anAsyncCommandAtAPauseSaysNGoesOn() throws {
        var (frontEnd, _) = try Fixtures.scripted(EngineTests.scenario)
        frontEnd.press(.character(":"))
        frontEnd.type("async lookup 100 from 10")
        frontEnd.press(.enter)
        #expect(frontEnd.model.status?.text.contains("the script is paused: n goes on") == true)
    }
}
