import Testing
@testable import RingsideSimulation

/// The lecture's memcached comparison: adding a server to `hash mod S` moves nearly every
/// key; consistent hashing moves about the new server's share.
@Suite struct PlacementFigureTests {
    @Test func modPlacementMovesNearlyEveryKeyAndTheRingMovesFew() {
        let point = PlacementFigure.point(servers: 32, keys: 20_000, trials: 16)
        #expect(abs(point.modFraction - point.expectedMod) < 0.01)
        #expect(point.ringFraction < 0.1)
        #expect(point.ringFraction > 0)
        #expect(point.movedByMod > 15 * Int(point.meanMovedByRing))
    }

    @Test func theOwnerIsTheFirstServerAtOrAfterTheKeyWrapping() {
        let servers: [UInt64] = [10, 40, 90]
        #expect(PlacementFigure.owner(of: 5, among: servers) == 10)
        #expect(PlacementFigure.owner(of: 40, among: servers) == 40)
        #expect(PlacementFigure.owner(of: 41, among: servers) == 90)
        #expect(PlacementFigure.owner(of: 91, among: servers) == 10)
    }

    @Test func addingAServerMovesOnlyKeysItNowOwns() {
        // Keys move only into the new server's arc: every moved key's new owner is it.
        let before: [UInt64] = [100, 200, 300]
        let after: [UInt64] = [100, 150, 200, 300]
        for key in stride(from: UInt64(0), to: 400, by: 7) {
            let old = PlacementFigure.owner(of: key, among: before), new = PlacementFigure.owner(of: key, among: after)
            if old != new { #expect(new == 150) }
        }
    }
}
