import Testing
import Chord
import RingsideInvariants
@testable import RingsideSimulation

/// The guided scenarios teach what their captions say: each is run headless and its
/// outcome checked at the points where the captions make a claim.
@Suite struct TeachingScenarioTests {
    /// Runs `name`, handing the world to `atDump` at each `dump` (numbered from 0).
    private func run(_ name: String, atDump: (Int, World) throws -> Void = { _, _ in }) throws -> World {
        var world = World()
        var dumps = 0
        for statement in try Parser.parse(script: try scenario(name)) {
            _ = try world.execute(statement)
            if case .dump = statement.command {
                try atDump(dumps, world)
                dumps += 1
            }
        }
        return world
    }


    @Test func successorPointersAloneWalkTheRingAndFingersCutItShort() throws {
        let world = try run("successor-vs-fingers")
        let lookups = world.chord.lookups
        #expect(lookups.count == 2)
        // 5 → 10 → 16 → … → 58, then the owner 0: every node on the way.
        #expect(lookups[0].path.count - 1 == 11)
        #expect(lookups[1].path.count - 1 <= 4)
        #expect(lookups[0].owner == lookups[1].owner)
        #expect(lookups[0].owner.map { world.state.id($0).description } == "0")
    }

    @Test func moreConsecutiveFailuresThanSuccessorsGiveAWrongOwnerFewerDoNot() throws {
        let id = { (world: World, node: NodeIndex?) in node.map { world.state.id($0).description } }
        let world = try run("consecutive-failures") { number, world in
            guard number == 0 else { return }
            // After `successors 4` and settle: 60's list is the next four live nodes.
            let sixty = try #require(world.state.index(ofName: "N60"))
            #expect(world.state.successorList(sixty).map { world.state.id($0).description } == ["70", "90", "100", "105"])
        }
        let lookups = world.chord.lookups
        #expect(lookups.count == 3)
        // r = 2, three crashes after 10: key 40 belongs to 60, but 10 answers 90.
        #expect(id(world, lookups[0].owner) == "90")
        #expect(!lookups[0].failed)
        // After settle the same lookup is right.
        #expect(id(world, lookups[1].owner) == "60")
        // r = 4, three crashes after 60: the list still reaches 105, the owner of 95.
        #expect(id(world, lookups[2].owner) == "105")
        #expect(!lookups[2].failed)
    }

    @Test func timeoutsShorterThanDelaysLeaveTheRingOutOfOrder() throws {
        let world = try run("timeouts-disorder-ring")
        // Nobody crashed: every node is alive, and still the ring winds round twice.
        #expect(world.state.liveCount == 7)
        let names = ChordInvariants.violations(world.state).map(\.name)
        #expect(names.contains("OrderedRing"))
        var cycle = [try #require(world.state.index(ofName: "N17"))]
        for _ in 0..<7 { cycle.append(try #require(world.state.successorList(cycle.last!).first)) }
        #expect(cycle.map { world.state.id($0).description } == ["17", "233", "301", "1005", "81", "409", "808", "17"])
    }

    @Test func aTentativeBookingChangesWhenThePrimaryCommitsInAnotherOrder() throws {
        let names = ["P", "A", "B"]
        let world = try run("meeting-room-commit") { number, world in
            let database = { (name: String) in world.replica(world.state.index(ofName: name)!).database }
            switch number {
            case 0:
                // Timestamp order: Bob (3) before Alice (5), at both A and B.
                #expect(database("A") == ["mon10": "bob", "mon11": "alice"])
                #expect(database("B") == ["mon10": "bob", "mon11": "alice"])
            case 1:
                // Alice's booking committed first (CSN 1): B re-applies Bob's and moves him.
                #expect(database("B") == ["mon10": "alice", "mon11": "bob"])
                #expect(database("A") == ["mon10": "bob", "mon11": "alice"])
            default:
                break
            }
        }
        for name in names {
            #expect(world.replica(world.state.index(ofName: name)!).database == ["mon10": "alice", "mon11": "bob"])
        }
    }

    /// converging-32's "After round k" captions say how many distinct databases there are
    /// and how far the writes got: each claim is checked against the replicas at that point.
    @Test func convergingCaptionsStateTheRoundsRealNumbers() throws {
        var world = World()
        var checked = 0
        for statement in try Parser.parse(script: try scenario("converging-32")) {
            _ = try world.execute(statement)
            guard case let .say(text) = statement.command, text.hasPrefix("After round") else { continue }
            let live = world.state.liveRing.nodes
            let databases = live.map { world.replica($0).database.keys.sorted() }
            let distinct = Set(databases).count
            let stated = try #require(text.split(separator: ":")[1].split(separator: " ").compactMap { Int($0) }.first)
            #expect(stated == distinct, "\(text)")
            let holders = ["room", "lunch", "slides", "exam"].map { key in databases.filter { $0.contains(key) }.count }
            let sizes = databases.map(\.count)
            switch checked {
            case 0:
                #expect(Set(holders) == [3, 4] && sizes.filter { $0 == 0 }.count == 18)
            case 1:
                #expect(Set(holders) == [8, 9] && sizes.filter { $0 == 2 }.count == 3 && sizes.filter { $0 == 0 }.count == 2)
            case 2:
                #expect(sizes.min() == 1 && sizes.filter { $0 == 2 }.count > 16 && sizes.filter { $0 == 3 }.count == 6
                        && sizes.max() == 3)
            default:
                #expect(sizes.allSatisfy { $0 == 4 })
            }
            checked += 1
        }
        #expect(checked == 4)
    }

    @Test func aThousandNodeRingAnswersInAboutHalfLogNHops() throws {
        let world = try run("thousand-node-hops")
        let lookups = world.chord.lookups
        #expect(lookups.count == 20)
        #expect(lookups.allSatisfy { !$0.failed && $0.owner != nil })
        let mean = Double(lookups.map { $0.path.count - 1 }.reduce(0, +)) / Double(lookups.count)
        // ½·log2(1000) ≈ 5 forwards to the key's predecessor (the paper's path length), then
        // the last hop to the owner.
        #expect(mean > 5 && mean < 7)
        // The caption states the mean these lookups really take (it once said ≈ 5).
        let caption = try #require(try scenario("thousand-node-hops").split(separator: "\n").first { $0.contains("their mean is") })
        let mean2 = (mean * 100).rounded() / 100
        #expect(caption.contains("their mean is \(String(format: "%.2f", mean2)):"))
    }
}

/// The consistent-hashing slide's key-to-node mapping (m = 6), as the scenario plays it.
@Suite struct KeyMappingScenarioTests {
    @Test func everyKeyIsOnTheFirstNodeAtOrAfterItAsTheSlidesExampleSays() throws {
        let state = try #require(try dumps(try scenario("key-mapping-m6")).last)
        let keys = { (id: Int) in (node(state, id)?["keys"] as? [Int]) ?? [] }
        #expect(keys(8) == [5, 8])  // "Node 8 maps keys [5,8]"
        #expect(keys(15) == [9, 14, 15])  // "[9,15]", and [14, V14] maps to 15
        #expect(keys(20) == [16, 20])
        #expect(keys(4) == [0, 4, 59, 63])  // "[59,4]", across 0
        let says = try scenario("key-mapping-m6").split(separator: "\n").filter { $0.hasPrefix("say ") }
        #expect(says.last?.contains("key 15 is on 15 itself, not on 20") == true)
    }
}
