import Testing
@testable import RingsideSimulation

/// `select`, `focus` and `highlight` are for the terminal view: headless they are accepted
/// and leave the simulation exactly as it was (issue 8, item 5).
@Suite struct ViewControlHeadlessTests {
    /// The same script with comments where the other has view commands, so lines match.
    static let plain = """
        bits 7
        add 10 32 60 90
        #
        #
        async lookup 15 from 90
        #
        step 2
        #
        wait
        write 10 put X 1
        #
        sync 10 32
        dump
        """
    static let viewed = """
        bits 7
        add 10 32 60 90
        focus time
        highlight 90 10 32
        async lookup 15 from 90
        select 10
        step 2
        highlight
        wait
        write 10 put X 1
        focus bayou
        sync 10 32
        dump
        """

    @Test func focusAndHighlightAddOnlyTheirCommandEvents() throws {
        let (plainEvents, plainWorld) = try recordedRun(Self.plain)
        let (viewedEvents, viewedWorld) = try recordedRun(Self.viewed)
        let names = labels(ids: ["10", "32", "60", "90"], bits: 7)
        #expect(!plainEvents.isEmpty)
        // Every command is an event, view control too (five here); everything else is the
        // same, apart from the sequence numbers the extra events take.
        func withoutCommands(_ events: [SimulationEvent]) -> [String] {
            EventJSONLines.render(events.filter { $0.kind != .command }, labels: names)
                .split(separator: "\n").map { String($0.drop { $0 != "," }) }
        }
        #expect(viewedEvents.count == plainEvents.count + 5)
        #expect(withoutCommands(viewedEvents) == withoutCommands(plainEvents))
        #expect(viewedWorld.time == plainWorld.time)
        #expect(try run(Self.viewed).outputs == run(Self.plain).outputs)
    }

    @Test func everyFocusTargetIsAccepted() throws {
        for target in FocusTarget.allCases {
            var world = World()
            _ = try world.execute(line: "bits 7")
            _ = try world.execute(line: "add 10 32")
            #expect(try world.execute(line: "focus \(target.rawValue)").isEmpty)
        }
    }
}
