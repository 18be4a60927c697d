import RingsideSimulation
import Testing
@testable import RingsideUI

/// The sizes a panel must survive (a terminal can be any size, 0×0 included), checked the
/// same way for every panel: the whole screen and the panel alone, Unicode and ASCII.
enum OddSizes {
    static let sizes = [(0, 0), (1, 1), (2, 2), (5, 3), (12, 4), (60, 16), (61, 17), (300, 8), (40, 100)]

    /// No trap at any size; every line is as wide as the screen; ASCII output stays ASCII.
    static func check(_ frontEnd: FrontEnd, panel: (AppModel, Glyphs, inout Grid) -> Void) {
        for (width, height) in sizes {
            let size = Size(width: width, height: height)
            for glyphs in [Glyphs.unicode, .ascii] {
                let screen = frontEnd.render(size: size, glyphs: glyphs)
                #expect(screen.size == size)
                if !glyphs.isUnicode { #expect(screen.lines().joined().allSatisfy { $0.isASCII }) }
                var grid = Grid(size: size)
                panel(frontEnd.model, glyphs, &grid)
                #expect(grid.lines().allSatisfy { TextWidth.of($0) == width })
            }
        }
    }
}
