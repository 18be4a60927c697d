import RingsideSimulation

/// The in-flight list's content and selection: the messages of the world shown, in
/// delivery order, and the selected one (kept by id as messages come and go).
public struct MessageList: Sendable {
    /// The messages in flight (the first `shownMax` in delivery order).
    public internal(set) var messages: [InFlightMessage] = []
    /// All messages in flight, also those beyond `shownMax`.
    public internal(set) var total = 0
    /// Index of the selected message in `messages`.
    public internal(set) var selected = 0
    /// First row shown (the list scrolls to keep the selection visible).
    public internal(set) var scroll = 0

    /// Messages listed at most: a huge ring may have tens of thousands in flight.
    public static let shownMax = 5_000

    /// The selected message, if any is in flight.
    public var selectedMessage: InFlightMessage? {
        messages.indices.contains(selected) ? messages[selected] : nil
    }

    /// Reads the messages of `world`, keeping the selection on the same message if it is
    /// still in flight, else at the same place.
    mutating func refresh(from world: World) {
        let keep = selectedMessage?.id
        messages = world.inFlightMessages(limit: Self.shownMax)
        total = world.inFlightCount
        if let keep, let index = messages.firstIndex(where: { $0.id == keep }) {
            selected = index
        }
        selected = min(max(0, selected), max(0, messages.count - 1))
    }

    /// Moves the selection by `offset` rows (clamped).
    mutating func move(by offset: Int) {
        selected = min(max(0, selected + offset), max(0, messages.count - 1))
    }

    /// The first row to show so that the selection is visible in `rows` rows.
    mutating func scrollToSelection(rows: Int) {
        guard rows > 0 else { return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        scroll = min(max(0, scroll), max(0, messages.count - rows))
    }
}
