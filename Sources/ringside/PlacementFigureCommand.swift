import ArgumentParser
import Foundation
import RingsideSimulation

/// `ringside bench figure placement`: how many keys move when one server is added, with
/// `hash mod S` placement and with consistent hashing (the key-value-store lecture).
struct PlacementFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract: "Keys moved by adding one server: hash(key) mod S against consistent hashing."
    )

    @Option(parsing: .unconditional, help: "Server counts before the addition, comma-separated (1 to 100000 each).") var servers = "2,4,8,16,32,64,128"
    @Option(parsing: .unconditional, help: "Keys (1 to 1000000).") var keys = 100_000
    @Option(parsing: .unconditional, help: "Servers added in turn, for the ring's mean (1 to 1000).") var trials = 64
    @OptionGroup var output: FigureOutput

    func validate() throws {
        let ss: [Int] = try parseList(servers, "--servers")
        guard ss.allSatisfy({ (1...100_000).contains($0) }) else { throw ValidationError("--servers must each be from 1 to 100000") }
        guard (1...1_000_000).contains(keys) else { throw ValidationError("--keys must be from 1 to 1000000") }
        guard (1...1000).contains(trials) else { throw ValidationError("--trials must be from 1 to 1000") }
    }

    func run() throws {
        let ss: [Int] = Array(Set(try parseList(servers, "--servers") as [Int])).sorted()
        var rows: [[String]] = []
        var points: [PlacementFigure.Point] = []
        for s in ss {
            let point = PlacementFigure.point(servers: s, keys: keys, trials: trials)
            points.append(point)
            output.emit([
                ("figure", jsonString("placement")), ("servers", String(s)), ("keys", String(keys)),
                ("movedByMod", String(point.movedByMod)), ("modFraction", format(point.modFraction, 4)),
                ("expectedMod", format(point.expectedMod, 4)), ("meanMovedByRing", format(point.meanMovedByRing, 1)), ("trials", String(trials)),
                ("ringFraction", format(point.ringFraction, 4)), ("expectedRing", format(point.expectedRing, 4)),
            ])
            rows.append([String(s), format(point.modFraction, 3), format(point.expectedMod, 3),
                         format(point.ringFraction, 3), format(point.expectedRing, 3)])
        }
        func series(_ name: String, _ marker: Character, _ y: (PlacementFigure.Point) -> Double) -> BraillePlot.Series {
            .init(name: name, marker: marker, points: points.map { (Double($0.servers), y($0)) })
        }
        output.report(
            "Keys moved when one server joins S servers\n"
            + "(\(keys) keys, SHA-1 ids; ring: mean of \(trials) additions)\n"
            + textTable(["S", "mod S moved", "S/(S+1)", "ring moved", "1/(S+1)"], rows)
            + """
            Lecture (key-value stores): with hash(key) mod S nearly every key changes
            server when a server is added; consistent hashing moves only the keys the new
            server takes over, about 1/(S+1) of them averaged over random server positions
            (for these fixed servers, half the sum of the squared gaps; one addition's
            share depends on the gap its id lands in, and virtual nodes even it out).

            """
            // The expected curves first, so the measured markers are drawn over them.
            + BraillePlot(title: "Share of keys moved by one added server", xLabel: "servers S",
                          yLabel: "fraction of keys moved", logX: true).render([
                    series("S/(S+1)", "+", \.expectedMod), series("1/(S+1)", "-", \.expectedRing),
                    series("mod S", "m", \.modFraction), series("ring", "r", \.ringFraction),
                ]))
    }
}
