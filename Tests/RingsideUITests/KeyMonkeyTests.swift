import RingsideKernel
import RingsideSimulation
import Testing
@testable import RingsideUI

/// The key monkey (`ringside fuzz --target keys`): its checks catch bad frames, and a
/// CI-sized run on the demo finds nothing.
@Suite struct KeyMonkeyTests {
    @Test func aRunOfRandomKeysOnTheDemoKeepsEveryFrameWhole() {
        let result = KeyMonkey.run(keys: 1_500, seed: 5)
        #expect(result.keys == 1_500)
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.runsWritten > 1_500)
    }

    @Test func theChecksFlagAFrameOfTheWrongSize() {
        var result = KeyMonkey.Result()
        KeyMonkey.check(Grid(width: 10, height: 5), previous: nil, size: Size(width: 12, height: 5), key: 7, into: &result)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.contains("key 7") == true)
    }

    @Test func theChecksPassAWellFormedFrameWithWideCharacters() {
        var result = KeyMonkey.Result()
        let grid = Grid(lines: ["日本 ok", "plain "])
        KeyMonkey.check(grid, previous: nil, size: grid.size, key: 0, into: &result)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test func keysAreAFunctionOfTheSeed() {
        var a = SplitMix64(seed: 9)
        var b = SplitMix64(seed: 9)
        let size = Size(width: 80, height: 24)
        for _ in 0..<200 { #expect(KeyMonkey.randomKey(&a, size: size) == KeyMonkey.randomKey(&b, size: size)) }
    }
}
