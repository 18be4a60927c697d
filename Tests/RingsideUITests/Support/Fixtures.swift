import Foundation
import RingsideSimulation
import Testing
@testable import RingsideUI

/// Front ends and models the view tests start from.
enum Fixtures {
    /// The built-in demo through the same path `ringside` takes, on an inline engine.
    static func demo(selecting id: String? = nil) throws -> (FrontEnd, SynchronousEngine) {
        try scripted(Demo.script, name: "demo", selecting: id)
    }

    /// A front end playing `script` on an inline engine, after its opening statements.
    static func scripted(_ script: String, name: String = "test.ringside", selecting id: String? = nil,
                         seed: UInt64 = 0) throws -> (FrontEnd, SynchronousEngine) {
        let world = World(seed: seed)
        let engine = SynchronousEngine(core: EngineCore(world: world, script: try ScenarioScript(name: name, text: script)))
        var frontEnd = FrontEnd(model: AppModel(world: world, title: name), engine: engine)
        frontEnd.start()
        if let id { frontEnd.select(id) }
        return (frontEnd, engine)
    }

    /// A model of a world built by running script lines to completion.
    static func model(_ lines: [String], selecting id: String? = nil) throws -> AppModel {
        var world = World()
        for line in lines { _ = try world.execute(line: line) }
        var model = AppModel(world: world)
        if let id, let node = world.state.index(ofName: id) ?? Identifier(decimal: id).flatMap({ world.state.index(ofID: $0) }) {
            model.selection = node
        }
        return model
    }

    /// The lecture ring (m = 7) with the demo's keys.
    static let lectureRing = ["bits 7", "successors 3", "add 10 32 60 90 105 120", "store 15 40 70 100"]
}

extension FrontEnd {
    /// Presses Tab until `id` (a decimal id) is selected.
    mutating func select(_ id: String) {
        for _ in 0...model.digest.nodesByID.count {
            if let node = model.selection, model.world.commandReference(node) == id { return }
            press(.tab)
        }
        Issue.record("node \(id) cannot be selected")
    }

    /// Types each character of `text` as a key.
    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The screen at `size`, rows with trailing spaces trimmed.
    func screen(_ size: Size = Size(width: 120, height: 40), glyphs: Glyphs = .unicode) -> [String] {
        render(size: size, glyphs: glyphs).trimmed
    }
}

import RingsideKernel

extension Grid {
    /// Roles used anywhere in `rect`.
    func roles(in rect: Rect) -> Set<Role> {
        var roles = Set<Role>()
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return roles }
        for y in area.minY..<area.maxY {
            for x in area.minX..<area.maxX {
                if let cell = self[x: x, y: y] { roles.insert(cell.style.role) }
            }
        }
        return roles
    }

    /// The rows of `rect` as text (trailing spaces trimmed).
    func text(in rect: Rect) -> [String] {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return [] }
        return (area.minY..<area.maxY).map { y in
            var line = ""
            for x in area.minX..<area.maxX {
                if let cell = self[x: x, y: y], !cell.isContinuation { line.append(cell.character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

extension FrontEnd {
    /// Types `line` on the `:` line and presses Enter, as a user does.
    mutating func enterCommand(_ line: String) {
        press(.character(":"))
        type(line)
        press(.enter)
    }

    /// `enterCommand`, then `N` to finish it.
    mutating func runCommand(_ line: String) {
        enterCommand(line)
        press(.character("N"))
    }
}
