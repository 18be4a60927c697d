import Testing
@testable import RingsideKernel

@Suite("Identifiers and the identifier circle")
struct IdentifierTests {
    let ring7 = IdentifierSpace(bits: 7)
    let ring160 = IdentifierSpace(bits: 160)

    @Test func decimalRoundTripUpTo160Bits() throws {
        let max160 = "1461501637330902918203684832716283019655932542975"  // 2^160 - 1
        let id = try #require(Identifier(decimal: max160))
        #expect(id.description == max160)
        #expect(id == ring160.maxIdentifier)
        #expect(Identifier(decimal: "0")?.description == "0")
        #expect(Identifier(decimal: "18446744073709551616")?.description == "18446744073709551616")
        #expect(Identifier(decimal: "12a") == nil)
        #expect(Identifier(decimal: "") == nil)
        #expect(Identifier(decimal: "-1") == nil)
        #expect(!ring160.contains(Identifier.powerOfTwo(160)))
        #expect(ring160.contains(ring160.maxIdentifier))
    }

    @Test func modularArithmeticWrapsAround() {
        #expect(ring7.add(120, 10) == 2)
        #expect(ring7.subtract(2, 32) == 98)
        #expect(ring7.fingerStart(of: 90, k: 6) == 122)
        #expect(ring7.fingerStart(of: 90, k: 7) == 26)
        let top = ring160.maxIdentifier
        #expect(ring160.add(top, 1) == .zero)
        #expect(ring160.subtract(.zero, 1) == top)
        #expect(ring160.fingerStart(of: top, k: 160) == Identifier.powerOfTwo(159).subtractingWrapped(1))
        #expect(ring160.distance(from: top, to: 5) == 6)
    }

    @Test func openIntervalAtTheWrap() {
        #expect(ring7.isInOpen(10, 90, 32))
        #expect(ring7.isInOpen(127, 90, 32))
        #expect(ring7.isInOpen(0, 90, 32))
        #expect(!ring7.isInOpen(90, 90, 32))
        #expect(!ring7.isInOpen(32, 90, 32))
        #expect(!ring7.isInOpen(60, 90, 32))
        // (a, a) is the whole ring but a.
        #expect(ring7.isInOpen(5, 40, 40))
        #expect(!ring7.isInOpen(40, 40, 40))
    }

    @Test func halfOpenIntervals() {
        #expect(ring7.isInOpenClosed(15, 10, 32))
        #expect(ring7.isInOpenClosed(32, 10, 32))
        #expect(!ring7.isInOpenClosed(10, 10, 32))
        #expect(ring7.isInOpenClosed(5, 120, 10))
        #expect(ring7.isInOpenClosed(10, 120, 10))
        #expect(!ring7.isInOpenClosed(120, 120, 10))
        #expect(ring7.isInOpenClosed(77, 50, 50))  // whole ring
        #expect(ring7.isInClosedOpen(10, 10, 32))
        #expect(!ring7.isInClosedOpen(32, 10, 32))
        #expect(ring7.isInClosedOpen(127, 122, 26))
        #expect(ring7.isInClosedOpen(3, 3, 3))
    }

    @Test func intervalsAt160Bits() throws {
        let top = ring160.maxIdentifier
        let almost = ring160.subtract(top, 10)
        #expect(ring160.isInOpen(top, almost, 3))
        #expect(ring160.isInOpen(0, almost, 3))
        #expect(!ring160.isInOpen(3, almost, 3))
        #expect(ring160.isInOpenClosed(3, almost, 3))
        let mid = Identifier.powerOfTwo(100)
        #expect(ring160.isInOpen(mid, 1, Identifier.powerOfTwo(101)))
        #expect(!ring160.isInOpen(mid, Identifier.powerOfTwo(101), 1) )
        #expect(Identifier.powerOfTwo(130) > Identifier.powerOfTwo(129))
        #expect(Identifier(w2: 0, w1: 1, w0: 0) > Identifier(UInt64.max))
    }

    @Test func maskingReducesModTwoToTheBits() {
        let big = Identifier(w2: .max, w1: .max, w0: .max)
        #expect(big.masked(toBits: 7) == 127)
        #expect(big.masked(toBits: 64) == Identifier(UInt64.max))
        #expect(big.masked(toBits: 65) == Identifier(w2: 0, w1: 1, w0: .max))
        #expect(big.masked(toBits: 160).bitLength == 160)
    }
}

@Suite("SHA-1 and hashing of names")
struct HashingTests {
    @Test func fipsVectors() {
        #expect(SHA1.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA1.hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(SHA1.hex(SHA1.digest([UInt8](repeating: 97, count: 1_000_000)))
            == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func namesHashAsScriptMdSays() {
        // Values from Python's hashlib: int(sha1(name).hexdigest(), 16) mod 2^bits.
        let full = IdentifierSpace(bits: 160)
        #expect(full.hash("alice").description == "469099608771183077085495238363724627294301243880")
        #expect(IdentifierSpace(bits: 7).hash("alice") == 104)
        #expect(IdentifierSpace(bits: 7).hash("bob") == 10)
        #expect(IdentifierSpace(bits: 32).hash("X") == 3_940_488_267)
        #expect(IdentifierSpace(bits: 7).hash("N10") == 8)
    }
}

@Suite("Seeded PRNG and event queue")
struct KernelDeterminismTests {
    @Test func splitMixIsTheReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func boundedDrawsStayInRange() {
        var rng = SplitMix64(seed: 42)
        for bound in [1, 2, 3, 7, 1000, 1 << 40] as [UInt64] {
            for _ in 0..<200 { #expect(rng.next(below: bound) < bound) }
        }
        var counts = [Int](repeating: 0, count: 4)
        for _ in 0..<4000 { counts[rng.index(below: 4)] += 1 }
        #expect(counts.allSatisfy { $0 > 800 && $0 < 1200 })
    }

    @Test func queueOrdersByTimeThenSequence() {
        var queue = EventQueue<String>()
        queue.push("late", at: 10)
        queue.push("first-at-5", at: 5)
        queue.push("second-at-5", at: 5)
        queue.push("early", at: 1)
        queue.push("third-at-5", at: 5)
        var order: [String] = []
        while let entry = queue.pop() { order.append(entry.payload) }
        #expect(order == ["early", "first-at-5", "second-at-5", "third-at-5", "late"])
    }

    @Test func queueRemoveKeepsOrder() {
        var queue = EventQueue<Int>()
        var rng = SplitMix64(seed: 9)
        for i in 0..<500 { queue.push(i, at: rng.next(below: 50)) }
        queue.removeAll { $0 % 3 == 0 }
        var last: (VirtualTime, UInt64) = (0, 0)
        var seen = 0
        while let entry = queue.pop() {
            #expect(entry.payload % 3 != 0)
            #expect((entry.time, entry.sequence) >= last)
            last = (entry.time, entry.sequence)
            seen += 1
        }
        #expect(seen == 333)
    }
}
