/// The direction in which `Rect.split` lays out its parts.
public enum Axis: Sendable {
    /// Parts side by side, left to right.
    case horizontal
    /// Parts stacked, top to bottom.
    case vertical
}

/// How much of the split extent one part asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less if the space runs out).
    case length(Int)
    /// This percentage (0...100) of the extent left after spacing.
    case percentage(Int)
    /// At least this many cells, plus a share (weight 1) of any leftover.
    case min(Int)
    /// Only a share of the leftover, proportional to the weight.
    case fill(Int)
}

extension Rect {
    /// Splits the rectangle along `axis` into one part per constraint.
    ///
    /// Earlier constraints win when space is short: parts are shrunk from the last
    /// one backwards, down to zero. Leftover space goes to `.min` and `.fill` parts
    /// by weight (remainder to the earliest); with none of those it stays unused at
    /// the end. Never traps, whatever the sizes.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let extent = axis == .horizontal ? width : height
        let gaps = Swift.max(0, spacing).multipliedReportingOverflow(by: constraints.count - 1)
        let gapTotal = gaps.overflow ? Int.max : gaps.partialValue
        let total = Swift.max(0, extent.saturatingSubtract(gapTotal))
        let gap = gapTotal == 0 ? 0 : Swift.max(0, spacing)

        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n), .min(let n): return Swift.min(total, Swift.max(0, n))
            case .percentage(let p): return Self.percent(total, Swift.min(100, Swift.max(0, p)))
            case .fill: return 0
            }
        }
        // Over-constrained: take space back from the last parts first.
        var excess = sizes.reduce(0) { $0.saturatingAdd($1) }.saturatingSubtract(total)
        var index = sizes.count - 1
        while excess > 0, index >= 0 {
            let taken = Swift.min(excess, sizes[index])
            sizes[index] -= taken
            excess -= taken
            index -= 1
        }
        // Under-constrained: share the leftover among the flexible parts.
        let used = sizes.reduce(0) { $0.saturatingAdd($1) }
        let leftover = Swift.max(0, total - used)
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .min: return 1
            case .fill(let w): return Swift.max(1, w)
            case .length, .percentage: return 0
            }
        }
        let weightTotal = weights.reduce(0) { $0.saturatingAdd($1) }
        if leftover > 0, weightTotal > 0 {
            var given = 0
            for i in sizes.indices where weights[i] > 0 {
                let share = Self.scaled(leftover, weights[i], weightTotal)
                sizes[i] += share
                given += share
            }
            var remainder = leftover - given
            for i in sizes.indices where weights[i] > 0 && remainder > 0 {
                sizes[i] += 1
                remainder -= 1
            }
        }

        var rects: [Rect] = []
        rects.reserveCapacity(sizes.count)
        var offset = axis == .horizontal ? x : y
        for size in sizes {
            switch axis {
            case .horizontal: rects.append(Rect(x: offset, y: y, width: size, height: height))
            case .vertical: rects.append(Rect(x: x, y: offset, width: width, height: size))
            }
            offset = offset.saturatingAdd(size).saturatingAdd(gap)
        }
        return rects
    }

    /// The top `rows` rows and the rest below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let parts = split(.vertical, [.length(rows), .fill(1)])
        return (parts[0], parts[1])
    }

    /// The bottom `rows` rows and the rest above them.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = Swift.min(Swift.max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - n),
                Rect(x: x, y: y + height - n, width: width, height: n))
    }

    /// The left `columns` columns and the rest to their right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let parts = split(.horizontal, [.length(columns), .fill(1)])
        return (parts[0], parts[1])
    }

    /// The right `columns` columns and the rest to their left.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let n = Swift.min(Swift.max(0, columns), width)
        return (Rect(x: x, y: y, width: width - n, height: height),
                Rect(x: x + width - n, y: y, width: n, height: height))
    }

    /// `value * percent / 100` without overflowing for huge values.
    private static func percent(_ value: Int, _ percent: Int) -> Int {
        value / 100 * percent + value % 100 * percent / 100
    }

    /// `value * numerator / denominator` for 0 <= numerator <= denominator, without overflow.
    private static func scaled(_ value: Int, _ numerator: Int, _ denominator: Int) -> Int {
        guard denominator > 0 else { return 0 }
        let product = value.multipliedFullWidth(by: numerator)
        return denominator.dividingFullWidth(product).quotient
    }
}
