import Testing
@testable import RingsideSimulation
import RingsideKernel

@Suite("Chord worked examples from the lecture slides")
struct LectureExampleTests {
    @Test func fingerTablesOfNodes10And90() throws {
        let state = try #require(try dumps(scenario("lecture-ring")).last)
        let n10 = node(state, 10)
        #expect(fingerStarts(n10) == [11, 12, 14, 18, 26, 42, 74])
        #expect(fingerNodes(n10) == [32, 32, 32, 32, 32, 60, 90])
        let n90 = node(state, 90)
        #expect(fingerStarts(n90) == [91, 92, 94, 98, 106, 122, 26])
        #expect(fingerNodes(n90) == [105, 105, 105, 105, 120, 10, 32])
        #expect(n90?["successor"] as? Int == 105)
        #expect(n90?["predecessor"] as? Int == 60)
        #expect(n90?["successors"] as? [Int] == [105, 120, 10])
    }

    @Test func routeOfKey15From90() throws {
        let result = try run(scenario("lecture-ring"))
        let state = try #require(try dumps(scenario("lecture-ring")).last)
        let lookups = try #require(state["lookups"] as? [[String: Any]])
        #expect(lookups.count == 1)
        #expect(lookups[0]["key"] as? Int == 15)
        #expect(lookups[0]["from"] as? Int == 90)
        #expect(lookups[0]["path"] as? [Int] == [90, 10, 32])
        #expect(lookups[0]["owner"] as? Int == 32)
        let trace = traceText(result.world)
        #expect(trace.contains("90: 15 ∉ (90,105] → forward to closest preceding finger 10"))
        #expect(trace.contains("10: 15 ∈ (10,32] → successor 32 owns it"))
    }

    @Test func fingerTableAt80() throws {
        let state = try #require(try dumps(scenario("finger-table-80")).last)
        #expect(fingerNodes(node(state, 80)) == [96, 96, 96, 96, 96, 112, 20])
        #expect(fingerStarts(node(state, 80)) == [81, 82, 84, 88, 96, 112, 16])
    }

    @Test func eagerJoinOfPeer2OnTheM6Ring() throws {
        let result = try run(scenario("eager-join-m6"))
        let state = try #require(try dumps(scenario("eager-join-m6")).last)
        let joiner = node(state, 2)
        // The correct starts, n + 2^(k-1) mod 2^m (the slide prints 14, 30, 46 for the last three).
        #expect(fingerStarts(joiner) == [3, 4, 6, 10, 18, 34])
        #expect(fingerNodes(joiner) == [8, 8, 8, 16, 32, 40])
        #expect(joiner?["predecessor"] as? Int == 60)
        #expect(joiner?["successor"] as? Int == 8)
        // Peer 3 (id 32): its last finger (start 0) moves from peer 4 (8) to the new peer.
        #expect(fingerNodes(node(state, 32)) == [40, 40, 40, 40, 48, 2])
        // Peer 6 (id 48): finger start 0 moves to 2.
        #expect(fingerNodes(node(state, 48)) == [60, 60, 60, 60, 2, 16])
        // Peer 2 (16) and peer 1 (40) need no update.
        #expect(fingerNodes(node(state, 16)) == [32, 32, 32, 32, 32, 48])
        #expect(fingerNodes(node(state, 40)) == [48, 48, 48, 48, 60, 8])
        // Peer 5 (60): its successor and the fingers starting 61, 62 and 0 become 2.
        #expect(fingerNodes(node(state, 60)) == [2, 2, 2, 8, 16, 32])
        #expect(node(state, 8)?["predecessor"] as? Int == 2)

        // The update messages in the slides' order: k = 6 (their i = 5) to 32, then k = 5 to 48.
        let trace = traceText(result.world)
        let to32 = try #require(trace.firstIndex(of: "2: update_others k=6: update_finger_table(2, 6) → 32"))
        let to48 = try #require(trace.firstIndex(of: "2: update_others k=5: update_finger_table(2, 5) → 48"))
        #expect(to32 < to48)
        #expect(trace.contains("32: 2 ∈ [32,8) → finger[6] := 2; pass to predecessor 16"))
        #expect(trace.contains("16: update_finger_table(2, 6): 2 ∉ [16,48) → no update needed"))
        #expect(trace.contains("48: 2 ∈ [48,8) → finger[5] := 2; pass to predecessor 40"))
        #expect(trace.contains("40: update_finger_table(2, 5): 2 ∉ [40,60) → no update needed"))
        #expect(differencesFromBruteForce(result.world) == [])
        // The joiner's range is (60,2] = [61,2], not the "(61,2)" of two slides.
        #expect((joiner?["keys"] as? [Int])?.sorted() == [0, 1, 2, 61, 62, 63])
        #expect(node(state, 8)?["keys"] as? [Int] == [3])
    }

    @Test func stabilizeJoinOfNode50StepByStep() throws {
        let states = try dumps(scenario("stabilize-join-50"))
        #expect(states.count == 3)
        func pointers(_ state: [String: Any], _ id: Int) -> (Int?, Int?) {
            (node(state, id)?["successor"] as? Int, node(state, id)?["predecessor"] as? Int)
        }
        // join: 50 learns only its successor.
        #expect(pointers(states[0], 50) == (58, nil))
        #expect(pointers(states[0], 58) == (4, 44))
        #expect(pointers(states[0], 44) == (58, 35))
        // stabilize at 50, notify at 58.
        #expect(pointers(states[1], 50) == (58, nil))
        #expect(pointers(states[1], 58) == (4, 50))
        #expect(pointers(states[1], 44) == (58, 35))
        // stabilize at 44, notify at 50.
        #expect(pointers(states[2], 44) == (50, 35))
        #expect(pointers(states[2], 50) == (58, 44))
        #expect(pointers(states[2], 58) == (4, 50))

        let trace = traceText(try run(scenario("stabilize-join-50")).world)
        let expected = [
            "50: stabilize → ask successor 58 for its predecessor",
            "50: 58's predecessor is 44; 44 ∉ (50,58) → keep successor 58",
            "50: notify(50) → 58",
            "58: notify(50): 50 ∈ (44,58) → predecessor := 50",
            "44: stabilize → ask successor 58 for its predecessor",
            "44: 58's predecessor is 50; 50 ∈ (44,58) → successor := 50",
            "44: notify(44) → 50",
            "50: notify(44): predecessor is nil → predecessor := 44",
        ]
        var position = trace.startIndex
        for line in expected {
            let found = try #require(trace[position...].firstIndex(of: line), "missing in order: \(line)")
            position = found + 1
        }
    }
}
