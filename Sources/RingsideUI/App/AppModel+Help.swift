/// The help overlay's scrolling, measured as the view draws it.
extension AppModel {
    /// Scrolls help by `key`, if it is one of help's scroll keys, in the rectangle the view
    /// draws it in and with the view's glyphs: measured in a layout without the caption's
    /// second line and with Unicode's legend, End stopped a line short at 80×24 (the footer
    /// still said `↑↓ more`) and on an ASCII terminal a line too far (↑ then moved nothing).
    mutating func scrollHelp(_ key: Key, size: Size) -> Bool {
        var help = HelpOverlay(keyMap: keyMap, glyphs: glyphs, scroll: helpScroll, notes: AppView.helpNotes,
                               commands: AppView.helpCommands)
        guard help.handle(key, area: AppView.layout(self, size: size, glyphs: glyphs).body) else { return false }
        helpScroll = help.scroll
        return true
    }
}
