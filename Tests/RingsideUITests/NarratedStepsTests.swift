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
        held.press(.character("n"))  // ends the pause: the join begins, m1's caption and m1 come, then a stop
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
        #expect(caption.hasSuffix("it falls back on itself: a ring of one. It answers 10 (m6) that 5 owns 10."), "\(caption)")
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

    /// The opening stops after its first caption's actions, so the next caption is not
    /// passed unseen (reverse-order-k14 opened on its fourth caption).
    @Test func theOpeningStopsAfterItsFirstCaptionsActions() throws {
        var (frontEnd, _) = try Self.playing("reverse-order-k14")
        #expect(frontEnd.model.caption?.hasPrefix("put(K14, V14') starts at time 0") == true, "\(frontEnd.model.caption ?? "")")
        var captions: [String] = []
        for _ in 0..<10 where frontEnd.model.isWaitingAtPause != true {
            frontEnd.press(.character("n"))
            captions.append(frontEnd.model.caption ?? "")
        }
        #expect(captions.contains { $0.hasPrefix("In flight: m3 = V14' to N1") && $0.contains("N1 gets them in order") },
                "\(captions)")
        // At the pause the next line names no message: the script's delivers choose.
        #expect(frontEnd.screen().contains { $0.contains("next the script is paused: n,") })
    }

    /// The `select` before a caption goes with it, not with the step before.
    @Test func aCaptionsSelectionComesWithIt() throws {
        var (frontEnd, _) = try Self.playing("meeting-room-commit")
        for _ in 0..<20 where frontEnd.model.caption?.hasPrefix("Bob asks B") != true { frontEnd.press(.character("n")) }
        #expect(frontEnd.model.caption?.hasPrefix("Bob asks B") == true)
        #expect(frontEnd.model.selection == frontEnd.model.world.state.index(ofName: "B"))
        // Travelling back to A's caption selects A again.
        while frontEnd.model.caption?.hasPrefix("Bob asks B") == true { frontEnd.press(.character("u")) }
        frontEnd.press(.character("u"))  // before the step of `select B` itself
        #expect(frontEnd.model.selection == frontEnd.model.world.state.index(ofName: "A"))
    }

    /// Crashes right after a pause belong to the next caption: no stop shows them under
    /// the caption before the pause.
    @Test func actionsAfterAPauseComeWithTheNextCaption() throws {
        var (frontEnd, _) = try Self.playing("consecutive-failures")
        #expect(frontEnd.model.caption?.hasPrefix("Twelve nodes") == true)
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.caption?.hasPrefix("Three consecutive nodes crash") == true, "\(frontEnd.model.caption ?? "")")
    }

    /// A press that begins the script's next statements delivers nothing besides (the
    /// `wait` begun was stepped past m19 in the same press).
    @Test func beginningTheScriptsStatementsIsAPressOfItsOwn() throws {
        var (frontEnd, _) = try Self.playing("quorum-k14")
        var time = frontEnd.model.world.time
        for _ in 0..<60 where frontEnd.model.caption?.hasPrefix("Lose the request to N1 (m18)") != true {
            time = frontEnd.model.world.time
            frontEnd.press(.character("n"))
        }
        // The press that showed the caption ran `drop m18` and began `wait`: nothing more.
        #expect(frontEnd.model.caption?.hasPrefix("Lose the request to N1 (m18)") == true)
        #expect(frontEnd.model.world.time == time)
        let events = frontEnd.model.world.trace.last(4).map(\.text)
        #expect(!events.contains { $0.contains("get 14") && $0.contains("→ V14") }, "\(events)")
        frontEnd.press(.character("n"))
        #expect(frontEnd.model.world.trace.last(1).map(\.text).first?.contains("get 14 → V14") == true)
    }

    /// "finishing the command under way" goes with the report of the finish.
    @Test func theFinishingStatusEndsWithTheFinish() throws {
        var (frontEnd, _) = try Self.playing("quorum-k14")
        frontEnd.press(.character("N"))
        #expect(frontEnd.model.status?.text != "finishing the command under way")
    }

    /// At reverse-order-k14's pause the store view lists m4, the older put still on its way
    /// to N3 that the caption is about, though the newer put is the latest operation.
    @Test func theStoreViewListsAnEarlierPutsMessageInFlight() throws {
        var (frontEnd, _) = try Self.playing("reverse-order-k14")
        for _ in 0..<10 where frontEnd.model.isWaitingAtPause != true { frontEnd.press(.character("n")) }
        let view = StorePanelModel(model: frontEnd.model)
        #expect(view.replies.contains { $0.message == 4 && $0.state == .inFlight }, "\(view.replies)")
    }

    /// Actions after a pause, then two `say`s: one caption, not two stops (the crash before
    /// the first counted as an action since it, and the sentence was cut in two).
    @Test func aSplitSentenceAfterActionsStaysWhole() throws {
        var (frontEnd, _) = try Self.playing("explore-connected-appendages")
        for _ in 0..<20 where frontEnd.model.caption?.hasPrefix("m3:") != true { frontEnd.press(.character("n")) }
        let caption = try #require(frontEnd.model.caption)
        #expect(caption.hasPrefix("m3: 21's answer was already on its way"), "\(caption)")
        #expect(caption.contains("whole successor list is [21]"), "\(caption)")
    }

    /// N stops at each caption too: quorum-k14 pressed with N alone shows the m18 one.
    @Test func capitalNStopsAtEveryCaption() throws {
        var (frontEnd, _) = try Self.playing("quorum-k14")
        var captions: [String] = []
        for _ in 0..<40 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("N"))
            if let caption = frontEnd.model.caption, captions.last != caption { captions.append(caption) }
        }
        #expect(captions.contains { $0.hasPrefix("Lose the request to N1 (m18)") }, "\(captions)")
        #expect(captions.contains { $0.hasPrefix("Lose the request to N4 (m27)") }, "\(captions)")
    }

    /// A press that only began statements says nothing of "nothing in flight" while the
    /// command's messages are on the wire.
    @Test func noIdleHintWhileMessagesAreInFlight() throws {
        var (frontEnd, _) = try Self.playing("meeting-room-commit")
        for _ in 0..<14 {
            frontEnd.press(.character("n"))
            if frontEnd.model.world.inFlightCount > 0 {
                #expect(frontEnd.model.status?.text.contains("nothing in flight") != true, "\(frontEnd.model.status?.text ?? "")")
            }
        }
    }

    /// Every press shows something new: a trace line, an echoed command or a caption (the
    /// first step of a settle round said nothing, and the key seemed lost).
    @Test(arguments: ["failure-and-repair", "zave-maintenance", "consecutive-failures"])
    func everyPressShowsSomething(name: String) throws {
        var (frontEnd, _) = try Self.playing(name)
        var presses = 0
        while presses < 3_000, frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            let before = (frontEnd.model.world.trace.total, frontEnd.model.notes.count, frontEnd.model.caption)
            let paused = frontEnd.model.isWaitingAtPause
            frontEnd.press(.character("n"))
            presses += 1
            let after = (frontEnd.model.world.trace.total, frontEnd.model.notes.count, frontEnd.model.caption)
            #expect(paused || before != after, "press \(presses) of \(name) showed nothing new")
        }
        #expect(presses < 3_000)
    }
}

/// A caption that fits three lines as it shows while running is not cut at a pause by the
/// `‖` mark and its indent (user test at 80×24: "… the node it stands in…" lost "for").
@Suite struct PausedCaptionFitTests {
    @Test func aPausedCaptionKeepsItsLastWord() throws {
        var (frontEnd, _) = try NarratedStepsTests.playing("sloppy-quorum-dynamo")
        let size = Size(width: 80, height: 24)
        for _ in 0..<40 where !(frontEnd.model.isWaitingAtPause && frontEnd.model.caption?.hasPrefix("B writes v2") == true) {
            frontEnd.press(.character("n"), size: size)
        }
        #expect(frontEnd.model.isWaitingAtPause)
        let text = frontEnd.screen(size).joined(separator: " ")
        #expect(text.contains("stands in for"), "\(frontEnd.screen(size).suffix(5).joined(separator: "\n"))")
    }
}
