import RingsideSimulation
import Testing
@testable import RingsideUI

/// The convergence view counts every replica on rings of more than 512 nodes, and its
/// heat map's column labels stay readable whatever the origins' names.
@Suite struct ConvergenceCountsTests {
    static func thousandNodes(writers: [String]) throws -> World {
        var world = World()
        _ = try world.execute(line: "bits 32")
        _ = try world.execute(line: "add " + (0..<1000).map { "n\($0)" }.joined(separator: " "))
        for (i, writer) in writers.enumerated() { _ = try world.execute(line: "write \(writer) put k\(i) \(i)") }
        return world
    }

    /// 1,000 nodes, five writers: six databases (five writers' and the empty one), as
    /// `ringside run` counts them; an even spread of 512 said 5 and saw 4 origins.
    @Test func everyReplicaIsCounted() throws {
        let world = try Self.thousandNodes(writers: ["n999", "n998", "n997", "n5", "n6"])
        let sample = ConvergenceSample(world: world, step: 1, previous: nil)
        #expect(sample.replicas == 1000)
        #expect(sample.distinctDatabases == 6)
        let matrix = VersionMatrix(world: world, rowsMax: 4)
        #expect(Set(matrix.origins.map(\.name)) == ["n999", "n998", "n997", "n5", "n6"])
        var model = AppModel(world: world)
        model.mainView = .convergence
        let screen = AppView.render(model, size: Size(width: 120, height: 40), glyphs: .unicode).trimmed
        #expect(screen.contains { $0.contains("Bayou \u{00B7} 1000 replicas") })
        #expect(screen.contains { $0.contains("6 different databases") })
    }

    /// Lecture ring, writes at 10, 32 and 105: cut to two characters the labels read
    /// `103205`; each now has its cell and a space.
    @Test func longOriginNamesKeepTheirLabels() throws {
        let header = ConvergencePanel.originHeader(["N10", "N32", "N105"], room: 40)
        #expect(header.cellWidth == 5)
        #expect(header.lines == [["N10", "N32", "N105"]])
        // No room for that: the names go downwards, one character a row.
        let tight = ConvergencePanel.originHeader(["n999", "n5", "n6"], room: 6)
        #expect(tight.cellWidth == 2)
        #expect(tight.lines == [["n", "n", "n"], ["9", "5", "6"], ["9", "", ""], ["9", "", ""]])
        // Single letters keep the two-column cells.
        #expect(ConvergencePanel.originHeader(["A", "I", "Q"], room: 40).cellWidth == 2)

        var model = try Fixtures.model(Fixtures.lectureRing + ["write 10 put X 1", "write 32 put Y 2", "write 105 put Z 3"])
        model.mainView = .convergence
        let screen = AppView.render(model, size: Size(width: 120, height: 40), glyphs: .unicode).trimmed
        #expect(screen.contains { $0.contains("N10  N32  N105") }, "\(screen.prefix(6))")
    }
}
