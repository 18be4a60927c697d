import Testing
@testable import RingsideUI

@Suite struct RectTests {
    @Test func negativeSizesBecomeEmpty() {
        let rect = Rect(x: 3, y: 4, width: -5, height: -1)
        #expect(rect.width == 0 && rect.height == 0 && rect.isEmpty)
        #expect(Size(width: -1, height: 7) == Size(width: 0, height: 7))
    }

    @Test func extremeOriginsNeverOverflow() {
        let farRight = Rect(x: Int.max - 2, y: Int.max, width: 100, height: 100)
        #expect(farRight.maxX == Int.max)
        #expect(farRight.height == 0)
        let huge = Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max)
        #expect(huge.maxX == -1)
        let overlap = huge.intersection(Rect(x: -10, y: -10, width: Int.max, height: Int.max))
        #expect(overlap == Rect(x: -10, y: -10, width: 9, height: 9))
        let everything = Rect(x: Int.min, y: 0, width: Int.max, height: 1)
            .intersection(Rect(x: -1, y: 0, width: Int.max, height: 1))
        #expect(everything.width == 0)
        #expect(farRight.inset(by: -5).maxX == Int.max)
        #expect(huge.inset(by: Int.max).isEmpty)
    }

    @Test func intersectionOfDisjointRectsIsEmpty() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        let b = Rect(x: 10, y: 10, width: 5, height: 5)
        #expect(a.intersection(b).isEmpty)
        #expect(a.intersection(Rect(x: 3, y: 2, width: 10, height: 1)) == Rect(x: 3, y: 2, width: 2, height: 1))
    }

    @Test func insetAndCentered() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(rect.inset(by: 3).isEmpty)
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 3, y: 1, width: 4, height: 2))
        #expect(rect.centered(width: 40, height: 40) == rect)
        #expect(rect.row(3) == Rect(x: 0, y: 3, width: 10, height: 1))
        #expect(rect.row(4).isEmpty)
        #expect(rect.row(-1).isEmpty)
    }
}

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 100, height: 10)

    @Test func fixedPercentAndFill() {
        let parts = area.split(.horizontal, [.length(10), .percentage(50), .fill(1)])
        #expect(parts.map(\.width) == [10, 50, 40])
        #expect(parts.map(\.x) == [0, 10, 60])
        #expect(parts.allSatisfy { $0.height == 10 && $0.y == 0 })
    }

    @Test func minGrowsAndFillSharesByWeight() {
        let parts = area.split(.horizontal, [.min(10), .fill(2), .length(20)])
        // 70 leftover shared 1:2 → 23 + 46, remainder 1 to the first.
        #expect(parts.map(\.width) == [34, 46, 20])
    }

    @Test func overConstrainedShrinksFromTheEnd() {
        let parts = area.split(.vertical, [.length(4), .length(5), .length(3)])
        #expect(parts.map(\.height) == [4, 5, 1])
        #expect(parts.map(\.y) == [0, 4, 9])
    }

    @Test func spacingIsLeftBetweenParts() {
        let parts = area.split(.horizontal, [.fill(1), .fill(1)], spacing: 2)
        #expect(parts.map(\.width) == [49, 49])
        #expect(parts.map(\.x) == [0, 51])
    }

    @Test func degenerateInputsDoNotTrap() {
        #expect(area.split(.horizontal, []).isEmpty)
        #expect(Rect.zero.split(.vertical, [.length(3), .fill(1), .percentage(200)]).allSatisfy { $0.isEmpty })
        let wild = area.split(.horizontal, [.length(Int.max), .min(Int.max), .percentage(-5), .fill(-3)], spacing: Int.max)
        #expect(wild.count == 4)
        let huge = Rect(x: 0, y: 0, width: Int.max, height: 1)
        let halves = huge.split(.horizontal, [.percentage(50), .fill(1)])
        #expect(halves[0].width == Int.max / 2)
    }

    @Test func edgeSplits() {
        let (rest, bottom) = area.splitBottom(1)
        #expect(bottom == Rect(x: 0, y: 9, width: 100, height: 1))
        #expect(rest == Rect(x: 0, y: 0, width: 100, height: 9))
        let (top, below) = area.splitTop(20)
        #expect(top.height == 10 && below.height == 0)
        let (left, right) = area.splitLeft(30)
        #expect(left.width == 30 && right.x == 30 && right.width == 70)
        #expect(area.splitRight(-4).right.isEmpty)
    }
}
