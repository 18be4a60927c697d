import Testing
import RingsideKernel

/// Memory hints change no value: the reserved array keeps its elements and grows as asked,
/// and a prefetch anywhere (in range or not) reads nothing.
@Suite("Cache hints")
struct CacheHintTests {
    @Test(arguments: [0, 10, 5_000_000])
    func reservingWithHugePagesKeepsTheElements(capacity: Int) {
        var array: [Int32] = [3, 1, 4, 1, 5]
        CacheHint.reserveWithHugePages(&array, capacity: capacity)
        #expect(array == [3, 1, 4, 1, 5])
        #expect(array.capacity >= capacity)
        array.append(contentsOf: repeatElement(-1, count: max(0, capacity - array.count)))
        #expect(array.count == max(5, capacity))
        #expect(array.prefix(5) == [3, 1, 4, 1, 5])
        #expect(array.dropFirst(5).allSatisfy { $0 == -1 })
    }

    @Test func prefetchOutOfRangeIsHarmless() {
        let values = [1, 2, 3]
        values.withUnsafeBufferPointer { buffer in
            for i in [-1, 0, 2, 3, 1_000_000] { CacheHint.prefetch(buffer, i) }
        }
        [Int]().withUnsafeBufferPointer { CacheHint.prefetch($0, 0) }
        #expect(values == [1, 2, 3])
    }
}
