import Foundation
import RingsideKernel
import RingsideSimulation
import Testing
@testable import RingsideUI

/// Hashed names show their id, and abbreviated ids get the digits that tell them apart
/// (issue 8, item 7).
@Suite struct HashedNamesTests {
    static let size = Size(width: 140, height: 42)

    private func world(_ script: String) throws -> World {
        try Fixtures.model(script.split(separator: "\n").map(String.init)).world
    }

    private func played(_ script: String) throws -> FrontEnd {
        var (frontEnd, _) = try Fixtures.scripted(script)
        for _ in 0..<200 where frontEnd.model.scriptRemaining > 0 || !frontEnd.model.world.isIdle {
            frontEnd.press(.character("n"))
        }
        return frontEnd
    }

    @Test func aCommandNamesEveryHashedWordOnceWithItsId() throws {
        let world = try world("bits 8\nadd 10 32 90 105 alice\n")
        let command = try #require(try Parser.parse(line: "lookup carol from alice", number: 1)).command
        let names = world.hashedNames(in: command)
        #expect(names.map(\.name) == ["carol", "alice"])
        #expect(names.map(\.id) == [world.space.hash("carol"), world.space.hash("alice")])
        #expect(names.map(\.isKey) == [true, false])
        // The lecture's numbers: at m = 8, carol hashes to 131 and alice to 232.
        #expect(world.hashedNamesText(names) == "carol \u{2192} 131, alice \u{2192} 232")
        // Ids written as ids, and names given an id by hand, hash nothing.
        let plain = try #require(try Parser.parse(line: "lookup 15 from 10", number: 1)).command
        #expect(world.hashedNames(in: plain).isEmpty)
    }

    @Test func theEventsLogAndTheRingFooterShowTheIdsOfHashedNames() throws {
        let frontEnd = try played("bits 8\nadd 10 32 90 105 alice\nlookup carol from alice\n")
        let screen = frontEnd.screen(Self.size).joined(separator: "\n")
        #expect(screen.contains("\u{203A} add 10 32 90 105 alice  (alice \u{2192} 232)"))
        #expect(screen.contains("\u{203A} lookup carol from alice  (carol \u{2192} 131, alice \u{2192} 232)"))
        #expect(screen.contains("lookup carol \u{2192} 131 (2 hops): 232 \u{2192} 105 \u{2192} 232"))
    }

    @Test func theStorePanelNamesItsKey() throws {
        let frontEnd = try played("bits 8\nadd 10 32 90 105\nreplication 2\nput dave 1 from 10\nfocus store\n")
        let screen = frontEnd.screen(Self.size).joined(separator: "\n")
        #expect(screen.contains("key dave \u{2192} 251"))
    }

    @Test func idsThatShareLeadingDigitsGetMoreOfThem() throws {
        // 49-digit ids (2^160 is about 1.46 * 10^48).
        let zeros = { (n: Int) in String(repeating: "0", count: n) }
        let a = "1231" + zeros(44) + "1", b = "1231" + zeros(44) + "2"
        let c = "1232" + zeros(45), d = "1100" + zeros(45), e = "7" + zeros(47)
        // 1231… and 1232… share 3 digits: the usual 5 digits and the ellipsis tell them apart.
        let near = try world("add \(a) \(c) \(d)")
        let nodeC = try #require(near.state.index(ofName: "N" + c))
        #expect(near.ringLabel(nodeC, width: 6) == "12320\u{2026}")
        // 123131… and 123135… share 5 digits, all the width shows: one more digit each.
        let close = try world("add \(a) 123131\(zeros(43)) 123135\(zeros(43)) \(e)")
        let x = try #require(close.state.index(ofName: "N123131" + zeros(43)))
        #expect(close.ringLabel(x, width: 6) == "123131\u{2026}")
        // Ids sharing more digits than that get more, up to twice the width.
        let far = try world("add \(a) \(b) \(d)")
        let nodeA = try #require(far.state.index(ofName: "N" + a))
        #expect(far.ringLabel(nodeA, width: 6) == "12310000000\u{2026}")
        #expect(TextWidth.of(far.displayName(nodeA)) == 24)
        // A ring of one has nothing to tell apart.
        let one = try world("add \(e)")
        #expect(one.ringLabel(0, width: 6) == "70000\u{2026}")
    }
}
