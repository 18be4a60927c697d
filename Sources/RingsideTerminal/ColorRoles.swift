import CNcurses
import RingsideUI

/// Semantic roles mapped to curses attributes and colour pairs, once per session
/// (htop's CRT_colors): widgets say `.committed`, only this file says "green".
struct ColorRoles {
    /// How one role looks: a colour pair (0 = terminal default) and attributes.
    private struct Look {
        var pair: Int16
        var attributes: attr_t
    }

    private var looks: [Look]
    let usesColor: Bool

    /// Sets up colour pairs if `wantColor` and the terminal can; otherwise maps roles to
    /// bold/dim/reverse/underline only. Call after `newterm`.
    init(wantColor: Bool) {
        let roles = Role.allCases
        var color = wantColor && has_colors() && start_color() == OK
        if color, rs_colors() < 8 || rs_color_pairs() <= Int32(roles.count) { color = false }
        usesColor = color
        looks = roles.map { Look(pair: 0, attributes: Self.monochrome($0)) }
        guard color else { return }
        // -1 keeps the terminal's own background (and foreground), which reads best on projectors.
        let defaultsWork = use_default_colors() == OK
        let background: Int16 = defaultsWork ? -1 : Int16(COLOR_BLACK)
        let foreground: Int16 = defaultsWork ? -1 : Int16(COLOR_WHITE)
        for role in roles {
            let (fg, bg, attributes) = Self.palette(role)
            let pair = Int16(role.rawValue) + 1
            _ = init_pair(pair, fg ?? foreground, bg ?? background)
            looks[Int(role.rawValue)] = Look(pair: pair, attributes: attributes)
        }
    }

    /// The attributes and pair to draw `style` with.
    func look(for style: Style) -> (attributes: attr_t, pair: Int16) {
        let base = looks[Int(style.role.rawValue)]
        var attributes = base.attributes
        if style.bold { attributes |= rs_attr_bold() }
        if style.underline { attributes |= rs_attr_underline() }
        // Reverse toggles, so a reversed cursor still shows on a reverse-video bar.
        if style.reverse { attributes ^= rs_attr_reverse() }
        return (attributes, base.pair)
    }

    /// Colours for each role: foreground, background (nil = terminal default), attributes.
    private static func palette(_ role: Role) -> (Int16?, Int16?, attr_t) {
        let black = Int16(COLOR_BLACK), red = Int16(COLOR_RED), green = Int16(COLOR_GREEN)
        let yellow = Int16(COLOR_YELLOW), magenta = Int16(COLOR_MAGENTA), cyan = Int16(COLOR_CYAN)
        let bold = rs_attr_bold(), none = rs_attr_normal()
        switch role {
        case .normal: return (nil, nil, none)
        case .dim: return (nil, nil, rs_attr_dim())
        case .bold: return (nil, nil, bold)
        case .accent: return (cyan, nil, none)
        case .selected: return (black, cyan, none)
        case .warning: return (yellow, nil, bold)
        case .error: return (red, nil, bold)
        case .committed: return (green, nil, none)
        case .tentative: return (yellow, nil, none)
        case .flash: return (black, yellow, bold)
        case .border: return (nil, nil, none)
        case .title: return (cyan, nil, bold)
        case .hopActive: return (black, magenta, bold)
        case .hopDone: return (magenta, nil, none)
        case .failed: return (red, nil, none)
        case .key: return (yellow, nil, bold)
        case .statusBar: return (nil, nil, rs_attr_reverse())
        }
    }

    /// Without colour (NO_COLOR, or a terminal without it) roles still differ by attributes.
    private static func monochrome(_ role: Role) -> attr_t {
        switch role {
        case .normal, .border: return rs_attr_normal()
        case .dim, .failed: return rs_attr_dim()
        case .bold, .accent, .warning, .committed, .title, .key: return rs_attr_bold()
        case .error: return rs_attr_bold() | rs_attr_underline()
        case .selected, .hopActive, .statusBar: return rs_attr_reverse()
        case .flash: return rs_attr_reverse() | rs_attr_bold()
        case .hopDone: return rs_attr_underline()
        case .tentative: return rs_attr_normal()
        }
    }
}
