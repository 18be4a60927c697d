import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// The convergence view's model on real scripts: Bayou replicas converging by anti-entropy,
/// Chord repairing itself after a crash, and the history following the time-travel cursor.
@Suite struct ConvergenceTests {
    static func scenarioText() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Assets/scenarios/converging-32.ringside"), encoding: .utf8)
    }

    /// Runs script lines on a world, one sample after each, as the engine's reports would.
    static func run(_ lines: [String]) throws -> (World, ConvergenceHistory) {
        var world = World()
        var history = ConvergenceHistory()
        for (step, line) in lines.enumerated() {
            _ = try world.execute(line: line)
            history.record(world, step: step + 1)
        }
        return (world, history)
    }

    static func statements(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty && $0 != "pause" }
    }

    @Test func thirtyTwoReplicasConvergeByAntiEntropy() throws {
        let lines = Self.statements(try Self.scenarioText())
        let (world, history) = try Self.run(lines)
        let samples = history.samples
        #expect(samples.count == lines.count)
        #expect(samples.dropFirst(3).allSatisfy { $0.replicas == 32 })
        // Four writers and everyone else's empty database, until the first round.
        let afterWrites = try #require(samples.first { $0.hasWrites && $0.distinctDatabases == 5 })
        #expect(afterWrites.step <= lines.firstIndex { $0.hasPrefix("async sync") }!)
        // Spreading writes mixes them (a replica with two writes is a new database) before
        // the rounds make them one.
        let waits = lines.indices.filter { lines[$0] == "wait" }
        #expect(waits.count == 5)
        #expect(samples[waits[2]].distinctDatabases > 1)
        #expect(samples.last?.distinctDatabases == 1)
        #expect(samples.map(\.distinctDatabases).max()! > 5)
        var model = AppModel(world: world)
        model.convergence = history
        model.timeline = TimelinePosition(cursor: lines.count, steps: lines.count)
        let series = ConvergenceSeries(model: model)
        let since = try #require(series.identicalSince)
        #expect(since.time <= world.time && since.step > afterWrites.step)
        // Every replica has seen every origin's write.
        let matrix = VersionMatrix(world: world, rowsMax: 40)
        #expect(matrix.origins.map(\.name) == ["A", "I", "Q", "Y"])
        #expect(matrix.rows.count == 32 && matrix.hiddenRows == 0)
        #expect(matrix.rows.allSatisfy { $0.cells == [1, 1, 1, 1] })
    }

    @Test func halfwayTheHeatMapIsPatchy() throws {
        let lines = Self.statements(try Self.scenarioText())
        let secondRound = try #require(lines.indices.filter { lines[$0] == "wait" }.dropFirst().first)
        let (world, history) = try Self.run(Array(lines[...secondRound]))
        let matrix = VersionMatrix(world: world, rowsMax: 8)
        #expect(matrix.rows.count == 8 && matrix.hiddenRows == 24)
        let cells = matrix.rows.flatMap(\.cells)
        #expect(cells.contains(1) && cells.contains(0))
        #expect((history.samples.last?.distinctDatabases ?? 0) > 1)
    }

    /// A crash leaves a wrong successor and wrong fingers; stabilize and fix-fingers repair them.
    @Test func chordAfterChurn() throws {
        let (_, history) = try Self.run([
            "bits 7", "add 10 32 60 90 105 120", "store 15 40 70 100", "fail 60",
            "lookup 50 from 105", "stabilize", "stabilize", "fix-fingers", "lookup 50 from 105",
        ])
        let samples = history.samples
        let added = samples[1], failed = samples[3], repaired = samples.last!
        #expect(added.successorFraction == 1 && added.fingerFraction == 1)
        #expect(failed.liveNodes == 5 && failed.correctSuccessors == 4)
        #expect(failed.fingerFraction < 1)
        #expect(repaired.successorFraction == 1 && repaired.fingerFraction == 1)
        #expect(samples[4].failedLookups + samples[4].wrongOwnerLookups <= 1)
        #expect(repaired.failedLookups == samples[4].failedLookups)
        #expect(repaired.wrongOwnerLookups == samples[4].wrongOwnerLookups)
    }

    @Test func samplingABigRingStaysCheap() {
        let world = UIBenchmark.randomRing(nodes: 2000)
        let sample = ConvergenceSample(world: world, step: 1, previous: nil)
        #expect(sample.liveNodes == 1999)
        #expect(sample.fingersChecked == ConvergenceSample.fingerNodesMax * 32)
        #expect(sample.replicas == 1999)  // every live replica, not a spread
        let clock = ContinuousClock()
        let elapsed = clock.measure { for step in 0..<20 { _ = ConvergenceSample(world: world, step: step, previous: nil) } }
        // Generous for a debug build on a shared machine; the release build is far below.
        #expect(elapsed < .milliseconds(2000))
    }

    @Test func aFullHistoryKeepsItsBeginning() {
        var world = World()
        _ = try? world.execute(line: "add 10 32 60")
        var history = ConvergenceHistory()
        for step in 1...(ConvergenceHistory.capacity + 10) { history.record(world, step: step) }
        #expect(history.samples.count <= ConvergenceHistory.capacity)
        #expect(history.samples.first?.step == 1)
        #expect(history.samples.last?.step == ConvergenceHistory.capacity + 10)
    }

    @Test func sparklinesResampleToTheirWidth() {
        let line = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7], range: 0...7)
        #expect(String(line.characters(width: 8, glyphs: .unicode)) == "▁▂▃▄▅▆▇█")
        #expect(String(line.characters(width: 4, glyphs: .unicode)) == "▂▄▆█")
        #expect(String(line.characters(width: 20, glyphs: .ascii)) == "_.-~=+*#")
        #expect(line.characters(width: 0, glyphs: .unicode).isEmpty)
        #expect(Sparkline(values: [3, 3], range: 3...3).characters(width: 5, glyphs: .unicode) == ["▁", "▁"])
    }
}
