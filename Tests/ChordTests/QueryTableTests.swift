import Testing
@testable import Chord
import RingsideKernel

/// The askers' open queries, under the cheap hash, behave as the dictionary they replace:
/// checked against a standard dictionary through a seeded run of inserts, reads, removals
/// and filtered removals, with numbers dense (as handed out) and sparse.
@Suite("QueryTable keeps exactly what a dictionary keeps")
struct QueryTableTests {
    static func query(_ n: UInt64) -> Query {
        Query(key: Identifier(n), origin: NodeIndex(truncatingIfNeeded: n % 1000), mode: .successor,
              purpose: n % 3 == 0 ? .lookupCommand(record: Int(n % 7)) : .fixFinger(k: Int(n % 64)))
    }

    @Test(arguments: [1 as UInt64, 0x9E37_79B9, 1 << 40])
    func agreesWithADictionary(stride: UInt64) {
        var table = QueryTable()
        var model: [UInt64: Query] = [:]
        var rng = SplitMix64(seed: stride)
        var next: UInt64 = 1
        for step in 0..<20_000 {
            switch rng.index(below: 10) {
            case 0..<5:
                table[next] = Self.query(next)
                model[next] = Self.query(next)
                next &+= stride
            case 5..<8:
                let number = 1 &+ UInt64(rng.index(below: Int(min(next / stride + 1, 1 << 20)))) &* stride
                #expect(table.removeValue(forKey: number)?.key == model.removeValue(forKey: number)?.key)
            case 8:
                let number = 1 &+ UInt64(rng.index(below: Int(min(next / stride + 1, 1 << 20)))) &* stride
                #expect(table[number]?.origin == model[number]?.origin)
            default:
                if step % 50 == 0 {
                    let record = rng.index(below: 7)
                    let matches: (Query) -> Bool = {
                        if case .lookupCommand(record) = $0.purpose { true } else { false }
                    }
                    table.removeAll(where: matches)
                    model = model.filter { !matches($0.value) }
                }
            }
            #expect(table.isEmpty == model.isEmpty)
        }
        #expect(table.values.map(\.key).sorted() == model.values.map(\.key).sorted())
        #expect(table.values.count == model.count)
        table.removeAll()
        #expect(table.isEmpty)
    }

    /// Numbers that differ only in their low bits (as one counter hands them out) or only
    /// in their high bits both spread over the buckets as random values would (about 2,590
    /// of 4,096 buckets hit by 4,096 keys): every bit of a number reaches the low bits the
    /// dictionary takes its bucket from.
    @Test(arguments: [0, 20, 40, 52])
    func numbersSpreadOverTheBuckets(shift: Int) {
        let seed = 0x1234_5678
        let buckets = Set((1...4096 as ClosedRange<UInt64>).map {
            QueryTable.Key(number: $0 << UInt64(shift))._rawHashValue(seed: seed) & 4095
        })
        #expect(buckets.count > 2400)
    }
}
