import CNcurses
import RingsideUI

/// Puts frames on the screen: diffs each `Grid` against the last one drawn and
/// writes only the changed runs, then refreshes once.
final class ScreenWriter {
    private let colors: ColorRoles
    private let asciiOnly: Bool
    /// The last frame drawn; nil forces a full redraw.
    private var previous: Grid?

    init(colors: ColorRoles, asciiOnly: Bool) {
        self.colors = colors
        self.asciiOnly = asciiOnly
    }

    /// Forgets the last frame (after a resize, or if the screen was disturbed).
    func invalidate() {
        previous = nil
    }

    /// Draws `grid` at the top-left of the screen, clipped to the screen's size.
    func draw(_ grid: Grid) {
        guard let screen = rs_stdscr() else { return }
        let width = Int(rs_screen_width())
        let height = Int(rs_screen_height())
        if previous?.size != grid.size {
            // A new size means the old frame says nothing about what is on screen.
            werase(screen)
            previous = nil
        }
        for run in grid.diff(from: previous) where run.y < height && run.x < width {
            let text = fitted(run.text, toWidth: width - run.x)
            let look = colors.look(for: run.style)
            _ = wattr_set(screen, look.attributes, look.pair, nil)
            _ = mvwaddstr(screen, Int32(run.y), Int32(run.x), text)
        }
        _ = wattr_set(screen, rs_attr_normal(), 0, nil)
        _ = wrefresh(screen)
        previous = grid
    }

    /// The run's text cut to `width` cells, and made ASCII when the locale cannot show more
    /// (each non-ASCII grapheme becomes one "?" per cell, so the layout stays aligned).
    private func fitted(_ text: String, toWidth width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let w = TextWidth.of(character)
            if used + w > width { break }
            used += w
            if asciiOnly, !character.isASCII {
                result += String(repeating: "?", count: w)
            } else {
                result.append(character)
            }
        }
        return result
    }
}
