/// The help overlay's scrolling, measured as the view draws it.
extension AppModel {
    /// The keys the help overlay scrolls with.
    static let helpScrollKeys: Set<Key> = [.up, .down, .pageUp, .pageDown, .home, .end]

    /// True when `handle` gives `key` to the help overlay's scrolling.
    func helpTakes(_ key: Key, size: Size) -> Bool {
        isHelpVisible && Self.helpScrollKeys.contains(key) && prompt == nil
            && !ScreenLayout(size: size).isTooSmall
            && overlay.map { keyMap.action(for: key, in: $0.keyContext) == nil } != false
    }

    /// Scrolls help by `key` from `scroll` in the rectangle the view draws it in, with the
    /// view's glyphs: measured in a layout without the caption's second line and with
    /// Unicode's legend, End stopped a line short at 80×24 (the footer still said `↑↓
    /// more`) and on an ASCII terminal a line too far (↑ then moved nothing).
    mutating func scrollHelp(_ key: Key, from scroll: Int, size: Size) {
        var help = HelpOverlay(keyMap: keyMap, glyphs: glyphs, scroll: scroll, notes: AppView.helpNotes,
                               commands: AppView.helpCommands)
        if help.handle(key, area: AppView.layout(self, size: size, glyphs: glyphs).body) { helpScroll = help.scroll }
    }
}
