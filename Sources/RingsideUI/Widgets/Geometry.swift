/// A column/row position on a grid; (0, 0) is the top-left cell.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A width × height in cells; never negative.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int

    /// Negative dimensions become 0, so a bad computation upstream draws nothing
    /// instead of trapping later.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Size(width: 0, height: 0)

    /// True when both dimensions are at least those of `other`.
    public func fits(_ other: Size) -> Bool {
        width >= other.width && height >= other.height
    }

    public var description: String { "\(width)x\(height)" }
}

extension Int {
    /// `self + other`, clamped to the Int range instead of trapping.
    @inlinable
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        if !overflow { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to the Int range instead of trapping.
    @inlinable
    func saturatingSubtract(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        if !overflow { return difference }
        return other < 0 ? .max : .min
    }
}
