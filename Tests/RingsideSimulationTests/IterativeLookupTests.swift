import Testing
@testable import RingsideSimulation
import RingsideKernel

@Suite("lookup-mode iterative: same path, the asker sends every request")
struct IterativeLookupTests {
    private func lookups(_ script: String) throws -> [[String: Any]] {
        try #require(try dumps(script).last?["lookups"] as? [[String: Any]])
    }

    @Test func lectureRouteOfKey15() throws {
        let base = "bits 7\nadd 10 32 60 90 105 120\n"
        let recursive = try lookups(base + "lookup 15 from 90\ndump\n")[0]
        let iterative = try lookups(base + "lookup-mode iterative\nlookup 15 from 90\ndump\n")[0]
        #expect(recursive["path"] as? [Int] == [90, 10, 32])
        #expect(iterative["path"] as? [Int] == [90, 10, 32])
        #expect(recursive["messages"] as? Int == 3)  // two forwards + the answer
        #expect(iterative["messages"] as? Int == 4)  // 2 per node asked (10 and 32)
        #expect(iterative["owner"] as? Int == 32)
        #expect(try dumps(base + "lookup-mode iterative\ndump\n").last?["lookupMode"] as? String == "iterative")
    }

    @Test func samePathsAndMessageCountsOnRandomRings() throws {
        var rng = SplitMix64(seed: 42)
        for round in 0..<20 {
            var ids = Set<UInt64>()
            while ids.count < 12 { ids.insert(rng.next() % 256) }
            var script = "bits 8\nadd " + ids.sorted().map(String.init).joined(separator: " ") + "\n"
            let from = ids.sorted()[round % 12]
            for k in 0..<5 { script += "lookup \((rng.next() % 256)) from \(from)\n"; _ = k }
            script += "dump\n"
            let recursive = try lookups(script)
            let iterative = try lookups("lookup-mode iterative\n" + script)
            #expect(recursive.count == iterative.count)
            for (r, i) in zip(recursive, iterative) {
                let path = try #require(r["path"] as? [Int])
                #expect(i["path"] as? [Int] == path)
                #expect(i["owner"] as? Int == r["owner"] as? Int)
                let asked = path.count - 1 - (path.last == path.first && path.count > 1 ? 1 : 0)
                #expect(i["messages"] as? Int == 2 * asked)
                #expect(r["messages"] as? Int == (path.count == 1 ? 0 : path.count - 1 + (path.last == path.first ? 0 : 1)))
            }
        }
    }

    @Test func iterativeStorePutsAndGetsWork() throws {
        let (outputs, _) = try run("bits 7\nadd 10 32 60 90 105 120\nlookup-mode iterative\nreplication 2\nput 15 v from 90\nget 15 from 105\n")
        #expect(outputs.contains(.report("get 15 from 105 = v")))
    }

    @Test func anIterativeLookupPastACrashedNodeStillFinds() throws {
        let state = try #require(try dumps("bits 7\nadd 10 32 60 90 105 120\nlookup-mode iterative\nfail 10\nlookup 15 from 90\ndump\n").last)
        let lookup = try #require((state["lookups"] as? [[String: Any]])?.first)
        #expect(lookup["failed"] as? Bool == false)
        #expect(lookup["owner"] as? Int == 32)
    }
}
