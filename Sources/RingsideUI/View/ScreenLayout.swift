/// Where each panel goes for a screen size.
///
/// Wide screens put ring, finger table and Bayou logs side by side; narrower ones stack
/// the finger table over the Bayou logs to the right of the ring; projector mode has the
/// ring and one of them. The events panel runs along the bottom, above the prompt/caption
/// line and the status line.
public struct ScreenLayout: Equatable, Sendable {
    public let size: Size
    public let ring: Rect
    public let fingers: Rect
    public let bayou: Rect
    public let events: Rect
    /// The prompt, the script's caption or a hint.
    public let promptLine: Rect
    public let status: Rect

    /// Below this the too-small screen shows instead.
    public static let minimumSize = Size(width: 60, height: 16)
    /// From this width on, the three upper panels sit side by side.
    public static let wideWidth = 150

    /// `bits` sizes the finger table: a full table needs bits + 5 rows. `projector`: fewer,
    /// larger panels (the ring and one panel beside it) over an events panel twice as tall;
    /// the panel beside the ring is the finger table, or with `projectorBayou` the Bayou
    /// logs (half the width: their lines are long). `promptRows`: 2 while a caption needs a
    /// second line (the events panel gives it up).
    public init(size: Size, bits: Int = 7, projector: Bool = false, projectorBayou: Bool = false,
                promptRows: Int = 1) {
        self.size = size
        let screen = Rect(size: size)
        let rows = screen.split(.vertical, [.fill(1), .length(max(1, promptRows)), .length(1)])
        status = rows[2]
        promptLine = rows[1]
        let main = rows[0]
        let eventRows = projector ? min(24, max(6, main.height * 2 / 5)) : min(12, max(4, main.height / 4))
        let (top, bottom) = main.splitBottom(eventRows)
        events = bottom
        if projector, projectorBayou {
            let (left, right) = top.splitLeft(max(26, top.width / 2))
            ring = left
            bayou = right
            fingers = Rect(x: right.maxX, y: right.y, width: 0, height: right.height)
        } else if projector {
            let (left, right) = top.splitLeft(max(26, top.width * 62 / 100))
            ring = left
            fingers = right
            bayou = Rect(x: right.maxX, y: right.y, width: 0, height: right.height)
        } else if size.width >= Self.wideWidth {
            let columns = top.split(.horizontal, [.percentage(42), .length(46), .fill(1)])
            ring = columns[0]
            fingers = columns[1]
            bayou = columns[2]
        } else {
            let ringWidth = max(26, top.width * 45 / 100)
            let (left, right) = top.splitLeft(ringWidth)
            ring = left
            // A whole table is header + bits rows + two lines of pointers + borders, and the
            // lecture's 7-bit table should fit on 80×24; Bayou keeps at least 5 rows. A
            // larger table than fits folds runs of equal fingers.
            let fingerRows = min(max(1, bits) + 5, max(6, right.height - 5))
            let (upper, lower) = right.splitTop(fingerRows)
            fingers = upper
            bayou = lower
        }
    }

    /// True when the screen cannot hold the layout.
    public var isTooSmall: Bool { !size.fits(Self.minimumSize) }

    /// The area the help overlay covers: everything above the prompt line.
    public var body: Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(0, promptLine.y))
    }

    /// The ring, finger-table and Bayou panels together: where another main view goes.
    public var main: Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(0, events.y))
    }

    /// Every panel, for tests that check clipping.
    public var panels: [Rect] { [ring, fingers, bayou, events, promptLine, status] }
}
