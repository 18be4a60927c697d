import Foundation
import Testing
@testable import RingsideSimulation

/// Version 2's network settings and faults (script.md "Network and faults"), run headless
/// through scripts and read back from dumps.
@Suite("Network: latency, timeout, loss, partition, recover")
struct NetworkFaultTests {
    static let ring = "bits 7\nsuccessors 3\nadd 10 32 60 90 105 120\n"

    @Test func latencyAndTimeoutAppearInTheDump() throws {
        let states = try dumps("dump\nlatency 5..20\ntimeout 45\nloss 0.25\ndump\nloss 0\ndump\n")
        #expect(canonical(network(states[0])) == #"{"latency":[1,9],"loss":0,"partition":[],"timeout":30}"#)
        #expect(canonical(network(states[1])) == #"{"latency":[5,20],"loss":0.25,"partition":[],"timeout":45}"#)
        #expect(network(states[2])["loss"] as? Double == 0)
    }

    /// Latency and timeout change virtual time only: every lecture scenario ends with the
    /// same nodes and lookups under `latency 1..1` and `latency 5..20` (no timer can fire
    /// before a delivery while latency stays below the timeout).
    @Test(arguments: ["bayou-lecture", "eager-join-m6", "failure-and-repair", "finger-table-80",
                      "lecture-ring", "stabilize-join-50"])
    func latencyDoesNotChangeOutcomes(name: String) throws {
        let text = try scenario(name) + "\ndump\n"
        let fast = try #require(dumps("latency 1..1\n" + text).last)
        let slow = try #require(dumps("latency 5..20\ntimeout 40\n" + text).last)
        let plain = try #require(dumps(text).last)
        #expect(canonical(fast["nodes"]) == canonical(slow["nodes"]))
        #expect(canonical(fast["lookups"]) == canonical(slow["lookups"]))
        #expect(canonical(plain["nodes"]) == canonical(slow["nodes"]))
        #expect(inFlight(slow).isEmpty)
    }

    /// Latency past the timeout: every sender's timer fires before its message arrives, so
    /// it treats the peer as failed and re-routes; the late message is still delivered (the
    /// spec loses only lost, dropped or unreachable messages). The command still waits for
    /// every late message (nothing in flight after it), and the lookup ends either way.
    @Test func latencyPastTheTimeoutEndsSanely() throws {
        let states = try dumps(Self.ring + "latency 40..50\ntimeout 30\nlookup 15 from 90\ndump\nlookup 100 from 10\ndump\n")
        for state in states {
            #expect(inFlight(state).isEmpty)
            for lookup in lookups(state) {
                let failed = try #require(lookup["failed"] as? Bool)
                #expect(failed == (lookup["owner"] is NSNull))
            }
        }
        #expect(lookups(states[1]).count == 2)
    }

    @Test func lossOneFailsEveryLookupToAnotherNodeAndNeverHangs() throws {
        for from in [10, 32, 60, 90, 105, 120] {
            let state = try #require(dumps(Self.ring + "loss 1\nlookup 15 from \(from)\nlookup 77 from \(from)\ndump\n").last)
            for lookup in lookups(state) {
                let owner = idealOwner(lookup["key"] as! Int, [10, 32, 60, 90, 105, 120])
                guard owner != from else { continue }
                // The first lookup loses every message; its origin forgets each peer in turn.
                if (lookup["key"] as? Int) == 15 {
                    #expect(lookup["failed"] as? Bool == true, "\(lookup)")
                    #expect(lookup["owner"] is NSNull)
                    #expect(lookup["path"] as? [Int] == [from], "only the origin handled it: \(lookup)")
                }
                #expect(lookup["owner"] as? Int != owner || lookup["failed"] as? Bool == false)
            }
            #expect(inFlight(state).isEmpty)
        }
    }

    /// Audit: only a request that times out marks its peer failed (script.md). 32's answer
    /// to 90 is dropped; 32 keeps 90 in its successor list and fingers, and 90's lookup,
    /// which never hears back, fails.
    @Test func aLostReplyLeavesItsSenderTrustingTheAsker() throws {
        let state = try #require(dumps(Self.ring + "async lookup 15 from 90\nstep 2\ndrop m3\nwait\ndump\n").last)
        let n32 = try #require(node(state, 32))
        #expect(n32["successors"] as? [Int] == [60, 90, 105])
        #expect(fingerNodes(n32).contains(90))
        #expect(lookups(state).first?["failed"] as? Bool == true)
    }

    @Test func lossZeroRestoresDelivery() throws {
        let state = try #require(dumps(Self.ring + "loss 1\nloss 0\nlookup 15 from 90\ndump\n").last)
        #expect(canonical(lookups(state)) == canonical([["key": 15, "from": 90, "path": [90, 10, 32], "owner": 32, "failed": false, "messages": 3]]))
    }

    /// Under loss 0.3 over many seeds every lookup terminates; a failed one has no owner; a
    /// non-failed one names a live node; a path only lists nodes that handled the query,
    /// starting at its origin and without a node twice in a row.
    @Test func lossMakesLookupsFailOrAnswerWithALiveNode() throws {
        let ids = [10, 32, 60, 90, 105, 120]
        for seed in UInt64(0)..<60 {
            var script = Self.ring + "loss 0.3\n"
            for i in 0..<6 { script += "lookup \((Int(seed) * 37 + i * 23) % 128) from \(ids[(Int(seed) + i) % 6])\n" }
            script += "dump\n"
            let (outputs, world) = try run(script, seed: seed)
            #expect(world.isIdle)
            let state = try #require(dumpsOf(outputs).last)
            #expect(lookups(state).count == 6)
            for lookup in lookups(state) {
                let failed = try #require(lookup["failed"] as? Bool)
                let path = try #require(lookup["path"] as? [Int])
                #expect(path.first == lookup["from"] as? Int)
                if failed {
                    #expect(lookup["owner"] is NSNull, "seed \(seed): \(lookup)")
                } else {
                    let owner = try #require(lookup["owner"] as? Int, "seed \(seed): \(lookup)")
                    #expect(ids.contains(owner))
                    #expect(path.last == owner)
                }
                #expect(zip(path, path.dropFirst()).allSatisfy { $0 != $1 }, "seed \(seed): \(path)")
            }
        }
    }

    @Test func partitionGroupsAreListedAsWrittenWithTheImplicitGroupLast() throws {
        let states = try dumps("bits 7\nadd P=10 A=32 B=60 90 105 120\nfail 105\npartition B,P | 90\ndump\npartition 120 | A\ndump\nheal\ndump\n")
        #expect(canonical(network(states[0])["partition"]) == #"[["B","P"],["N90"],["A","N105","N120"]]"#)
        #expect(canonical(network(states[1])["partition"]) == #"[["N120"],["A"],["P","B","N90","N105"]]"#)
        #expect(canonical(network(states[2])["partition"]) == "[]")
    }

    @Test func partitionErrorsNameTheNode() {
        #expect(scriptError(Self.ring + "partition 10,32 | 32\n")?.message.contains("32") == true)
        #expect(scriptError(Self.ring + "partition 10 | 33\n")?.message.contains("33") == true)
    }

    /// A lookup across a partition fails or answers with a node on the asker's side (the
    /// ring splits); inside one side it finds the owner; after `heal` the message reaches
    /// the other side again.
    @Test func lookupsAcrossAPartitionFailOrStayOnTheirSide() throws {
        let states = try dumps(Self.ring + "partition 10,32,60 | 90,105,120\nlookup 100 from 10\nlookup 50 from 10\nheal\ndump\n")
        let all = lookups(states[0])
        let across = all[0], inside = all[1]
        if across["failed"] as? Bool == false {
            #expect([10, 32, 60].contains(across["owner"] as? Int ?? -1), "\(across)")
        } else {
            #expect(across["owner"] is NSNull)
        }
        #expect(((across["path"] as? [Int]) ?? []).allSatisfy { [10, 32, 60].contains($0) })
        #expect(inside["owner"] as? Int == 60 && inside["failed"] as? Bool == false)
        #expect(canonical(network(states[0])["partition"]) == "[]")
    }

    @Test func bayouSyncAcrossAPartitionMovesNothingAndConvergesAfterHeal() throws {
        let script = """
            bits 7
            add P=10 A=32 B=60
            partition P,A | B
            write A put x 1
            invariants
            write B put y 2
            sync A B
            invariants
            dump
            commit
            sync P A
            heal
            sync A B
            sync P B
            sync A B
            invariants
            dump
            """
        let (outputs, _) = try run(script)
        #expect(reports(outputs) == ["invariants hold", "invariants hold", "invariants hold"])
        let states = dumpsOf(outputs)
        let during = try #require(states.first)
        #expect(canonical((node(during, 32)?["bayou"] as? [String: Any])?["db"]) == #"{"x":"1"}"#)
        #expect(canonical((node(during, 60)?["bayou"] as? [String: Any])?["db"]) == #"{"y":"2"}"#)
        let after = try #require(states.last)
        let logs = [10, 32, 60].map { canonical((node(after, $0)?["bayou"] as? [String: Any])?["log"]) }
        #expect(Set(logs).count == 1, "\(logs)")
        #expect(canonical((node(after, 60)?["bayou"] as? [String: Any])?["db"]) == #"{"x":"1","y":"2"}"#)
    }

    /// `recover`: the node rejoins (after settle the ring is the oracle's again), keeps its
    /// Bayou log, loses its DHT keys; an error when the node is not down.
    @Test func recoverRejoinsKeepsTheLogAndLosesTheKeys() throws {
        let script = Self.ring + """
            store 20 40
            write N32 put x 1
            fail 32
            recover 32 via 90
            settle
            dump
            """
        let (outputs, world) = try run(script)
        let state = try #require(dumpsOf(outputs).last)
        #expect(differencesFromBruteForce(world) == [])
        let n32 = try #require(node(state, 32))
        #expect(n32["alive"] as? Bool == true)
        #expect((n32["keys"] as? [Int]) == [])
        #expect(((n32["bayou"] as? [String: Any])?["log"] as? [Any])?.count == 1)
        #expect(canonical((n32["bayou"] as? [String: Any])?["db"]) == #"{"x":"1"}"#)
        for mode in ["eager", "stabilize"] {
            let (_, again) = try run(Self.ring + "join-mode \(mode)\nfail 60\nrecover 60 via 10\nsettle\n")
            #expect(differencesFromBruteForce(again) == [], "\(mode)")
        }
    }

    @Test func recoverErrors() {
        let notDown = scriptError(Self.ring + "recover 32 via 90\n")
        #expect(notDown?.message == "node 32 is not down, so there is nothing to recover")
        #expect(scriptError(Self.ring + "fail 32\nfail 90\nrecover 32 via 90\n") != nil)
        #expect(scriptError(Self.ring + "fail 32\nrecover 32 via 32\n") != nil)
        #expect(scriptError(Self.ring + "recover 33 via 90\n")?.message.contains("33") == true)
    }
}

/// Every `dump` among a run's outputs, parsed.
func dumpsOf(_ outputs: [ScriptOutput]) -> [[String: Any]] {
    outputs.compactMap { output in
        guard case let .dump(json) = output else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
    }
}
