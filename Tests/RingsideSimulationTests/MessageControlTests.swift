import Foundation
import Testing
@testable import RingsideSimulation

/// `async`, `step`, `deliver mID`, `drop mID`, `wait` (script.md "Messages one at a time").
@Suite("Messages one at a time")
struct MessageControlTests {
    static let ring = "bits 7\nsuccessors 3\nadd 10 32 60 90 105 120\n"

    /// `async` starts its command: its first message is in flight (m1) before anything is
    /// delivered; `step 1` delivers exactly it; `wait` finishes the lookup.
    @Test func asyncLookupIsSteppedHopByHop() throws {
        let states = try dumps(Self.ring + "async lookup 15 from 90\ndump\nstep 1\ndump\nstep\ndump\nwait\ndump\n")
        #expect(canonical(inFlight(states[0]).map { [$0["msg"], $0["from"], $0["to"], $0["type"]] }) == #"[[1,90,10,"find_successor"]]"#)
        #expect(lookups(states[0]).first?["owner"] is NSNull)
        #expect(lookups(states[0]).first?["failed"] as? Bool == false)
        #expect(inFlightIDs(states[1]) == [2])
        #expect(lookups(states[1]).first?["path"] as? [Int] == [90, 10])
        #expect(inFlightIDs(states[2]) == [3])
        #expect(inFlightIDs(states[3]) == [])
        #expect(lookups(states[3]).first?["owner"] as? Int == 32)
        #expect(lookups(states[3]).first?["path"] as? [Int] == [90, 10, 32])
    }

    /// The in-flight list is ordered by (due, sequence); `step 1` always delivers its head.
    @Test(arguments: UInt64(0)..<12)
    func inFlightIsOrderedByDueAndStepDeliversTheFirst(seed: UInt64) throws {
        var script = Self.ring + "latency 1..20\n"
        for from in [10, 32, 60, 90, 105, 120] { script += "async lookup \(from + 7) from \(from)\n" }
        for _ in 0..<8 { script += "dump\nstep 1\n" }
        script += "dump\nwait\ndump\n"
        let (outputs, world) = try run(script, seed: seed)
        let states = dumpsOf(outputs)
        for state in states {
            let dues = inFlight(state).map { ($0["due"] as! Int, $0["msg"] as! Int) }
            #expect(zip(dues, dues.dropFirst()).allSatisfy { $0.0 <= $1.0 }, "seed \(seed): \(dues)")
        }
        for (before, after) in zip(states, states.dropFirst()).prefix(8) {
            guard let first = inFlightIDs(before).first else { continue }
            #expect(!inFlightIDs(after).contains(first), "step 1 delivers m\(first)")
            // Only the head left flight: every other message still in flight or newer.
            let rest = Set(inFlightIDs(before).dropFirst())
            #expect(rest.isSubset(of: Set(inFlightIDs(after))))
        }
        #expect(world.isIdle)
        #expect(lookups(states.last!).allSatisfy { $0["failed"] as? Bool == false })
        // Ids are numbered from 1 in send order, and the same seed gives the same ids.
        #expect(inFlightIDs(states[0]).sorted() == [1, 2, 3, 4, 5, 6])
        let again = try run(script, seed: seed).outputs
        #expect(again == outputs)
    }

    /// `deliver mK` out of order: the receiver handles it at once, the others stay.
    @Test func deliverOutOfOrder() throws {
        let states = try dumps(Self.ring + "async lookup 15 from 90\nasync lookup 70 from 10\ndump\ndeliver m2\ndump\nwait\ndump\n")
        #expect(inFlightIDs(states[0]).sorted() == [1, 2])
        #expect(inFlightIDs(states[1]).contains(1))
        #expect(!inFlightIDs(states[1]).contains(2))
        #expect(lookups(states[1])[1]["path"] as? [Int] == [10, 60])
        #expect(lookups(states[2]).map { $0["owner"] as? Int } == [32, 90])
    }

    /// `drop mK`: the sender's timer fires and the query is re-routed around the peer it now
    /// treats as failed (the paper's timeout behaviour); the lookup still finds the owner.
    /// The dropped hop is not on the path: 90 re-routes through 120 (which may still use
    /// 10, alive after all).
    @Test func dropThenTheTimerFiresAndTheLookupReroutes() throws {
        let (outputs, world) = try run(Self.ring + "async lookup 15 from 90\ndrop m1\ndump\nwait\ndump\n")
        let states = dumpsOf(outputs)
        #expect(inFlightIDs(states[0]) == [], "the timer is pending, nothing is in flight")
        let lookup = try #require(lookups(states[1]).first)
        #expect(lookup["failed"] as? Bool == false)
        #expect(lookup["owner"] as? Int == 32)
        #expect(lookup["path"] as? [Int] == [90, 120, 10, 32], "\(lookup)")
        #expect(traceText(world).contains("90: 10 did not answer → treat it as failed"))
        // 90 forgot 10: it is no longer in 90's fingers.
        #expect(!fingerNodes(node(states[1], 90)).contains(10))
    }

    /// Dropping the owner's answer: nothing more can come, so the lookup fails.
    @Test func droppingTheAnswerFailsTheLookup() throws {
        let states = try dumps(Self.ring + "async lookup 15 from 90\nstep 2\ndump\ndrop m3\nwait\ndump\n")
        #expect(inFlight(states[0]).first?["type"] as? String == "find_successor_reply")
        let lookup = try #require(lookups(states[1]).first)
        #expect(lookup["failed"] as? Bool == true)
        #expect(lookup["owner"] is NSNull)
        #expect(lookup["path"] as? [Int] == [90, 10, 32])
    }

    @Test func idsNotInFlightAreErrorsThatNameTheIdsInFlight() {
        #expect(scriptError(Self.ring + "deliver m1\n")?.message == "m1 is not in flight; no message is in flight")
        // Listed in delivery order: m2 is due first here.
        #expect(scriptError(Self.ring + "async lookup 15 from 90\nasync lookup 70 from 10\ndrop m7\n")?.message == "m7 is not in flight; in flight: m2 m1")
        #expect(scriptError(Self.ring + "async lookup 15 from 90\nstep\ndeliver m1\n")?.message == "m1 is not in flight; in flight: m2")
        // An id no message can have is one not in flight, too (script.md: the error names those that are).
        #expect(scriptError(Self.ring + "async lookup 15 from 90\ndeliver m0\n")?.message == "m0 is not in flight; in flight: m1")
        #expect(scriptError(Self.ring + "async lookup 15 from 90\ndrop m99999999999999999999\n")?.message.hasSuffix("is not in flight; in flight: m1") == true)
    }

    /// A "not in flight" error points at the message id, as other argument errors point
    /// at their argument (`lookup 15 from 33` at 33), not at the command's first column.
    @Test func idsNotInFlightPointAtTheId() {
        #expect(scriptError(Self.ring + "deliver m9\n")?.column == 9)
        #expect(scriptError(Self.ring + "  drop   m9\n")?.column == 10)
        #expect(scriptError(Self.ring + "async lookup 15 from 90\n\tdeliver m7\n")?.column == 10)
    }

    /// Audit: an error of `async` work that surfaces while a later command runs names the
    /// `async` line (it named the running command's).
    @Test func anAsyncCommandsErrorNamesItsOwnLine() {
        let script = "bits 7\nadd P=10 A=32 B=60\nwrite P put x 1\ncommit\nasync primary A\npartition P | A\nsay x\nlookup 3 from B\n"
        let error = scriptError(script)
        #expect(error?.line == 5 && error?.column == 1, "\(String(describing: error))")
        #expect(error?.message.hasPrefix("the handoff session P→A was cut off") == true)
    }

    /// A command without `async` runs until its messages are done; earlier async work that
    /// comes due meanwhile runs too.
    @Test func aPlainCommandFinishesEarlierAsyncWorkThatComesDue() throws {
        let states = try dumps(Self.ring + "async lookup 15 from 90\nlookup 70 from 10\ndump\n")
        #expect(lookups(states[0]).map { $0["owner"] as? Int } == [32, 90])
        #expect(inFlight(states[0]).isEmpty)
    }

    /// Issue bug 7: the node holding a query and its next hop both crash; the origin's
    /// timer ends the lookup (failed), nothing hangs.
    @Test func aLookupWhoseHolderAndNextHopCrashEnds() throws {
        let (outputs, world) = try run(Self.ring + "async lookup 15 from 90\nstep 1\ndump\nfail 10\nfail 32\nwait\ndump\n")
        let states = dumpsOf(outputs)
        #expect(inFlight(states[0]).map { [$0["from"] as? Int, $0["to"] as? Int] } == [[10, 32]])
        let lookup = try #require(lookups(states[1]).first)
        #expect(lookup["failed"] as? Bool == true || lookup["owner"] as? Int == 60, "\(lookup)")
        #expect(world.isIdle)
    }
}
