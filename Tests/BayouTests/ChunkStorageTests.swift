import RingsideKernel
import Testing
@testable import Bayou

/// `ChunkStorage` counts references by hand; these check that copies stay apart and nothing leaks.
@Suite("Chunk storage")
struct ChunkStorageTests {
    private static func stamps(_ log: TentativeLog) -> [UInt64] { log.writes.map(\.stamp.timestamp) }

    @Test("a copied log is unchanged by inserts, removals and splits in the original")
    func copyOnWrite() {
        var log = TentativeLog()
        for timestamp in stride(from: UInt64(2), through: 800, by: 2) {
            _ = log.insert(StoredWrite(stamp: WriteStamp(timestamp: timestamp, origin: Identifier(1)), operation: .delete(key: "k")), slot: 0)
        }
        let copy = log
        let before = Self.stamps(copy)
        // Odd timestamps land inside every chunk: slides, shares and splits all happen.
        for timestamp in stride(from: UInt64(1), through: 799, by: 2) {
            _ = log.insert(StoredWrite(stamp: WriteStamp(timestamp: timestamp, origin: Identifier(1)), operation: .delete(key: "k")), slot: 0)
        }
        _ = log.remove(WriteStamp(timestamp: 2, origin: Identifier(1)))
        #expect(Self.stamps(copy) == before)
        #expect(Self.stamps(log) == Array(1...800).filter { $0 != 2 }.map(UInt64.init))
    }

    @Test("a write is freed once no log holds it, and not before")
    func ownership() {
        weak var held: StoredWrite?
        weak var removed: StoredWrite?
        var log: TentativeLog? = TentativeLog()
        do {
            let first = StoredWrite(stamp: WriteStamp(timestamp: 1, origin: Identifier(1)), operation: .delete(key: "a"))
            let second = StoredWrite(stamp: WriteStamp(timestamp: 2, origin: Identifier(1)), operation: .delete(key: "b"))
            held = first
            removed = second
            _ = log!.insert(first, slot: 0)
            _ = log!.insert(second, slot: 0)
        }
        var copy = log
        #expect(held != nil && removed != nil)
        _ = log!.remove(WriteStamp(timestamp: 2, origin: Identifier(1)))
        #expect(removed != nil, "the copy still holds it")
        _ = copy!.remove(WriteStamp(timestamp: 2, origin: Identifier(1)))
        #expect(removed == nil)
        log = nil
        #expect(held != nil, "the copy still holds it")
        copy = nil
        #expect(held == nil)
    }
}
