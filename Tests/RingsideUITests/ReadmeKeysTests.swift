import Foundation
import Testing
@testable import RingsideUI

/// The README's keys table lists every binding of the key map, with its keys as `?` shows them.
@Suite struct ReadmeKeysTests {
    static func keyRows() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### Keys").dropFirst().first)
        return section.split(separator: "\n").map(String.init).prefix { !$0.hasPrefix("#") }.filter { $0.hasPrefix("| `") }
    }

    @Test func everyBindingHasARow() throws {
        let rows = try Self.keyRows()
        for binding in KeyMap.default.bindings {
            let keys = binding.keys.map { "`\($0.label())`" }.joined(separator: " ")
            #expect(rows.contains { $0.hasPrefix("| \(keys) |") }, "README lacks \(keys) (\(binding.action))")
        }
        #expect(rows.count == KeyMap.default.bindings.count)
    }
}
