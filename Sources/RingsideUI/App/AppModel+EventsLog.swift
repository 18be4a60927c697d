/// The events log's history (issue 8, item 7): PgUp/PgDn scroll it, `/` searches it
/// (Enter or N: the next older match, since n steps), `F` hides play mode's maintenance.
extension AppModel {
    /// Handles an events-log action; nil for any other action.
    mutating func performEventsLog(_ action: Action, size: Size) -> [AppEffect]? {
        switch action {
        case .eventsPageUp, .eventsPageDown:
            let rows = max(1, EventsPanel.historyRows(in: ScreenLayout(size: size, bits: world.space.bits)))
            let total = EventsPanel(model: self, glyphs: .unicode).allLines().count
            let page = max(1, rows - 1)
            eventsScroll += action == .eventsPageUp ? page : -page
            eventsScroll = max(0, min(eventsScroll, max(0, total - rows)))
            return []
        case .nextMatch:
            nextMatch(size: size)
            return []
        case .closeSearch:
            eventsSearch = nil
            eventsScroll = 0
            if overlay == .search { overlay = nil }
            status = nil
            return []
        case .filterMaintenance:
            hidesMaintenance.toggle()
            eventsScroll = 0
            status = StatusMessage(hidesMaintenance
                ? "events: play mode's stabilize, fix-fingers and check-predecessor hidden (F shows them)"
                : "events: everything shown")
            return []
        default:
            return nil
        }
    }

    /// Search mode for `text`: the newest match is shown.
    mutating func startSearch(_ text: String, size: Size) {
        eventsSearch = text
        overlay = .search
        eventsScroll = 0
        showMatch(before: Int.max, size: size)
    }

    private mutating func nextMatch(size: Size) {
        let total = EventsPanel(model: self, glyphs: .unicode).allLines().count
        showMatch(before: total - 1 - eventsScroll, size: size)
    }

    /// Scrolls so the newest match older than line `index` is the bottom line shown,
    /// round to the newest match when there is none.
    private mutating func showMatch(before index: Int, size: Size) {
        guard let search = eventsSearch else { return }
        let lines = EventsPanel(model: self, glyphs: .unicode).allLines()
        let matches = lines.indices.filter { EventsPanel.matches(lines[$0].text, search) }
        guard let newest = matches.last else {
            status = StatusMessage("no event says \u{201C}\(search)\u{201D} (Esc ends the search)", isError: true)
            return
        }
        let match = matches.last { $0 < index } ?? newest
        let wrapped = !matches.contains { $0 < index }
        eventsScroll = lines.count - 1 - match
        let number = matches.count - (matches.firstIndex(of: match) ?? 0)
        status = StatusMessage("\u{201C}\(search)\u{201D}: match \(number) of \(matches.count), newest first"
            + (wrapped && index != Int.max ? " (round to the newest)" : "") + " \u{00B7} Enter or N: next, Esc: end")
    }
}
