import RingsideSimulation

/// The in-flight list (`m`): pick a message, deliver it now or drop it. Both go to the
/// engine as script commands (`deliver m12`, `drop m12`), so the transcript records them
/// and a replay repeats them exactly.
extension AppModel {
    /// Handles a message-list action; nil for any other action.
    mutating func performMessageList(_ action: Action, size: Size) -> [AppEffect]? {
        switch action {
        case .messages:
            if overlay == .messages {
                overlay = nil
                return []
            }
            overlay = .messages
            messageList.refresh(from: world)
            status = StatusMessage(messageList.total == 0
                ? "nothing in flight: l looks a key up, s stabilizes"
                : "\u{2191}\u{2193} pick a message, Enter delivers it now, d drops it")
        case .messageUp, .messageDown:
            messageList.move(by: action == .messageUp ? -1 : 1)
        case .closeMessages:
            overlay = nil
            status = nil
            return []
        case .deliverMessage, .dropMessage:
            guard let message = messageList.selectedMessage else {
                fail("no message is in flight")
                return []
            }
            return command("\(action == .deliverMessage ? "deliver" : "drop") m\(message.id)")
        default:
            return nil
        }
        messageList.scrollToSelection(rows: MessageListPanel.rows(in: ScreenLayout(size: size, bits: world.space.bits)))
        return []
    }
}
