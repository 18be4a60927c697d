extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// The first index whose element is not smaller than `value` (endIndex if none):
    /// a binary search over ascending elements, shared by the ring and the Bayou log.
    @inlinable
    public func lowerBound(of value: Element) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
