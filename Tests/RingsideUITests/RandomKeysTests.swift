import RingsideKernel
import RingsideSimulation
import Testing
@testable import RingsideUI

/// A student mashing keys: random key sequences on the demo never trap, every frame
/// renders at its size, and the world stays consistent enough to dump.
@Suite struct RandomKeysTests {
    static let keys: [Key] = [
        .character("n"), .character("n"), .character("n"), .character("."), .space, .tab, .backTab,
        .left, .right, .up, .down, .enter, .enter, .escape, .backspace, .delete, .home, .end,
        .pageUp, .pageDown, .character("j"), .character("l"), .character("s"), .character("f"),
        .character("x"), .character("L"), .character("w"), .character("a"), .character("c"),
        .character(":"), .character("?"), .character("+"), .character("-"), .character("z"),
        .character("Z"), .character("1"), .character("5"), .character("9"), .character("0"),
        .character("P"), .character("A"), .character("B"), .character(" "), .character("p"),
        .character("u"), .character("t"), .character("X"), .character("é"), .character("日"),
        .function(5), .resize, .control("a"), .control("w"),
        .mouse(MouseEvent(x: 20, y: 10, button: .left)), .mouse(MouseEvent(x: 500, y: -3, button: .left)),
    ]

    @Test(arguments: 0..<16)
    func keyMashingNeverTraps(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var (frontEnd, _) = try Fixtures.demo()
        let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 30, height: 8),
                     Size(width: 200, height: 60), Size(width: 0, height: 0)]
        var now: Int64 = 0
        for _ in 0..<250 {
            let key = Self.keys[rng.index(below: Self.keys.count)]
            if key == .character("q") { continue }
            let size = sizes[rng.index(below: sizes.count)]
            now += Int64(rng.index(below: 400))
            let keepRunning = frontEnd.handle(.key(key), size: size, now: now)
            #expect(keepRunning)
            if rng.index(below: 4) == 0 { _ = frontEnd.handle(.tick, size: size, now: now) }
            let grid = frontEnd.render(size: size, glyphs: rng.index(below: 2) == 0 ? .unicode : .ascii)
            #expect(grid.size == size)
        }
        let json = StateJSON.encode(frontEnd.model.world)
        #expect(json.hasPrefix("{\"version\":2,"))
    }
}
