import RingsideKernel
import Testing
@testable import Bayou

/// The chunked tentative log against a plain sorted array.
@Suite("Tentative log")
struct TentativeLogTests {
    @Test("inserts, removals, positions and iteration match a sorted array", arguments: [UInt64(1), 2, 3, 4])
    func againstSortedArray(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var log = TentativeLog()
        var model: [WriteStamp] = []
                for step in 0..<3000 {
            let stamp = WriteStamp(timestamp: random.next(below: 400), origin: Identifier(random.next(below: 5)))
            let modelPosition = model.firstIndex { !($0 < stamp) } ?? model.count
            let present = modelPosition < model.count && model[modelPosition] == stamp
            let found = log.position(of: stamp)
            #expect(found.position == modelPosition && found.found == present, "step \(step)")
            if random.next(below: 3) == 0 {
                let removed = log.remove(stamp)
                #expect(removed?.position == (present ? modelPosition : nil))
                if present { model.remove(at: modelPosition) }
            } else {
                let slot = Int(stamp.origin.w0)
                #expect(log.insert(StoredWrite(stamp: stamp, operation: .delete(key: "k")), slot: slot) == (present ? nil : modelPosition))
                if !present { model.insert(stamp, at: modelPosition) }
            }
            #expect(log.count == model.count)
        }
        #expect(log.chunks.count > 3, "the test should exercise chunk splits")
        #expect(log.writes.map(\.stamp) == model)
        for position in stride(from: 0, to: model.count, by: 37) {
            #expect(log[position].stamp == model[position])
            var rest: [WriteStamp] = []
            log.forEach(from: position) { rest.append($0.stamp) }
            #expect(rest == Array(model[position...]))
        }
        // The anti-entropy filter: per-slot thresholds (slot = origin here).
        let thresholds: [UInt64] = [0, 100, 200, 300, 400]
        var origins = OriginTable()
        for origin in 0..<UInt64(5) {
            origins.noteSeen(timestamp: 400, slot: origins.slotCreatingIfNeeded(Identifier(origin)))
        }
        var newer: [WriteStamp] = []
        log.forEach(newerThan: thresholds, origins: origins) { write, slot in
            #expect(slot == Int(write.stamp.origin.w0))
            newer.append(write.stamp)
        }
        #expect(newer == model.filter { $0.timestamp > thresholds[Int($0.origin.w0)] })
        #expect(log.removeAll().map(\.stamp) == model)
        #expect(log.isEmpty)
    }

    @Test("a batch goes where one insert after another would put it", arguments: [UInt64(1), 2, 3, 4])
    func batchAgainstSortedArray(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var log = TentativeLog()
        var model: [WriteStamp] = []
        var modelSet = Set<WriteStamp>()
        // Kept alive for the unretained arrivals, as a sender's log keeps them.
        var held: [StoredWrite] = []
        for round in 0..<30 {
            // Batches from one write to thousands, over logs from empty to a few thousand.
            let size = [1, 3, 20, 150, 400, 1500][random.index(below: 6)]
            var batchSet = Set<WriteStamp>()
            for _ in 0..<size {
                let stamp = WriteStamp(timestamp: random.next(below: 3000), origin: Identifier(random.next(below: 7)))
                if !modelSet.contains(stamp) { batchSet.insert(stamp) }
            }
            let batch = batchSet.sorted()
            let writes = batch.map { StoredWrite(stamp: $0, operation: .delete(key: "k")) }
            held += writes
            let before = log
            let beforeWrites = log.writes.map(\.stamp)
            let positions = log.insert(ascending: writes.map {
                TentativeLog.Arrival(write: .passUnretained($0), slot: Int($0.stamp.origin.w0))
            })
            // One by one, arrival i goes after the held writes below it and the i arrivals before it.
            var below = 0
            for (index, stamp) in batch.enumerated() {
                while below < model.count && model[below] < stamp { below += 1 }
                #expect(positions[index] == below + index, "round \(round), arrival \(index)")
            }
            model = (model + batch).sorted()
            modelSet.formUnion(batch)
            #expect(log.count == model.count)
            #expect(log.writes.map(\.stamp) == model, "round \(round)")
            #expect(before.writes.map(\.stamp) == beforeWrites, "a copy taken before keeps its writes")
            #expect(log.chunks.allSatisfy { $0.count > 0 && $0.count <= TentativeLog.chunkCapacity })
            for position in stride(from: 0, to: model.count, by: 97) {
                #expect(log[position].stamp == model[position])
                #expect(log.position(of: model[position]) == (position, true))
            }
            // A one-by-one insert after the batch finds its place (the indexes were rebuilt).
            let stamp = WriteStamp(timestamp: UInt64(round) * 75, origin: Identifier(100))
            let write = StoredWrite(stamp: stamp, operation: .delete(key: "k"))
            held.append(write)
            let position = model.firstIndex { !($0 < stamp) } ?? model.count
            #expect(log.insert(write, slot: 100) == position)
            model.insert(stamp, at: position)
            modelSet.insert(stamp)
        }
        var thresholds = [UInt64](repeating: 0, count: 101)
        thresholds[3] = 1500
        var origins = OriginTable()
        for origin in 0...UInt64(100) {
            origins.noteSeen(timestamp: 3000, slot: origins.slotCreatingIfNeeded(Identifier(origin)))
        }
        var newer: [WriteStamp] = []
        log.forEach(newerThan: thresholds, origins: origins) { write, _ in newer.append(write.stamp) }
        #expect(newer == model.filter { $0.timestamp > thresholds[Int($0.origin.w0)] })
        #expect(held.count >= model.count)
    }

    @Test("slots past 16 bits are found again by origin")
    func wideSlots() {
        // A log keeps slots in two bytes; a replica that has met more than 65,535 origins
        // keeps a marker for the larger ones, and the anti-entropy pass looks them up.
        var origins = OriginTable()
        let originCount: UInt64 = 65_540
        for origin in 0..<originCount {
            origins.noteSeen(timestamp: 5, slot: origins.slotCreatingIfNeeded(Identifier(origin)))
        }
        var log = TentativeLog()
        let sent: [UInt64] = [3, 65_534, 65_535, 65_536, 65_539]
        for origin in sent {
            let stamp = WriteStamp(timestamp: 5, origin: Identifier(origin))
            let slot = origins.slot(of: stamp.origin) ?? -1
            _ = log.insert(StoredWrite(stamp: stamp, operation: .delete(key: "k")), slot: slot)
        }
        var seen: [(origin: UInt64, slot: Int)] = []
        log.forEach(newerThan: [UInt64](repeating: 0, count: Int(originCount)), origins: origins) { write, slot in
            seen.append((write.stamp.origin.w0, slot))
        }
        #expect(seen.map(\.origin) == sent)
        #expect(seen.allSatisfy { origins.slot(of: Identifier($0.origin)) == $0.slot })
    }
}
