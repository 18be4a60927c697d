import CRingsideHints

/// Memory hints for the hot loops: they change no result, only how fast memory is read.
public enum CacheHint {
    /// Starts loading the cache line holding `element` of `buffer`, for a read soon. Out
    /// of range does nothing (a prefetch never faults, but there is no address to name).
    @inlinable @inline(__always)
    public static func prefetch<T>(_ buffer: UnsafeBufferPointer<T>, _ element: Int) {
        guard let base = buffer.baseAddress, element >= 0, element < buffer.count else { return }
        ringside_prefetch(UnsafeRawPointer(base + element))
    }

    /// Reserves room for `capacity` elements in `array` and asks for huge pages for it
    /// before any of the new room is touched: for tables of many megabytes read at random
    /// (a large ring's fingers), where 4 KB pages would miss the TLB on almost every read.
    public static func reserveWithHugePages<T>(_ array: inout [T], capacity: Int) {
        let hugePage = 2 << 20
        guard capacity * MemoryLayout<T>.stride >= 4 * hugePage, capacity > array.capacity else {
            array.reserveCapacity(capacity)
            return
        }
        array.reserveCapacity(capacity)
        let bytes = array.capacity * MemoryLayout<T>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            ringside_prefer_huge_pages(UnsafeMutableRawPointer(base), bytes)
        }
    }
}
