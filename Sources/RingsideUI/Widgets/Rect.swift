/// An axis-aligned rectangle of cells: the area a widget may draw into.
///
/// Width and height are never negative and `maxX`/`maxY` never overflow: the
/// initializer clamps them, so any arithmetic a caller does on a `Rect` is safe
/// and an impossible rectangle is simply empty.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public let x: Int
    public let y: Int
    public let width: Int
    public let height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        // Clamp so that x + width and y + height are representable.
        self.width = min(max(0, width), Int.max.saturatingSubtract(max(0, x)))
        self.height = min(max(0, height), Int.max.saturatingSubtract(max(0, y)))
    }

    public init(origin: Point, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// The rectangle from (0, 0) with the given size.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var minX: Int { x }
    public var minY: Int { y }
    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var size: Size { Size(width: width, height: height) }
    public var origin: Point { Point(x: x, y: y) }
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// Cells covered (saturating at Int.max).
    public var area: Int { width.multipliedReportingOverflow(by: height).overflow ? .max : width * height }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    public func contains(_ point: Point) -> Bool { contains(x: point.x, y: point.y) }

    /// The overlap of two rectangles; empty (at the later origin) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(
            x: left, y: top,
            width: right.saturatingSubtract(left),
            height: bottom.saturatingSubtract(top)
        )
    }

    /// Shrinks each side by the given amounts (negative amounts grow it).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(
            x: x.saturatingAdd(left),
            y: y.saturatingAdd(top),
            width: width.saturatingSubtract(left).saturatingSubtract(right),
            height: height.saturatingSubtract(top).saturatingSubtract(bottom)
        )
    }

    /// Shrinks every side by `amount`.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks left/right by `horizontal` and top/bottom by `vertical`.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }

    /// A rectangle of at most the given size, centred in this one (leftover odd cell goes right/below).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row `index` rows below the top, or an empty rect if outside.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y, width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    public var description: String { "(\(x),\(y) \(width)x\(height))" }
}
