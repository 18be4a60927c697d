import RingsideKernel
import RingsideSimulation

/// A monkey at the keyboard: seeded random keys on the demo through the same `FrontEnd`
/// the terminal uses (time travel, the message list, prompts, the `:` line, views,
/// resizes, mouse clicks anywhere), with every frame checked as the terminal would take it.
///
/// The grid clips every write by construction; what the monkey checks is what reaches the
/// terminal: each frame has the size asked for, each run of the diff lies inside the
/// screen and holds no control character, and wide characters keep their continuation
/// cell. Pure: no terminal, no clock (virtual milliseconds advance with the keys).
public enum KeyMonkey {
    public struct Result: Sendable {
        public var keys = 0
        public var frames = 0
        public var runsWritten = 0
        /// Broken promises, at most `findingsMax` of them, each with its key number.
        public var findings: [String] = []
    }

    static let findingsMax = 20

    /// Presses `count` keys chosen by `seed`; `q` is never pressed (it would end the run).
    public static func run(keys count: Int, seed: UInt64, sizes: [Size] = defaultSizes) -> Result {
        var rng = SplitMix64(seed: seed)
        let world = World(seed: seed)
        let engine = SynchronousEngine(core: EngineCore(world: world, script: try? ScenarioScript(name: "demo", text: Demo.script)))
        var frontEnd = FrontEnd(model: AppModel(world: world, title: "demo"), engine: engine)
        frontEnd.start()
        var result = Result()
        var now: Int64 = 0
        var size = sizes[0]
        var previous: Grid?
        for number in 0..<count {
            if rng.index(below: 50) == 0 {
                size = sizes[rng.index(below: sizes.count)]
                previous = nil
            }
            let key = randomKey(&rng, size: size)
            now += Int64(rng.index(below: 300))
            if !frontEnd.handle(.key(key), size: size, now: now) {
                note("key \(number) (\(key)): the front end asked to quit", into: &result)
            }
            if rng.index(below: 3) == 0 { _ = frontEnd.handle(.tick, size: size, now: now) }
            let grid = frontEnd.render(size: size, glyphs: rng.index(below: 4) == 0 ? .ascii : .unicode)
            check(grid, previous: previous, size: size, key: number, into: &result)
            previous = grid
            result.keys += 1
            result.frames += 1
        }
        return result
    }

    public static let defaultSizes = [
        Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 200, height: 60),
        Size(width: 100, height: 30), Size(width: 40, height: 12), Size(width: 1, height: 1), Size(width: 0, height: 0),
    ]

    static func check(_ grid: Grid, previous: Grid?, size: Size, key: Int, into result: inout Result) {
        guard grid.size == size else {
            note("key \(key): a \(size.width)×\(size.height) screen got a \(grid.width)×\(grid.height) frame", into: &result)
            return
        }
        let runs = grid.diff(from: previous?.size == size ? previous : nil)
        result.runsWritten += runs.count
        for run in runs {
            if run.x < 0 || run.y < 0 || run.y >= size.height || run.width < 0 || run.x + run.width > size.width {
                note("key \(key): a run at (\(run.x),\(run.y)) \(run.width) wide lies outside \(size.width)×\(size.height)", into: &result)
            }
            if run.text.unicodeScalars.contains(where: isControl) {
                note("key \(key): a run at (\(run.x),\(run.y)) holds a control character", into: &result)
            }
        }
        for y in 0..<size.height {
            for x in 0..<size.width {
                guard let cell = grid[x: x, y: y] else { continue }
                if cell.width == 2, grid[x: x + 1, y: y]?.isContinuation != true {
                    note("key \(key): the wide cell at (\(x),\(y)) has no continuation cell", into: &result)
                }
                if cell.isContinuation, x == 0 || grid[x: x - 1, y: y]?.width != 2 {
                    note("key \(key): a continuation cell at (\(x),\(y)) follows no wide cell", into: &result)
                }
            }
        }
    }

    private static func note(_ finding: String, into result: inout Result) {
        if result.findings.count < findingsMax { result.findings.append(finding) }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Mostly the keys the help lists, often letters and digits (prompts and the `:` line
    /// take them as text), sometimes anything: wide, combining, control, mouse anywhere.
    static func randomKey(_ rng: inout SplitMix64, size: Size) -> Key {
        switch rng.index(below: 10) {
        case 0...4:
            return commandKeys[rng.index(below: commandKeys.count)]
        case 5...7:
            let text = "abcdefghijklmnoprstuvwxyzABCDLNPUX0123456789 :.-+?/"
            return .character(Array(text)[rng.index(below: text.count)])
        case 8:
            return .mouse(MouseEvent(x: rng.index(below: size.width + 20) - 10, y: rng.index(below: size.height + 20) - 10,
                                     button: [.left, .right, .scrollUp, .scrollDown, .other][rng.index(below: 5)]))
        default:
            return oddKeys[rng.index(below: oddKeys.count)]
        }
    }

    static let commandKeys: [Key] = [
        .character("n"), .character("N"), .character(" "), .character("u"), .character("U"), .character("t"),
        .character("m"), .character("d"), .character("v"), .character("r"), .character("p"), .character("h"),
        .character("l"), .character("j"), .character("x"), .character("L"), .character("s"), .character("f"),
        .character("w"), .character("a"), .character("c"), .character(":"), .character("?"), .character("+"),
        .character("-"), .enter, .escape, .tab, .backTab, .left, .right, .up, .down, .home, .end, .pageUp, .pageDown,
        .backspace, .delete,
    ]

    static let oddKeys: [Key] = [
        .character("é"), .character("日"), .character("🙂"), .character("e\u{301}"), .character("\u{1b}"),
        .character("\u{0}"), .character("\u{9b}"), .control("a"), .control("w"), .control("u"), .control("l"),
        .function(1), .function(5), .function(12), .insert, .resize,
    ]
}
