import Testing
@testable import RingsideUI

/// User test: long errors could not be read at 80×24 and 100×30. A `:` command's error
/// (`lookup abc: error: lookup is missing …`) was cut in the events log, and a script's
/// errors began with the script's full path. An error line now goes on for up to three
/// rows of the events log, and the script is named by its file name.
@Suite struct ErrorLinesTests {
    static func eventsRows(_ frontEnd: FrontEnd, _ size: Size) -> [String] {
        let grid = frontEnd.render(size: size, glyphs: .unicode)
        return grid.text(in: AppView.layout(frontEnd.model, size: size).events)
            .map { String($0.dropFirst(2).dropLast(2)) }
    }

    /// The rows' text joined, each row's padding and time column gone.
    static func joined(_ rows: [String]) -> String {
        rows.map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: " ")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func aCommandLinesErrorIsWholeInTheEventsLog(size: Size) throws {
        var (frontEnd, _) = try Fixtures.demo()
        frontEnd.press(.character(":"), size: size)
        for character in "lookup abc" { frontEnd.press(.character(character), size: size) }
        frontEnd.press(.enter, size: size)
        let error = try #require(frontEnd.model.status?.text)
        #expect(frontEnd.model.status?.isError == true)
        let rows = Self.eventsRows(frontEnd, size)
        let words = error.split(separator: " ").joined(separator: " ")
        #expect(Self.joined(rows).contains(words), "\(error)\n\(rows.joined(separator: "\n"))")
        #expect(rows.count(where: { $0.contains("\u{2026}") }) == 0, "\(rows.joined(separator: "\n"))")
        // The status line gives the error the room of the seed and the like.
        let status = frontEnd.screen(size).last ?? ""
        #expect(status.contains("lookup is missing 'from'"), "\(status)")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func aScriptErrorNamesTheScriptByItsFileName(size: Size) throws {
        let script = "bits 7\nadd 10 32 60\nfail 32\nlookup 5 from 32\n"
        var (frontEnd, _) = try Fixtures.scripted(script, name: "/work/x/Assets/scenarios/bad-example.ringside")
        var steps = 0
        while frontEnd.model.status?.isError != true, steps < 20 {
            frontEnd.press(.character("n"), size: size)
            steps += 1
        }
        #expect(frontEnd.model.status?.isError == true)
        let screen = frontEnd.screen(size)
        #expect(!screen.contains { $0.contains("/work/x") }, "\(screen.joined(separator: "\n"))")
        #expect(screen.last?.contains("bad-example.ringside:4:") == true, "\(screen.last ?? "")")
        let rows = Self.eventsRows(frontEnd, size)
        let text = Self.joined(rows)
        #expect(text.contains("bad-example.ringside:4:15: error: node 32 is down (failed or left), so it cannot start a lookup; live nodes are 10 60"),
                "\(rows.joined(separator: "\n"))")
    }

    @Test func onlyAPathBeforeLineAndColumnIsShortened() {
        #expect(ErrorText.shortened("/a/b/c.ringside:16:1: error: x/y") == "c.ringside:16:1: error: x/y")
        #expect(ErrorText.shortened("c.ringside:16:1: error: x") == "c.ringside:16:1: error: x")
        #expect(ErrorText.shortened("lookup abc: error: a/b") == "lookup abc: error: a/b")
        #expect(ErrorText.shortened("error: no file/here:1:2") == "error: no file/here:1:2")
    }
}
